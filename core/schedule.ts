import * as rruleModule from 'rrule'

import { copenhagenInstant, copenhagenToday, floating, timeZone, wallAt, type Wall } from './time'

/**
 * Recurring schedules: the editor's form (weekdays, times, valid from/until, cancelled dates)
 * becomes an RFC 5545 rule, and a rule becomes the next dates as real instants. Shared by the
 * CMS (which stores the rule) and the site (which shows the next dates and builds calendars).
 *
 * Times are wall-clock times in Copenhagen: "15:00 every Tuesday" stays 15:00 across daylight
 * saving time. rrule's own TZID support returns dates shifted by the *build machine's* time
 * zone, so rules are expanded as floating times (UTC fields = Copenhagen wall clock) and each
 * result is then turned into an instant for Europe/Copenhagen (./time.ts).
 */

// rrule ships CommonJS for Node (named ESM imports fail there) and ESM for bundlers: accept both.
const { RRule, RRuleSet, rrulestr } = (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule

export { copenhagenInstant, copenhagenToday } from './time'

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type WeekdayCode = (typeof weekdayCodes)[number]

/** The schedule group as the CMS stores it (`Activity['schedule']`). */
export interface ScheduleForm {
  byAppointment?: boolean | null
  weekdays?: readonly WeekdayCode[] | null
  frequency?: 'weekly' | 'biweekly' | null
  startTime?: string | null
  endTime?: string | null
  validFrom?: string | null
  validUntil?: string | null
  exceptions?: readonly { date?: string | null }[] | null
  rrule?: string | null
  /** A following period planned ahead: from `changesOn` it replaces the times above. */
  nextPeriod?: NextPeriodForm | null
}

/** "Ny tid fra": the times that take over on `changesOn` (the cancelled dates are shared). */
export interface NextPeriodForm {
  changesOn?: string | null
  weekdays?: readonly WeekdayCode[] | null
  frequency?: 'weekly' | 'biweekly' | null
  startTime?: string | null
  endTime?: string | null
  validUntil?: string | null
  rrule?: string | null
}

export interface Occurrence {
  start: Date
  /** Null when the schedule has no end time. */
  end: Date | null
}

/** "YYYY-MM-DD" of a Copenhagen calendar day. */
const isoDay = ({ year, month, day }: { year: number; month: number; day: number }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

function wallOfFloating(date: Date): Wall {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  }
}

/** "2025-03-25", "2025-03-25T00:00:00.000Z" (a Payload date) → the Copenhagen calendar day. */
export function calendarDay(value: string): { year: number; month: number; day: number } | null {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (plain) return { year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) }
  const instant = new Date(value)
  if (Number.isNaN(instant.getTime())) return null
  const { year, month, day } = wallAt(instant)
  return { year, month, day }
}

function parseTime(value: string | null | undefined): { hour: number; minute: number } | null {
  const match = value ? /^([01]\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim()) : null
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')
const icalLocal = (wall: Wall) =>
  `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`

/** The date part of a rule's DTSTART ("YYYY-MM-DD"), to keep a series anchored when it is rebuilt. */
export function ruleStartDay(rule: string | null | undefined): string | null {
  const match = rule ? /^DTSTART[^:\n]*:(\d{4})(\d{2})(\d{2})/m.exec(rule) : null
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null
}

/**
 * The RFC 5545 text for a schedule form, or null when it has no fixed times (by appointment,
 * no weekday or no start time):
 *
 *   DTSTART;TZID=Europe/Copenhagen:20250325T150000
 *   RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=TU,TH;UNTIL=20250630T215959Z
 *   EXDATE;TZID=Europe/Copenhagen:20250415T150000
 *
 * DTSTART is the first meeting on or after `validFrom` (or `startDay` when that is empty, e.g.
 * the day the series was first saved, so "every other week" keeps its weeks); UNTIL is the end
 * of `validUntil` in Copenhagen, in UTC as RFC 5545 requires with a TZID start.
 */
export function buildRule(schedule: ScheduleForm | null | undefined, { startDay }: { startDay?: string | null } = {}): string | null {
  if (!schedule || schedule.byAppointment) return null
  const weekdays = weekdayCodes.filter((code) => schedule.weekdays?.includes(code))
  const start = parseTime(schedule.startTime)
  if (weekdays.length === 0 || !start) return null

  const validFrom = calendarDay(schedule.validFrom ?? '')
  const from = validFrom ?? calendarDay(startDay ?? '') ?? calendarDay(copenhagenToday())!
  // The first day on or after `from` that is one of the weekdays (RFC 5545: DTSTART is the first instance).
  const first = new Date(Date.UTC(from.year, from.month - 1, from.day))
  // Anchored on the day the series was first saved: count from the Monday of that week, so that
  // moving the meeting to an earlier weekday keeps "every other week" in the same weeks.
  if (!validFrom) first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7))
  while (!weekdays.includes(weekdayCodes[(first.getUTCDay() + 6) % 7]!)) first.setUTCDate(first.getUTCDate() + 1)
  const dtstart: Wall = {
    year: first.getUTCFullYear(),
    month: first.getUTCMonth() + 1,
    day: first.getUTCDate(),
    hour: start.hour,
    minute: start.minute,
    second: 0,
  }

  const untilDay = calendarDay(schedule.validUntil ?? '')
  const until = untilDay ? copenhagenInstant({ ...untilDay, hour: 23, minute: 59, second: 59 }) : null
  const rruleLine = RRule.optionsToString({
    freq: RRule.WEEKLY,
    interval: schedule.frequency === 'biweekly' ? 2 : 1,
    wkst: RRule.MO,
    byweekday: weekdays.map((code) => RRule[code]),
    until,
  })

  const exdates = [
    ...new Set(
      (schedule.exceptions ?? [])
        .map((exception) => calendarDay(exception.date ?? ''))
        .filter((day): day is NonNullable<typeof day> => day !== null)
        .map((day) => icalLocal({ ...day, hour: start.hour, minute: start.minute, second: 0 })),
    ),
  ].sort()

  return [
    `DTSTART;TZID=${timeZone}:${icalLocal(dtstart)}`,
    rruleLine,
    ...(exdates.length > 0 ? [`EXDATE;TZID=${timeZone}:${exdates.join(',')}`] : []),
  ].join('\n')
}

