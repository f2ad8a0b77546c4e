import type { Payload } from 'payload'
import * as rruleModule from 'rrule'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  buildRule,
  buildRules,
  copenhagenToday,
  dayBefore,
  expandRule,
  nextOccurrences,
  periodOn,
  promoteNextPeriod,
  ruleStartDay,
  schedulePeriods,
  weekdaysWithin,
  type ScheduleForm,
} from '../../core/schedule'
import type { Activity, ActivityType, Department } from '../src/payload-types'
import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'

const { rrulestr } = (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule

/** What a person in Copenhagen reads on the clock: "tirsdag 2026-03-24 15:00". */
const copenhagen = (instant: Date | null | undefined) =>
  instant
    ? new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Copenhagen',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(instant)
        .replace(',', '')
    : null
const starts = (schedule: ScheduleForm, after: string, count = 3) =>
  nextOccurrences(schedule, { after: new Date(after), count }).map((occurrence) => occurrence.start.toISOString())

describe('schedule rules (core/schedule.ts)', () => {
  const tuesdays: ScheduleForm = { weekdays: ['TU'], startTime: '15:00', endTime: '17:00', validFrom: '2026-01-06' }

  it('builds an RFC 5545 rule with a Copenhagen start, weekly interval and weekdays', () => {
    const rule = buildRule({ ...tuesdays, weekdays: ['TH', 'TU'], validUntil: '2026-06-30', exceptions: [{ date: '2026-04-07' }] })
    expect(rule).toBe(
      [
        'DTSTART;TZID=Europe/Copenhagen:20260106T150000',
        'RRULE:FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=TU,TH;UNTIL=20260630T215959Z',
        'EXDATE;TZID=Europe/Copenhagen:20260407T150000',
      ].join('\n'),
    )
    // Any RFC 5545 reader (here rrule's own parser) accepts it.
    const parsed = rrulestr(rule!, { forceset: true }) as InstanceType<typeof rruleModule.RRuleSet>
    expect(parsed.rrules()).toHaveLength(1)
    expect(parsed.exdates()).toHaveLength(1)
  })

  it('weekly: the next three Tuesdays at 15:00–17:00 Copenhagen time', () => {
    const [first, second, third] = nextOccurrences(tuesdays, { after: new Date('2026-02-01T12:00:00Z') })
    expect([first, second, third].map((occurrence) => copenhagen(occurrence?.start))).toEqual([
      'tis 2026-02-03 15:00',
      'tis 2026-02-10 15:00',
      'tis 2026-02-17 15:00',
    ])
    expect(copenhagen(first?.end)).toBe('tis 2026-02-03 17:00')
    // Winter: Copenhagen is UTC+1.
    expect(first?.start.toISOString()).toBe('2026-02-03T14:00:00.000Z')
  })

  it('biweekly: every other week, counted from the first meeting', () => {
    const schedule: ScheduleForm = { ...tuesdays, frequency: 'biweekly' }
    expect(starts(schedule, '2026-01-07T00:00:00Z')).toEqual([
      '2026-01-20T14:00:00.000Z',
      '2026-02-03T14:00:00.000Z',
      '2026-02-17T14:00:00.000Z',
    ])
  })

  it('several weekdays come in date order', () => {
    const schedule: ScheduleForm = { ...tuesdays, weekdays: ['TH', 'MO'] }
    expect(nextOccurrences(schedule, { after: new Date('2026-02-03T00:00:00Z'), count: 4 }).map((o) => copenhagen(o.start))).toEqual([
      'tors 2026-02-05 15:00',
      'mån 2026-02-09 15:00',
      'tors 2026-02-12 15:00',
      'mån 2026-02-16 15:00',
    ])
  })

  it('spring forward (29 March 2026): 15:00 stays 15:00 local, one hour earlier in UTC', () => {
    const sundays: ScheduleForm = { weekdays: ['SU'], startTime: '15:00', endTime: '17:00', validFrom: '2026-03-01' }
    const occurrences = nextOccurrences(sundays, { after: new Date('2026-03-20T00:00:00Z') })
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-03-22T14:00:00.000Z', // CET, UTC+1
      '2026-03-29T13:00:00.000Z', // the day the clocks go forward: CEST, UTC+2
      '2026-04-05T13:00:00.000Z',
    ])
    expect(occurrences.map((o) => copenhagen(o.end))).toEqual(['sön 2026-03-22 17:00', 'sön 2026-03-29 17:00', 'sön 2026-04-05 17:00'])
  })

  it('fall back (25 October 2026): 15:00 stays 15:00 local, one hour later in UTC', () => {
    const sundays: ScheduleForm = { weekdays: ['SU'], startTime: '15:00', endTime: '17:00', validFrom: '2026-09-01' }
    const occurrences = nextOccurrences(sundays, { after: new Date('2026-10-15T00:00:00Z') })
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-10-18T13:00:00.000Z', // CEST, UTC+2
      '2026-10-25T14:00:00.000Z', // the day the clocks go back: CET, UTC+1
      '2026-11-01T14:00:00.000Z',
    ])
    expect(occurrences.map((o) => copenhagen(o.start))).toEqual(['sön 2026-10-18 15:00', 'sön 2026-10-25 15:00', 'sön 2026-11-01 15:00'])
  })

  it('a week that crosses a DST change keeps the biweekly rhythm and local time', () => {
    const schedule: ScheduleForm = { weekdays: ['WE'], frequency: 'biweekly', startTime: '18:30', validFrom: '2026-03-18' }
    expect(nextOccurrences(schedule, { after: new Date('2026-03-17T00:00:00Z') }).map((o) => copenhagen(o.start))).toEqual([
      'ons 2026-03-18 18:30',
      'ons 2026-04-01 18:30',
      'ons 2026-04-15 18:30',
    ])
  })

  it('does not depend on the time zone of the machine that builds the site', () => {
    const original = process.env.TZ
    const results: string[][] = []
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Copenhagen']) {
        process.env.TZ = zone
        results.push(starts({ ...tuesdays, exceptions: [{ date: '2026-03-31' }] }, '2026-03-20T00:00:00Z', 4))
      }
    } finally {
      if (original === undefined) delete process.env.TZ
      else process.env.TZ = original
    }
    expect(results[0]).toEqual(['2026-03-24T14:00:00.000Z', '2026-04-07T13:00:00.000Z', '2026-04-14T13:00:00.000Z', '2026-04-21T13:00:00.000Z'])
    for (const result of results) expect(result).toEqual(results[0])
  })

  it('skips cancelled dates, given as plain days or as Payload date values', () => {
    const schedule: ScheduleForm = {
      ...tuesdays,
      // Payload stores a picked day as an instant: midnight in Copenhagen or noon UTC.
      exceptions: [{ date: '2026-02-09T23:00:00.000Z' }, { date: '2026-02-17T12:00:00.000Z' }, { date: '2026-02-24' }],
    }
    expect(starts(schedule, '2026-02-01T00:00:00Z')).toEqual([
      '2026-02-03T14:00:00.000Z',
      '2026-03-03T14:00:00.000Z',
      '2026-03-10T14:00:00.000Z',
    ])
  })

  it('valid until ends the series, including a late meeting on its last day', () => {
    const evenings: ScheduleForm = { weekdays: ['TU'], startTime: '22:30', validFrom: '2026-06-01', validUntil: '2026-06-16' }
    expect(nextOccurrences(evenings, { after: new Date('2026-06-05T00:00:00Z'), count: 3 }).map((o) => copenhagen(o.start))).toEqual([
      'tis 2026-06-09 22:30',
      'tis 2026-06-16 22:30',
    ])
    expect(nextOccurrences(evenings, { after: new Date('2026-06-17T00:00:00Z') })).toEqual([])
  })

  it('valid from in the future: nothing before it', () => {
    const schedule: ScheduleForm = { ...tuesdays, validFrom: '2026-09-01' }
    expect(starts(schedule, '2026-03-01T00:00:00Z', 1)).toEqual(['2026-09-01T13:00:00.000Z'])
  })

  it('a meeting under way still counts as the next one', () => {
    const [current] = nextOccurrences(tuesdays, { after: new Date('2026-02-03T15:30:00Z') })
    expect(current?.start.toISOString()).toBe('2026-02-03T14:00:00.000Z')
  })

  it('by appointment, or no weekday or start time: no rule and no dates', () => {
    expect(buildRule({ ...tuesdays, byAppointment: true })).toBeNull()
    expect(buildRule({ ...tuesdays, weekdays: [] })).toBeNull()
    expect(buildRule({ ...tuesdays, startTime: null })).toBeNull()
    expect(nextOccurrences({ ...tuesdays, byAppointment: true, rrule: buildRule(tuesdays) })).toEqual([])
  })

  it('expands a stored rule as it was saved, even if the form values are missing', () => {
    const rule = buildRule({ weekdays: ['FR'], startTime: '14:00', validFrom: '2026-05-01' })!
    expect(ruleStartDay(rule)).toBe('2026-05-01')
    expect(expandRule(rule, { after: new Date('2026-05-02T00:00:00Z'), count: 1, endTime: '16:00' }).map((o) => [copenhagen(o.start), copenhagen(o.end)])).toEqual([
      ['fre 2026-05-08 14:00', 'fre 2026-05-08 16:00'],
    ])
  })
})

