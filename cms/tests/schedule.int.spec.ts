import type { Payload } from 'payload'
import * as rruleModule from 'rrule'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildRule, copenhagenToday, expandRule, nextOccurrences, ruleStartDay, type ScheduleForm } from '../../content/schedule'
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

describe('schedule rules (content/schedule.ts)', () => {
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
