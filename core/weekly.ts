/**
 * The next meetings of a schedule, computed on the reader's phone: the saved list ("My
 * activities") shows them offline, from the rules the activity's page carried when it was saved.
 * The site and the CMS expand rules with `rrule` (./schedule.ts), 20 KB of script a phone should
 * not download for this; the rules the CMS writes (buildRule) are all of one small shape, which
 * this file expands with the same results (core/tests/weekly.test.ts compares the two on
 * thousands of generated schedules, daylight-saving days included):
 *
 *   DTSTART;TZID=Europe/Copenhagen:20250325T150000
 *   RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=TU,TH;UNTIL=20250630T215959Z
 *   EXDATE;TZID=Europe/Copenhagen:20250415T150000,20250422T150000
 *
 * A rule of another shape gives `null`: the caller then shows what the page said at build time.
 * Imports only ./time.ts, so the phone's bundle stays small.
 */
import { copenhagenInstant, floating, wallAt } from './time'

/** One period of a schedule as a page carries it: its rule and the meetings' end time ("17:00"). */
export interface CarriedPeriod {
  rule: string
  endTime?: string | null
}

/** A meeting as instants in milliseconds (end null when the schedule has no end time). */
export interface Meeting {
  start: number
  end: number | null
}

const day = 86_400_000
const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']

/** "20250325T150000" → its fields as floating ms (UTC fields = the text's clock). */
function fieldsMs(text: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/.exec(text)
  if (!match) return null
  const [year, month, dayOfMonth, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  return Date.UTC(year, month - 1, dayOfMonth, hour, minute, second)
}

interface Parsed {
  start: number
  interval: number
  days: number[]
  until: number | null
  excluded: Set<number>
}

/** The rule's parts, or null when it is not the weekly shape the CMS writes. */
function parse(rule: string): Parsed | null {
  let start: number | null = null
  let rrule: Record<string, string> | null = null
  const excluded = new Set<number>()
  for (const line of rule.split(/\r?\n/)) {
    if (!line.trim()) continue
    const [name, value = ''] = line.split(/:(.*)/s) as [string, string?]
    const [property, ...parameters] = name.split(';')
    // DTSTART and EXDATE in Copenhagen's wall clock, as buildRule writes them.
    const zoned = parameters.length === 1 && parameters[0] === 'TZID=Europe/Copenhagen' && !value.endsWith('Z')
    if (property === 'DTSTART' && zoned && start === null) start = fieldsMs(value)
    else if (property === 'EXDATE' && zoned) {
      for (const text of value.split(',')) {
        const ms = fieldsMs(text)
        if (ms === null) return null
        excluded.add(ms)
      }
    } else if (property === 'RRULE' && parameters.length === 0 && !rrule) rrule = Object.fromEntries(value.split(';').map((part) => part.split('=') as [string, string]))
    else return null
  }
  if (start === null || !rrule || rrule.FREQ !== 'WEEKLY' || (rrule.WKST ?? 'MO') !== 'MO') return null
  if (Object.keys(rrule).some((key) => !['FREQ', 'INTERVAL', 'WKST', 'BYDAY', 'UNTIL'].includes(key))) return null
  const interval = Number(rrule.INTERVAL ?? 1)
  const days = (rrule.BYDAY ?? '').split(',').map((code) => weekdays.indexOf(code))
  if (!(interval >= 1) || days.some((index) => index < 0)) return null
  // UNTIL is an instant (UTC); it ends the series at Copenhagen's wall clock then.
  const untilFields = rrule.UNTIL ? fieldsMs(rrule.UNTIL) : null
  if (rrule.UNTIL && untilFields === null) return null
  const until = untilFields === null ? null : floating(wallAt(new Date(untilFields))).getTime()
  return { start, interval, days, until, excluded }
}

const minutesOf = (time: string | null | undefined): number | null => {
  const match = time ? /^([01]\d|2[0-3])[:.]([0-5]\d)$/.exec(time.trim()) : null
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

function floatingWall(floatingTime: number) {
  const date = new Date(floatingTime)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() }
}

/**
 * The next `count` meetings of one rule that have not ended at `after` (a meeting under way
 * counts), as schedule.ts's expandRule gives them; null for a rule of another shape.
 */
export function expandWeekly(rule: string, { after, count, endTime }: { after: number; count: number; endTime?: string | null }): Meeting[] | null {
  const parsed = parse(rule)
  if (!parsed) return null
  const timeOfDay = parsed.start % day
  const startMinutes = Math.floor(timeOfDay / 60_000)
  const endMinutes = minutesOf(endTime)
  const duration = endMinutes === null ? 0 : (endMinutes - startMinutes) * 60_000
  // Floating days from the later of the first meeting's day and the day of (after − a meeting's length).
  const from = floating(wallAt(new Date(after - Math.max(duration, 0)))).getTime()
  const firstDay = parsed.start - (parsed.start % day)
  const mondayOfFirst = firstDay - (((new Date(firstDay).getUTCDay() + 6) % 7) * day)
  const meetings: Meeting[] = []
  // A weekly rule meets at least once in `interval` weeks: a year and a bit past `from` is plenty.
  const lastDay = Math.max(firstDay, from - (from % day)) + (parsed.interval * 7 + 400) * day
  for (let dayStart = Math.max(firstDay, from - (from % day)); dayStart <= lastDay && meetings.length < count; dayStart += day) {
    const week = Math.floor((dayStart - mondayOfFirst) / (7 * day))
    if (week % parsed.interval !== 0 || !parsed.days.includes((new Date(dayStart).getUTCDay() + 6) % 7)) continue
    const at = dayStart + timeOfDay
    if (at < parsed.start || at < from) continue
    if (parsed.until !== null && at > parsed.until) break
    if (parsed.excluded.has(at)) continue
    const start = copenhagenInstant(floatingWall(at)).getTime()
    const end = endMinutes !== null && duration > 0 ? copenhagenInstant(floatingWall(at + duration)).getTime() : null
    if (end !== null ? end <= after : start < after) continue
    meetings.push({ start, end })
  }
  return meetings
}

/**
 * The next meetings across a schedule's periods (the current one, then the one planned to take
 * over), in date order, as schedule.ts's nextOccurrences; null when a rule is of another shape.
 */
export function nextMeetings(periods: readonly CarriedPeriod[], { after, count = 3 }: { after: number; count?: number }): Meeting[] | null {
  const all: Meeting[] = []
  for (const period of periods) {
    const meetings = expandWeekly(period.rule, { after, count, endTime: period.endTime })
    if (!meetings) return null
    all.push(...meetings)
  }
  return all.sort((a, b) => a.start - b.start).slice(0, count)
}
