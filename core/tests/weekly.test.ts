import { describe, expect, it } from 'vitest'

import { buildRule, buildRules, nextOccurrences, schedulePeriods, weekdayCodes, type ScheduleForm } from '../schedule'
import { seededRandom } from '../testing/seeded-random'
import { expandWeekly, nextMeetings } from '../weekly'

// Days around the clock changes of 2027 and 2028 (last Sundays of March and October) and ordinary ones.
const days = ['2027-03-26', '2027-03-28', '2027-03-29', '2027-06-15', '2027-10-29', '2027-10-31', '2027-11-01', '2027-12-31', '2028-01-03', '2028-03-26', '2028-10-29']
const times = ['00:00', '01:30', '02:00', '02:30', '03:00', '09:00', '15:00', '17:45', '23:30']
const shiftDay = (day: string, by: number) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + by)).toISOString().slice(0, 10)

function randomSchedule(random: ReturnType<typeof seededRandom>): ScheduleForm {
  const weekdays = weekdayCodes.filter(() => random.chance(0.35))
  const startTime = random.pick(times)
  const base = random.pick(days)
  const schedule: ScheduleForm = {
    weekdays: weekdays.length ? weekdays : [random.pick(weekdayCodes)],
    frequency: random.chance(0.4) ? 'biweekly' : 'weekly',
    startTime,
    endTime: random.chance(0.7) ? random.pick(times) : null,
    validFrom: random.chance(0.8) ? shiftDay(base, random.int(-60, 20)) : null,
    validUntil: random.chance(0.4) ? shiftDay(base, random.int(5, 200)) : null,
    exceptions: Array.from({ length: random.int(0, 5) }, () => ({ date: shiftDay(base, random.int(-10, 60)) })),
  }
  if (random.chance(0.3)) {
    schedule.nextPeriod = {
      changesOn: shiftDay(base, random.int(1, 90)),
      weekdays: [random.pick(weekdayCodes)],
      frequency: random.chance(0.5) ? 'biweekly' : 'weekly',
      startTime: random.pick(times),
      endTime: random.chance(0.5) ? random.pick(times) : null,
      validUntil: random.chance(0.3) ? shiftDay(base, random.int(100, 300)) : null,
    }
  }
  // As the CMS stores it: the rules built on save (first saved some days before the base day).
  const rules = buildRules(schedule, { startDay: shiftDay(base, -random.int(0, 30)) })
  schedule.rrule = rules.current
  if (schedule.nextPeriod) schedule.nextPeriod.rrule = rules.next
  return schedule
}

describe('next meetings on the phone (core/weekly.ts) against rrule (core/schedule.ts)', () => {
  it('gives the same next meetings for thousands of generated schedules, across the clock changes', () => {
    const random = seededRandom(20261202)
    let compared = 0
    let withMeetings = 0
    for (let run = 0; run < 3000; run++) {
      const schedule = randomSchedule(random)
      // Moments before, inside and after the series, some in the middle of a meeting.
      const after = new Date(`${random.pick(days)}T${String(random.int(0, 23)).padStart(2, '0')}:${random.pick(['00', '15', '59'])}:00Z`)
      after.setUTCDate(after.getUTCDate() + random.int(-40, 120))
      const count = random.int(1, 5)
      const periods = schedulePeriods(schedule, after).map((period) => ({ rule: period.rule, endTime: period.form.endTime }))
      const expected = nextOccurrences(schedule, { after, count }).map((occurrence) => ({ start: occurrence.start.getTime(), end: occurrence.end?.getTime() ?? null }))
      const actual = nextMeetings(periods, { after: after.getTime(), count })
      expect(actual, `run ${run}: ${JSON.stringify({ schedule, after, count })}`).toEqual(expected)
      compared++
      if (expected.length > 0) withMeetings++
    }
    // The comparison means something only if most schedules had meetings to compare.
    expect(compared).toBe(3000)
    expect(withMeetings).toBeGreaterThan(2000)
  })

  it('keeps 15:00 every Tuesday at 15:00 Copenhagen time across the change to summer time', () => {
    const rule = buildRule({ weekdays: ['TU'], startTime: '15:00', endTime: '17:00', validFrom: '2027-03-16' })!
    const meetings = expandWeekly(rule, { after: Date.parse('2027-03-17T00:00:00Z'), count: 2, endTime: '17:00' })!
    expect(meetings.map((meeting) => new Date(meeting.start).toISOString())).toEqual(['2027-03-23T14:00:00.000Z', '2027-03-30T13:00:00.000Z'])
    expect(new Date(meetings[1]!.end!).toISOString()).toBe('2027-03-30T15:00:00.000Z')
  })

  it('answers null for a rule of a shape it does not know, so the page’s own dates are shown instead', () => {
    expect(expandWeekly('DTSTART;TZID=Europe/Copenhagen:20270105T150000\nRRULE:FREQ=MONTHLY;BYDAY=1TU', { after: 0, count: 3 })).toBeNull()
    expect(expandWeekly('DTSTART:20270105T150000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU', { after: 0, count: 3 })).toBeNull()
    expect(expandWeekly('DTSTART;TZID=Europe/Copenhagen:20270105T150000\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4', { after: 0, count: 3 })).toBeNull()
    expect(nextMeetings([{ rule: 'RRULE:FREQ=WEEKLY;BYDAY=TU' }], { after: 0 })).toBeNull()
  })
})