describe('a following period planned ahead ("Ny tid fra")', () => {
  // Mondays 15–17 until the clocks go back (25 October 2026), then Mondays and Thursdays 16–18.
  const cafe: ScheduleForm = {
    weekdays: ['MO'],
    startTime: '15:00',
    endTime: '17:00',
    validFrom: '2026-08-03',
    exceptions: [{ date: '2026-10-19' }, { date: '2026-10-29' }],
    nextPeriod: { changesOn: '2026-10-26', weekdays: ['MO', 'TH'], frequency: 'weekly', startTime: '16:00', endTime: '18:00' },
  }

  it('the next dates cross the change day: old times before it, new times from it, in Copenhagen time across DST', () => {
    const occurrences = nextOccurrences(cafe, { after: new Date('2026-10-09T12:00:00Z'), count: 5 })
    expect(occurrences.map((o) => [copenhagen(o.start), copenhagen(o.end)])).toEqual([
      ['mån 2026-10-12 15:00', 'mån 2026-10-12 17:00'],
      // 19 October is cancelled (shared cancelled dates), 26 October is the change day (after fall back).
      ['mån 2026-10-26 16:00', 'mån 2026-10-26 18:00'],
      // 29 October is cancelled in the new period too.
      ['mån 2026-11-02 16:00', 'mån 2026-11-02 18:00'],
      ['tors 2026-11-05 16:00', 'tors 2026-11-05 18:00'],
      ['mån 2026-11-09 16:00', 'mån 2026-11-09 18:00'],
    ])
    // CEST (UTC+2) before, CET (UTC+1) after.
    expect(occurrences[0]!.start.toISOString()).toBe('2026-10-12T13:00:00.000Z')
    expect(occurrences[1]!.start.toISOString()).toBe('2026-10-26T15:00:00.000Z')
  })

  it('on and after the change day only the new times come; before it was planned, the old ones went on', () => {
    expect(nextOccurrences(cafe, { after: new Date('2026-10-25T22:30:00Z'), count: 2 }).map((o) => copenhagen(o.start))).toEqual([
      'mån 2026-10-26 16:00',
      'mån 2026-11-02 16:00',
    ])
    const { nextPeriod: _, ...unplanned } = cafe
    expect(nextOccurrences(unplanned, { after: new Date('2026-10-20T00:00:00Z'), count: 1 }).map((o) => copenhagen(o.start))).toEqual(['mån 2026-10-26 15:00'])
  })

  it('the current rule ends the day before the change (UNTIL, end of that day in Copenhagen), the next starts on it', () => {
    const { current, next } = buildRules(cafe)
    expect(current).toBe(
      ['DTSTART;TZID=Europe/Copenhagen:20260803T150000', 'RRULE:FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=MO;UNTIL=20261025T225959Z', 'EXDATE;TZID=Europe/Copenhagen:20261019T150000,20261029T150000'].join('\n'),
    )
    expect(next).toBe(
      ['DTSTART;TZID=Europe/Copenhagen:20261026T160000', 'RRULE:FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=MO,TH', 'EXDATE;TZID=Europe/Copenhagen:20261019T160000,20261029T160000'].join('\n'),
    )
    // A "valid until" before the change stays; one after it is cut at the change.
    expect(buildRules({ ...cafe, validUntil: '2026-09-30' }).current).toContain('UNTIL=20260930T215959Z')
    expect(buildRules({ ...cafe, validUntil: '2026-12-31' }).current).toContain('UNTIL=20261025T225959Z')
    expect(buildRules({ ...cafe, nextPeriod: { ...cafe.nextPeriod, changesOn: null } }).next).toBeNull()
    expect(dayBefore('2027-03-01')).toBe('2027-02-28')
  })

  it('the periods: stable keys, the one in force on a day, and the stored rules when both were saved together', () => {
    const periods = schedulePeriods(cafe, new Date('2026-10-01T00:00:00Z'))
    expect(periods.map((period) => [period.key, period.from])).toEqual([
      ['current', null],
      ['from-20261026', '2026-10-26'],
    ])
    expect(periodOn(periods, '2026-10-25')?.key).toBe('current')
    expect(periodOn(periods, '2026-10-26')?.key).toBe('from-20261026')
    // A current rule stored before the change was planned would never end: it is built again.
    const stale = { ...cafe, rrule: buildRule(cafe) }
    expect(schedulePeriods(stale, new Date('2026-10-01T00:00:00Z'))[0]!.rule).toContain('UNTIL=20261025T225959Z')
  })

  it('a weekday filter counts the days in force, and those of a change once it is within the horizon', () => {
    const horizonDays = 28
    // Mondays until 25 October; Mondays and Thursdays from the 26th.
    expect(weekdaysWithin(cafe, { now: new Date('2026-09-20T12:00:00Z'), horizonDays })).toEqual(['MO'])
    expect(weekdaysWithin(cafe, { now: new Date('2026-09-28T12:00:00Z'), horizonDays })).toEqual(['MO', 'TH'])
    // On the change day (not yet saved again) only the new period's days count.
    const moved = { ...cafe, nextPeriod: { ...cafe.nextPeriod, weekdays: ['WE'] } } satisfies ScheduleForm
    expect(weekdaysWithin(moved, { now: new Date('2026-10-01T12:00:00Z'), horizonDays })).toEqual(['MO', 'WE'])
    expect(weekdaysWithin(moved, { now: new Date('2026-10-26T08:00:00Z'), horizonDays })).toEqual(['WE'])
    expect(weekdaysWithin({ ...cafe, byAppointment: true }, { now: new Date('2026-10-01T12:00:00Z'), horizonDays })).toEqual([])
  })

  it('once its day has come, the following period becomes the schedule', () => {
    expect(promoteNextPeriod(cafe, '2026-10-25')).toBe(cafe)
    const promoted = promoteNextPeriod(cafe, '2026-10-26')
    expect(promoted).toMatchObject({ weekdays: ['MO', 'TH'], startTime: '16:00', endTime: '18:00', validFrom: '2026-10-26', nextPeriod: { changesOn: null } })
    // Thursday 29 October stays cancelled.
    expect(nextOccurrences(promoted, { after: new Date('2026-10-27T00:00:00Z'), count: 2 }).map((o) => copenhagen(o.start))).toEqual(['mån 2026-11-02 16:00', 'tors 2026-11-05 16:00'])
  })
})

