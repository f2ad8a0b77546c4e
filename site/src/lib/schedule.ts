import type { Activity, Department } from '../../../cms/src/payload-types'
import {
  copenhagenInstant,
  copenhagenToday,
  nextOccurrences,
  periodOn,
  schedulePeriods,
  weekdayCodes,
  weekdaysWithin,
  type Occurrence,
  type ScheduleForm,
  type SchedulePeriod,
  type WeekdayCode,
} from '../../../core/schedule'
import { regions as coreRegions } from '../../../core/regions'
import { timeZone } from '../../../core/time'
import { formatDateTime, formatter, numberingSystem, type LocaleCode, type UIKey } from '../i18n'
import { buildTime } from './now'

export { weekdayCodes, type Occurrence, type SchedulePeriod, type WeekdayCode }

/** The regions in the order the site lists them (core/regions.ts), typed as the CMS stores them: the two lists must agree. */
export const regions: readonly Department['region'][] = coreRegions

/**
 * Each schedule's next meetings, by the schedule's text: an activity shows them on its page, its
 * poster, its department's and type's lists and in the finder, in 8 languages (its schedule is
 * the same in each). Expanding the rule for every one of them cost the 10× build 19 s. Frozen: callers share them.
 */
const expanded = new Map<string, readonly Occurrence[]>()

/** The next meetings of an activity after the site was built (it rebuilds daily), across a planned change. */
export function nextDates(activity: Pick<Activity, 'schedule'>, count = 3, now = buildTime): readonly Occurrence[] {
  const key = `${count} ${now.getTime()} ${JSON.stringify(activity.schedule ?? null)}`
  let dates = expanded.get(key)
  if (!dates) {
    dates = Object.freeze(nextOccurrences(activity.schedule as ScheduleForm | null | undefined, { after: now, count }).map((occurrence) => Object.freeze(occurrence)))
    if (expanded.size >= 50_000) expanded.clear()
    expanded.set(key, dates)
  }
  return dates
}

/** The schedule's periods with their rules (the current one, and one planned to take over). */
export const activityPeriods = (activity: Pick<Activity, 'schedule'>, now = buildTime): SchedulePeriod[] =>
  schedulePeriods(activity.schedule as ScheduleForm | null | undefined, now)

/**
 * What the page says about the times: the period in force on the build's day, and the one that
 * takes over later ("Fra 16. august: …"), if one is planned and its day has not come.
 */
export function schedulePhases(activity: Pick<Activity, 'schedule'>, now = buildTime): { current?: SchedulePeriod; upcoming?: SchedulePeriod } {
  const periods = activityPeriods(activity, now)
  const today = copenhagenToday(now)
  return { current: periodOn(periods, today), upcoming: periods.find((period) => period.from !== null && period.from > today) }
}

/**
 * How far ahead a planned change counts in the finder's weekday filter: someone who picks
 * "Monday" today can start within a few weeks, so a café moving to Monday in two weeks is found
 * there (and still under its old day until the change).
 */
export const finderHorizonDays = 28

/** The weekdays the finder filters by: those in force now, and those of a change within `finderHorizonDays`. */
export const finderWeekdays = (activity: Pick<Activity, 'schedule'>, now = buildTime): WeekdayCode[] =>
  weekdaysWithin(activity.schedule as ScheduleForm | null | undefined, { now, horizonDays: finderHorizonDays })

/** "mandag, torsdag" and "16.00–18.00" of a period's form, in the reader's language. */
export function periodSummary(lang: LocaleCode, form: ScheduleForm) {
  const days = weekdayCodes.filter((code) => form.weekdays?.includes(code)).map((code) => weekdayName(lang, code))
  const clock = (value: string | null | undefined) => {
    const match = value ? /^(\d{2})[:.](\d{2})$/.exec(value) : null
    // Any winter day will do: only the wall-clock time is shown.
    return match ? formatDateTime(lang, copenhagenInstant({ year: 2026, month: 1, day: 5, hour: Number(match[1]), minute: Number(match[2]), second: 0 }), 'time') : null
  }
  const start = clock(form.startTime)
  const end = clock(form.endTime)
  return { days, time: start && end ? `${start}–${end}` : (start ?? '') }
}

/** "tirsdag 3. februar 2026" and "15.00–17.00", in the reader's language and Copenhagen time. */
export function formatOccurrence(lang: LocaleCode, occurrence: Occurrence) {
  const start = formatDateTime(lang, occurrence.start, 'time')
  return {
    date: formatDateTime(lang, occurrence.start, 'date'),
    time: occurrence.end ? `${start}–${formatDateTime(lang, occurrence.end, 'time')}` : start,
  }
}

/** A weekday's name in the reader's language ("tirsdag", "ሰሉስ"). */
export function weekdayName(lang: LocaleCode, code: WeekdayCode) {
  // 5 January 2026 was a Monday.
  const day = new Date(Date.UTC(2026, 0, 5 + weekdayCodes.indexOf(code), 12))
  return formatter(`weekday:${lang}`, () => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' })).format(day)
}

/** "Ringkøbing-Skjern" → "ringkoebing-skjern": the same slugs as the CMS. */
export { slugify as placeSlug } from '../../../core/slug'

export type AudienceFlag = 'women' | 'families' | 'children'

export function audienceFlags(activity: Pick<Activity, 'audience'>): AudienceFlag[] {
  const audience = activity.audience ?? {}
  return [audience.womenOnly && 'women', audience.families && 'families', audience.children && 'children'].filter(Boolean) as AudienceFlag[]
}

/** The label of one audience flag, with the children's ages when given. */
export function audienceLabel(t: (key: UIKey, params?: Record<string, string | number>) => string, flag: AudienceFlag, activity: Pick<Activity, 'audience'>) {
  if (flag === 'women') return t('audience.women')
  if (flag === 'families') return t('audience.families')
  const { ageMin, ageMax } = activity.audience ?? {}
  const has = (value: number | null | undefined): value is number => value !== null && value !== undefined
  if (has(ageMin) && has(ageMax)) return t('audience.childrenAges', { min: ageMin, max: ageMax })
  if (has(ageMin)) return t('audience.childrenFrom', { min: ageMin })
  if (has(ageMax)) return t('audience.childrenUpTo', { max: ageMax })
  return t('audience.children')
}

/** "16. august 2027": the day a change takes over, without the weekday (it reads as "from <date>" in every language). */
export function changeDate(lang: LocaleCode, day: string) {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  // Noon UTC is the same calendar day in Copenhagen all year.
  return formatter(`change-date:${lang}`, () => new Intl.DateTimeFormat(lang, { timeZone, calendar: 'gregory', numberingSystem: numberingSystem(lang), day: 'numeric', month: 'long', year: 'numeric' })).format(
    new Date(Date.UTC(year, month - 1, date, 12)),
  )
}
