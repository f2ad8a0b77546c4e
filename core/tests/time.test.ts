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
