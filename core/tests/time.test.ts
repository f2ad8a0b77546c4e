import { describe, expect, it } from 'vitest'

import { copenhagenInstant, copenhagenToday, timeZone, utcOffsetHours, wallAt } from '../time'

describe('the Copenhagen clock (core/time.ts)', () => {
  it('turns a wall-clock time into the instant, in winter and in summer', () => {
    expect(copenhagenInstant({ year: 2027, month: 1, day: 12, hour: 15, minute: 0, second: 0 }).toISOString()).toBe('2027-01-12T14:00:00.000Z')
    expect(copenhagenInstant({ year: 2027, month: 7, day: 12, hour: 15, minute: 0, second: 0 }).toISOString()).toBe('2027-07-12T13:00:00.000Z')
  })

  it('keeps the wall clock on the days the clocks change', () => {
    // 28 March 2027: 02:00 becomes 03:00; 31 October 2027: 03:00 becomes 02:00.
    expect(copenhagenInstant({ year: 2027, month: 3, day: 28, hour: 9, minute: 0, second: 0 }).toISOString()).toBe('2027-03-28T07:00:00.000Z')
    expect(copenhagenInstant({ year: 2027, month: 10, day: 31, hour: 9, minute: 0, second: 0 }).toISOString()).toBe('2027-10-31T08:00:00.000Z')
    // A time the clocks skip moves on by the gap.
    expect(copenhagenInstant({ year: 2027, month: 3, day: 28, hour: 2, minute: 30, second: 0 }).toISOString()).toBe('2027-03-28T01:30:00.000Z')
  })

  it('reads the clock back from an instant', () => {
    const wall = { year: 2027, month: 10, day: 31, hour: 1, minute: 45, second: 0 }
    expect(wallAt(copenhagenInstant(wall))).toEqual(wall)
  })

  it('reads the same clock as Intl, minute by minute across both changes of 2027 and at random instants over 30 years', () => {
    // wallAt looks the offset up once per UTC hour: it must agree with Intl at every instant.
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    const read = (instant: Date) => {
      const parts = Object.fromEntries(intl.formatToParts(instant).map(({ type, value }) => [type, Number(value)]))
      return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second }
    }
    const instants: Date[] = []
    for (const change of ['2027-03-28T00:00:00Z', '2027-10-31T00:00:00Z']) {
      for (let minute = 0; minute < 180; minute++) instants.push(new Date(Date.parse(change) + minute * 60_000 + 59_999))
    }
    let seed = 7
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let n = 0; n < 2000; n++) instants.push(new Date(Date.UTC(2010, 0, 1) + Math.floor(random() * 30 * 365.25 * 86_400_000)))
    const differing = instants.filter((instant) => JSON.stringify(wallAt(instant)) !== JSON.stringify(read(instant)))
    expect(differing.map((instant) => instant.toISOString())).toEqual([])
    expect(() => wallAt(new Date(Number.NaN))).toThrow(RangeError)
  })

  it('gives the offset from UTC in hours', () => {
    expect(utcOffsetHours(new Date('2027-01-12T12:00:00.250Z'))).toBe(1)
    expect(utcOffsetHours(new Date('2027-07-12T12:00:00Z'))).toBe(2)
  })

  it("gives Copenhagen's calendar day, not the machine's", () => {
    // 23:30 UTC on 31 December is already New Year in Copenhagen (and still the 31st in Los Angeles).
    expect(copenhagenToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(timeZone).toBe('Europe/Copenhagen')
  })
})
