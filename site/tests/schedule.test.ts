import { describe, expect, it } from 'vitest'

import type { Activity } from '../../cms/src/payload-types'
import { useTranslations } from '../src/i18n'
import { activityPeriods, audienceFlags, audienceLabel, changeDate, finderWeekdays, formatOccurrence, nextDates, periodSummary, schedulePhases, weekdayName } from '../src/lib/schedule'
import { activities, activity, movingLektiecafe as moving, now } from './fixtures'

const { holbaekLektiecafe, holbaekForaeldremyndighed } = activities
const iso = (occurrences: readonly { start: Date; end: Date | null }[]) => occurrences.map(({ start, end }) => [start.toISOString(), end?.toISOString() ?? null])

describe('next dates', () => {
  it('keep the wall-clock time in Copenhagen across the start of summer time (28 March 2027)', () => {
    expect(iso(nextDates(holbaekLektiecafe, 3, now))).toEqual([
      ['2027-03-22T14:00:00.000Z', '2027-03-22T16:00:00.000Z'],
      ['2027-03-25T14:00:00.000Z', '2027-03-25T16:00:00.000Z'],
      // 15:00 summer time is 13:00 UTC.
      ['2027-03-29T13:00:00.000Z', '2027-03-29T15:00:00.000Z'],
    ])
  })

  it('and across the end of summer time (31 October 2027)', () => {
    const [thursday, monday] = nextDates(holbaekLektiecafe, 2, new Date('2027-10-26T12:00:00Z'))
    expect(thursday!.start.toISOString()).toBe('2027-10-28T13:00:00.000Z')
    expect(monday!.start.toISOString()).toBe('2027-11-01T14:00:00.000Z')
  })

  it('count a meeting that is under way', () => {
    const duringTheMeeting = new Date('2027-03-22T15:30:00Z')
    expect(nextDates(holbaekLektiecafe, 1, duringTheMeeting)[0]!.start.toISOString()).toBe('2027-03-22T14:00:00.000Z')
    const afterIt = new Date('2027-03-22T16:00:00Z')
    expect(nextDates(holbaekLektiecafe, 1, afterIt)[0]!.start.toISOString()).toBe('2027-03-25T14:00:00.000Z')
  })

  it('skip a cancelled date', () => {
    const cancelled = activity({ ...holbaekLektiecafe, schedule: { ...holbaekLektiecafe.schedule, rrule: null, exceptions: [{ date: '2027-03-25T11:00:00.000Z' }] } })
    expect(iso(nextDates(cancelled, 2, now)).map(([start]) => start)).toEqual(['2027-03-22T14:00:00.000Z', '2027-03-29T13:00:00.000Z'])
  })

  it('run on into a planned change: the old day until the day before, then the new one', () => {
    const after = new Date('2027-04-08T09:00:00Z')
    expect(iso(nextDates(moving('2027-04-12T10:00:00.000Z'), 3, after))).toEqual([
      ['2027-04-13T14:00:00.000Z', '2027-04-13T16:00:00.000Z'],
      ['2027-04-20T14:00:00.000Z', '2027-04-20T16:00:00.000Z'],
      ['2027-04-27T14:00:00.000Z', '2027-04-27T16:00:00.000Z'],
    ])
  })

  it('are none for an activity by appointment, without a schedule, a weekday or a start time', () => {
    expect(nextDates(holbaekForaeldremyndighed, 3, now)).toEqual([])
    expect(activityPeriods(holbaekForaeldremyndighed, now)).toEqual([])
    const bare: Pick<Activity, 'schedule'>[] = [{ schedule: undefined }, { schedule: {} }, { schedule: { weekdays: [], startTime: '15:00' } }]
    for (const candidate of bare) {
      expect(nextDates(candidate, 3, now)).toEqual([])
      expect(finderWeekdays(candidate, now)).toEqual([])
      expect(schedulePhases(candidate, now)).toEqual({ current: undefined, upcoming: undefined })
    }
  })

  it('a weekday without a time has no dates, but the finder still finds it under that day', () => {
    const mondays = { schedule: { weekdays: ['MO' as const], startTime: null } }
    expect(nextDates(mondays, 3, now)).toEqual([])
    expect(finderWeekdays(mondays, now)).toEqual(['MO'])
  })
})

