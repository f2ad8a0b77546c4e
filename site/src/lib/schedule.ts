import type { Activity, Department } from '../../../cms/src/payload-types'
import { nextOccurrences, weekdayCodes, type Occurrence, type WeekdayCode } from '../../../content/schedule'
import { formatDateTime, type LocaleCode, type UIKey } from '../i18n'
import { buildTime } from './data'

export { weekdayCodes, type Occurrence, type WeekdayCode }

/** The regions in the order the site lists them (east to north). */
export const regions = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const satisfies readonly Department['region'][]

/** The next meetings of an activity after the site was built (it rebuilds daily). */
export function nextDates(activity: Pick<Activity, 'schedule'>, count = 3): Occurrence[] {
  return nextOccurrences(activity.schedule, { after: buildTime, count })
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
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(day)
}

/** "Ringkøbing-Skjern" → "ringkoebing-skjern": the same slugs as the CMS. */
export { slugify as placeSlug } from '../../../content/slug'

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