/**
 * The next `count` meetings of a rule that have not ended at `after` (a meeting under way
 * counts), as instants. `endTime` ("17:00") gives each meeting its end on the same day.
 */
export function expandRule(
  rule: string,
  { after = new Date(), count = 3, endTime }: { after?: Date; count?: number; endTime?: string | null } = {},
): Occurrence[] {
  const parsed = rrulestr(rule, { forceset: true }) as InstanceType<typeof RRuleSet>
  const [recurrence] = parsed.rrules()
  if (!recurrence) return []
  const options = recurrence.origOptions
  const dtstart = options.dtstart
  if (!dtstart) return []
  const startTime = { hour: dtstart.getUTCHours(), minute: dtstart.getUTCMinutes() }
  const end = parseTime(endTime)
  const durationMs = end ? (end.hour * 60 + end.minute - (startTime.hour * 60 + startTime.minute)) * 60_000 : 0

  // Floating expansion: the parsed DTSTART/EXDATE already hold the wall clock in UTC fields;
  // UNTIL (UTC, "Z") becomes Copenhagen wall clock too.
  const floatingSet = new RRuleSet()
  floatingSet.rrule(new RRule({ ...options, tzid: null, until: options.until ? floating(wallAt(options.until)) : null }))
  for (const exdate of parsed.exdates()) floatingSet.exdate(exdate)

  // A meeting still under way at `after` counts: look back by its length.
  const from = floating(wallAt(new Date(after.getTime() - Math.max(durationMs, 0))))
  const occurrences: Occurrence[] = []
  let cursor = from
  let inclusive = true
  while (occurrences.length < count) {
    const next = floatingSet.after(cursor, inclusive)
    if (!next) break
    inclusive = false
    cursor = next
    const startsAt = copenhagenInstant(wallOfFloating(next))
    const endsAt = end && durationMs > 0 ? copenhagenInstant(wallOfFloating(new Date(next.getTime() + durationMs))) : null
    if (endsAt ? endsAt.getTime() <= after.getTime() : startsAt.getTime() < after.getTime()) continue
    occurrences.push({ start: startsAt, end: endsAt })
  }
  return occurrences
}

/**
 * A rule for a schedule saved before the CMS stored rules, built from the form. Not for "every
 * other week" without "valid from": its weeks would then depend on the day of the build.
 */
export function fallbackRule(schedule: ScheduleForm, today: Date): string | null {
  if (schedule.frequency === 'biweekly' && !schedule.validFrom) return null
  return buildRule(schedule, { startDay: copenhagenToday(today) })
}

/**
 * The next meetings of a stored schedule, across its periods (the current one, then the one
 * planned to take over), in date order.
 */
export function nextOccurrences(
  schedule: ScheduleForm | null | undefined,
  { after = new Date(), count = 3 }: { after?: Date; count?: number } = {},
): Occurrence[] {
  return schedulePeriods(schedule, after)
    .flatMap((period) => expandRule(period.rule, { after, count, endTime: period.form.endTime }))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .slice(0, count)
}

/** The Copenhagen calendar day of a date value ("YYYY-MM-DD"), or null when it is empty or unreadable. */
export function scheduleDay(value: string | null | undefined): string | null {
  const day = calendarDay(value ?? '')
  return day ? isoDay(day) : null
}

/** The calendar day before "YYYY-MM-DD". */
export function dayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10)
}

/** The day a planned following period takes over ("YYYY-MM-DD"), or null when none is planned. */
export function changeDay(schedule: ScheduleForm | null | undefined): string | null {
  if (!schedule || schedule.byAppointment) return null
  return scheduleDay(schedule.nextPeriod?.changesOn)
}