describe('periods', () => {
  it('before a planned change: the current period, and the one that takes over', () => {
    const { current, upcoming } = schedulePhases(moving('2027-04-12T10:00:00.000Z'), now)
    expect(current).toMatchObject({ key: 'current', from: null, form: { weekdays: ['MO'], validUntil: '2027-04-11' } })
    expect(upcoming).toMatchObject({ key: 'from-20270412', from: '2027-04-12', form: { weekdays: ['TU'], startTime: '16:00' } })
  })

  it('from the change day on, the new period is current and nothing is upcoming', () => {
    const { current, upcoming } = schedulePhases(moving('2027-04-12T10:00:00.000Z'), new Date('2027-04-12T06:00:00Z'))
    expect(current?.key).toBe('from-20270412')
    expect(upcoming).toBeUndefined()
  })

  it("the finder's weekday filter counts a change within four weeks, not one further off", () => {
    expect(finderWeekdays(moving('2027-04-12T10:00:00.000Z'), now)).toEqual(['MO', 'TU'])
    expect(finderWeekdays(moving('2027-05-10T10:00:00.000Z'), now)).toEqual(['MO'])
    expect(finderWeekdays(holbaekLektiecafe, now)).toEqual(['MO', 'TH'])
  })
})

describe('in the reader’s language', () => {
  const form = holbaekLektiecafe.schedule!

  it('Danish: weekday names and times with Danish separators', () => {
    expect(periodSummary('da', form)).toEqual({ days: ['mandag', 'torsdag'], time: '15.00–17.00' })
  })

  it('Persian (right to left): Persian weekday names and Persian digits', () => {
    const { days, time } = periodSummary('fa', form)
    expect(days).toEqual([weekdayName('fa', 'MO'), weekdayName('fa', 'TH')])
    expect(days[0]).toBe('دوشنبه')
    expect(time).toBe('۱۵:۰۰–۱۷:۰۰')
  })

  it('Arabic (right to left) keeps Latin digits, as core/locales.ts decides', () => {
    const { days, time } = periodSummary('ar', form)
    expect(days[0]).toBe('الاثنين')
    expect(time).toMatch(/^15:00–17:00$/)
  })

  it('a start without an end time shows the start alone', () => {
    expect(periodSummary('en', { weekdays: ['SA'], startTime: '10:00' }).time).toBe('10:00')
  })

  it('an occurrence after the clocks change still reads 15.00–17.00 in Copenhagen', () => {
    const [, , afterTheChange] = nextDates(holbaekLektiecafe, 3, now)
    const text = formatOccurrence('da', afterTheChange!)
    expect(text.time).toBe('15.00–17.00')
    expect(text.date).toContain('29. marts 2027')
    expect(text.date).toContain('mandag')
  })

  it('the day a change takes over, without its weekday', () => {
    expect(changeDate('da', '2027-08-16')).toBe('16. august 2027')
    expect(changeDate('fa', '2027-08-16')).not.toMatch(/[0-9]/)
    expect(changeDate('fa', '2027-08-16')).toContain('۲۰۲۷')
  })
})

describe('audience', () => {
  it('flags in a fixed order, only those set', () => {
    expect(audienceFlags({ audience: { children: true, womenOnly: true, families: false } })).toEqual(['women', 'children'])
    expect(audienceFlags({})).toEqual([])
  })

  it('children’s ages in the reader’s digits', () => {
    const lektiecafe = activities.holbaekLektiecafe
    expect(audienceLabel(useTranslations('da'), 'children', lektiecafe)).toBe('For børn på 6–16 år')
    expect(audienceLabel(useTranslations('fa'), 'children', lektiecafe)).toBe('برای کودکان ۶ تا ۱۶ ساله')
    expect(audienceLabel(useTranslations('en'), 'children', { audience: { children: true, ageMin: 0 } })).toBe('For children from 0 years')
    expect(audienceLabel(useTranslations('da'), 'children', { audience: { children: true } })).toBe('For børn')
  })
})