describe('the CMS fills schedule.rrule from the form', () => {
  let payload: Payload
  let stop: () => Promise<void>
  let department: Department['id']
  let activityType: ActivityType['id']

  beforeAll(async () => {
    ;({ payload, stop } = await startPayload())
    department = (
      await payload.create({
        collection: 'departments',
        data: { name: 'Røde Kors Test', slug: 'test', town: 'Odense', municipality: 'Odense', region: 'syddanmark', _status: 'published' },
        context: seedContext,
      })
    ).id
    activityType = (
      await payload.create({
        collection: 'activity-types',
        data: { title: 'Lektiecafé', slug: 'lektiecafeer', _status: 'published' } as never, // only the required fields
        context: seedContext,
      })
    ).id
  })
  afterAll(async () => stop())

  const create = (schedule: Activity['schedule']) =>
    payload.create({
      collection: 'activities',
      data: { title: 'Lektiecafé', slug: `cafe-${Math.random().toString(36).slice(2)}`, department, activityType, schedule, _status: 'published' },
      context: seedContext,
    })

  it('creating an activity stores the rule built from its form', async () => {
    const schedule = { weekdays: ['TU', 'TH'], startTime: '15:00', endTime: '17:00', validFrom: '2026-01-05', exceptions: [{ date: '2026-02-10' }] } satisfies Activity['schedule']
    const activity = await create(schedule)
    expect(activity.schedule?.rrule).toBe(buildRule(schedule))
    expect(activity.schedule?.rrule).toContain('BYDAY=TU,TH')
    expect(activity.schedule?.rrule).toContain('EXDATE;TZID=Europe/Copenhagen:20260210T150000')
  })

  it('without "valid from" the series starts in the week it was saved and keeps that start when saved again', async () => {
    const activity = await create({ weekdays: ['MO'], frequency: 'biweekly', startTime: '10:00' })
    const rule = activity.schedule?.rrule
    expect(rule).toContain('INTERVAL=2')
    // Counted from the Monday of this week, so moving the meeting to an earlier day keeps its weeks.
    const today = new Date(`${copenhagenToday()}T00:00:00Z`)
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10)
    expect(ruleStartDay(rule)).toBe(monday)
    const retitled = await payload.update({ collection: 'activities', id: activity.id, data: { title: 'Ny titel' }, context: seedContext })
    expect(retitled.schedule?.rrule).toBe(rule)
  })

  it('every other week stays in the same weeks when the meeting moves to an earlier weekday', () => {
    const thursdays = buildRule({ weekdays: ['TH'], frequency: 'biweekly', startTime: '10:00' }, { startDay: '2026-11-26' })
    const tuesdays = buildRule({ weekdays: ['TU'], frequency: 'biweekly', startTime: '10:00' }, { startDay: ruleStartDay(thursdays) })
    const after = new Date('2026-11-30T00:00:00Z')
    const week = (rule: string | null) => expandRule(rule!, { after, count: 1 }).map((o) => Math.floor((o.start.getTime() - Date.UTC(2026, 10, 23)) / (7 * 86_400_000)))
    expect(week(tuesdays)).toEqual(week(thursdays))
  })

  it('a biweekly schedule without a stored rule or "valid from" shows no dates rather than guessing its weeks', () => {
    expect(nextOccurrences({ weekdays: ['TU'], frequency: 'biweekly', startTime: '15:00' })).toEqual([])
  })

  it('changing the form changes the rule; a partial update keeps it', async () => {
    const activity = await create({ weekdays: ['WE'], startTime: '17:00', validFrom: '2026-01-07' })
    const moved = await payload.update({
      collection: 'activities',
      id: activity.id,
      data: { schedule: { ...activity.schedule, startTime: '18:00', validUntil: '2026-06-24' } },
      context: seedContext,
    })
    expect(moved.schedule?.rrule).toBe(buildRule({ weekdays: ['WE'], startTime: '18:00', validFrom: '2026-01-07', validUntil: '2026-06-24' }))
    const confirmed = await payload.update({ collection: 'activities', id: activity.id, data: { lastConfirmedAt: new Date().toISOString() }, context: seedContext })
    expect(confirmed.schedule?.rrule).toBe(moved.schedule?.rrule)
  })

  it('Ali plans "from <date>, Monday 16–18": both rules are stored, and a partial update keeps them', async () => {
    // A Monday about three weeks ahead, so the new period's first meeting is that very day (the
    // rule starts at the first meeting on or after the day it changes).
    const ahead = new Date(Date.now() + 20 * 86_400_000)
    ahead.setUTCDate(ahead.getUTCDate() + ((8 - ahead.getUTCDay()) % 7))
    const changesOn = ahead.toISOString().slice(0, 10)
    const activity = await create({
      weekdays: ['MO'],
      startTime: '15:00',
      endTime: '17:00',
      nextPeriod: { changesOn, weekdays: ['MO'], startTime: '16:00', endTime: '18:00' },
    })
    const rules = buildRules(activity.schedule as ScheduleForm, { startDay: ruleStartDay(activity.schedule?.rrule) })
    expect(activity.schedule?.rrule).toBe(rules.current)
    expect(activity.schedule?.rrule).toMatch(/UNTIL=\d{8}T2[12]5959Z/)
    expect(activity.schedule?.nextPeriod?.rrule).toBe(rules.next)
    expect(activity.schedule?.nextPeriod?.rrule).toContain(`DTSTART;TZID=Europe/Copenhagen:${changesOn.replace(/-/g, '')}T160000`)
    const confirmed = await payload.update({ collection: 'activities', id: activity.id, data: { lastConfirmedAt: new Date().toISOString() }, context: seedContext })
    expect(confirmed.schedule?.rrule).toBe(activity.schedule?.rrule)
    expect(confirmed.schedule?.nextPeriod?.rrule).toBe(activity.schedule?.nextPeriod?.rrule)
  })

  it('the change day must come after today and after "valid from", and the new times need a day and a start (in Danish)', async () => {
    const base = { weekdays: ['MO'], startTime: '15:00' } satisfies Activity['schedule']
    const today = copenhagenToday()
    const error = (schedule: Activity['schedule']) => create(schedule).then(() => '', (caught: Error) => caught.message + JSON.stringify((caught as { data?: unknown }).data ?? ''))
    expect(await error({ ...base, nextPeriod: { changesOn: today, weekdays: ['TU'], startTime: '16:00' } })).toContain('Datoen for den nye tid skal ligge efter i dag')
    expect(await error({ ...base, validFrom: '2099-01-10', nextPeriod: { changesOn: '2099-01-05', weekdays: ['TU'], startTime: '16:00' } })).toContain(
      'Den nye tid skal begynde efter \\"Gælder fra\\" (10.1.2099)',
    )
    expect(await error({ ...base, nextPeriod: { changesOn: '2099-01-05', weekdays: [], startTime: '16:00' } })).toContain('Vælg mindst én ugedag for den nye tid.')
    expect(await error({ ...base, nextPeriod: { changesOn: '2099-01-05', weekdays: ['TU'] } })).toContain('Skriv, hvornår aktiviteten starter med den nye tid')
    // No change planned: the empty group is fine.
    expect(await error({ ...base, nextPeriod: { changesOn: null } })).toBe('')
  })

  it('a planned change whose day has come becomes the schedule at the next save', async () => {
    const changesOn = copenhagenToday(new Date(Date.now() + 2 * 86_400_000))
    const activity = await create({
      weekdays: ['MO'],
      startTime: '15:00',
      nextPeriod: { changesOn, weekdays: ['WE'], startTime: '16:00', endTime: '18:00' },
    })
    // Three days later (the CMS runs in this process: its clock is the test's).
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 3 * 86_400_000)
      const saved = await payload.update({ collection: 'activities', id: activity.id, data: { title: 'Lektiecafé (ny tid)' }, context: seedContext })
      expect(saved.schedule).toMatchObject({ weekdays: ['WE'], startTime: '16:00', endTime: '18:00', nextPeriod: { changesOn: null, rrule: null } })
      expect(saved.schedule?.rrule).toBe(buildRule({ weekdays: ['WE'], startTime: '16:00', validFrom: changesOn }))
    } finally {
      vi.useRealTimers()
    }
  })

  it('"by appointment" clears the rule', async () => {
    const activity = await create({ weekdays: ['FR'], startTime: '14:00' })
    expect(activity.schedule?.rrule).toBeTruthy()
    const updated = await payload.update({
      collection: 'activities',
      id: activity.id,
      data: { schedule: { ...activity.schedule, byAppointment: true } },
      context: seedContext,
    })
    expect(updated.schedule?.rrule).toBeNull()
  })
})