/**
 * The period in force until the change: the form as it is, but ending the day before the
 * following period takes over (or on its own "valid until" if that comes first).
 */
export function currentPeriodForm(schedule: ScheduleForm): ScheduleForm {
  const change = changeDay(schedule)
  if (!change) return schedule
  const lastDay = dayBefore(change)
  const until = scheduleDay(schedule.validUntil)
  return { ...schedule, validUntil: until && until < lastDay ? until : lastDay }
}

/** The following period as a schedule form of its own: from the change day, with the shared cancelled dates. */
export function nextPeriodForm(schedule: ScheduleForm): ScheduleForm | null {
  const change = changeDay(schedule)
  const next = schedule.nextPeriod
  if (!change || !next) return null
  return {
    weekdays: next.weekdays,
    frequency: next.frequency,
    startTime: next.startTime,
    endTime: next.endTime,
    validFrom: change,
    validUntil: next.validUntil,
    exceptions: schedule.exceptions,
  }
}

/**
 * The rules the CMS stores for a schedule: `current` in `schedule.rrule` (ending before the
 * change) and `next` in `schedule.nextPeriod.rrule` (starting on the change day).
 */
export function buildRules(schedule: ScheduleForm, { startDay }: { startDay?: string | null } = {}): { current: string | null; next: string | null } {
  const next = nextPeriodForm(schedule)
  return { current: buildRule(currentPeriodForm(schedule), { startDay }), next: next ? buildRule(next) : null }
}

/**
 * "Ny tid fra" once its day has come: the following period becomes the schedule (from its change
 * day) and nothing is planned any more. The CMS does this when an activity is saved after the
 * change, so the form shows what is true now; the site switches on the day without it.
 */
export function promoteNextPeriod<T extends ScheduleForm>(schedule: T, today: string = copenhagenToday()): T {
  const change = changeDay(schedule)
  const next = schedule.nextPeriod
  if (!change || !next || change > today) return schedule
  return {
    ...schedule,
    weekdays: next.weekdays,
    frequency: next.frequency,
    startTime: next.startTime,
    endTime: next.endTime,
    validFrom: change,
    validUntil: next.validUntil ?? null,
    rrule: null,
    nextPeriod: { changesOn: null, weekdays: [], frequency: 'weekly', startTime: null, endTime: null, validUntil: null, rrule: null },
  }
}

/** One period of a schedule with the rule that repeats it. */
export interface SchedulePeriod {
  /** "current", or "from-YYYYMMDD" for the following period: part of its calendar UID. */
  key: string
  /** The change day ("YYYY-MM-DD") for the following period; null for the current one. */
  from: string | null
  form: ScheduleForm
  rule: string
}

/**
 * The periods of a stored schedule, each with its rule: the one the CMS stored, or (saved before
 * rules or periods were stored) one built from the form. None for "by appointment".
 */
export function schedulePeriods(schedule: ScheduleForm | null | undefined, today: Date): SchedulePeriod[] {
  if (!schedule || schedule.byAppointment) return []
  const periods: SchedulePeriod[] = []
  const current = currentPeriodForm(schedule)
  const change = changeDay(schedule)
  // The CMS stores both rules in one save; a planned change without its stored rule means the
  // current rule was stored before the change was known, so it would not end: build it again.
  const storedCurrent = !change || schedule.nextPeriod?.rrule ? schedule.rrule : null
  const currentRule = storedCurrent || fallbackRule(current, today)
  if (currentRule) periods.push({ key: 'current', from: null, form: current, rule: currentRule })
  const next = nextPeriodForm(schedule)
  if (next && change) {
    const nextRule = schedule.nextPeriod?.rrule || buildRule(next)
    if (nextRule) periods.push({ key: `from-${change.replace(/-/g, '')}`, from: change, form: next, rule: nextRule })
  }
  return periods
}

/** The period in force on a day: the following one from its change day, else the current one. */
export function periodOn(periods: readonly SchedulePeriod[], day: string): SchedulePeriod | undefined {
  return [...periods].reverse().find((period) => !period.from || period.from <= day) ?? periods[0]
}

/**
 * The weekdays a schedule meets on, as a weekday filter should count them: those of the period
 * in force on `now`'s day, and those of a planned change whose day is at most `horizonDays` away
 * (someone who picks "Monday" today can start within a few weeks).
 */
export function weekdaysWithin(schedule: ScheduleForm | null | undefined, { now, horizonDays }: { now: Date; horizonDays: number }): WeekdayCode[] {
  if (!schedule || schedule.byAppointment) return []
  const periods = schedulePeriods(schedule, now)
  const today = copenhagenToday(now)
  const horizon = copenhagenToday(new Date(now.getTime() + horizonDays * 86_400_000))
  const current = periodOn(periods, today)?.form ?? schedule
  const upcoming = periods.filter((period) => period.from !== null && period.from > today && period.from <= horizon).map((period) => period.form)
  return weekdayCodes.filter((code) => [current, ...upcoming].some((form) => form.weekdays?.includes(code)))
}
