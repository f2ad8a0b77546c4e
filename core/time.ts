/**
 * Denmark's one time zone, and the one conversion between its wall clock and real instants.
 * Every time the project stores, shows or puts in a calendar is Danish local time: an activity at
 * "15:00 every Tuesday" stays at 15:00 across summer time, wherever the build machine runs.
 *
 * No imports: Node runs this file directly (site/scripts/release/), stripping its types.
 */
export const timeZone = 'Europe/Copenhagen'

/** A reading of Copenhagen's clock. */
export interface Wall {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  calendar: 'gregory',
  numberingSystem: 'latn',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Copenhagen's offset from UTC in milliseconds during each UTC hour (its clocks change only on the hour), asked of Intl once per hour. */
const hourOffsets = new Map<number, number>()
const hourMs = 3_600_000

function offsetDuring(ms: number): number {
  const hour = Math.floor(ms / hourMs)
  let offset = hourOffsets.get(hour)
  if (offset === undefined) {
    const start = hour * hourMs
    const parts = Object.fromEntries(partsFormat.formatToParts(new Date(start)).map(({ type, value }) => [type, Number(value)])) as unknown as Wall
    offset = floating(parts).getTime() - start
    // A build asks about a few years of hours at most; bounded all the same.
    if (hourOffsets.size >= 100_000) hourOffsets.clear()
    hourOffsets.set(hour, offset)
  }
  return offset
}

/**
 * The Copenhagen wall clock at an instant. Intl's formatToParts for each instant cost the 10×
 * build 13 s: the offset is looked up once per hour and the clock read from plain UTC fields.
 */
export function wallAt(instant: Date): Wall {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value')
  const wall = new Date(ms + offsetDuring(ms))
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() }
}

/** A wall-clock time as a floating Date (its UTC fields hold the wall clock). */
export function floating(wall: Wall): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second))
}

/** The instant when Copenhagen's clock shows `wall` (a time skipped by spring-forward moves on by the gap). */
export function copenhagenInstant(wall: Wall): Date {
  const target = floating(wall).getTime()
  let instant = target
  // Two rounds settle the offset also on the days the clocks change.
  for (let round = 0; round < 2; round++) {
    const offset = floating(wallAt(new Date(instant))).getTime() - instant
    instant = target - offset
  }
  return new Date(instant)
}

/** Copenhagen's offset from UTC at an instant, in hours (1 in winter, 2 in summer). */
export function utcOffsetHours(instant: Date): number {
  return Math.round((floating(wallAt(instant)).getTime() - Math.floor(instant.getTime() / 1000) * 1000) / 60_000) / 60
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** The Copenhagen calendar day of an instant, as "YYYY-MM-DD" (today by default). */
export function copenhagenToday(now = new Date()): string {
  const { year, month, day } = wallAt(now)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}
