import { describe, expect, it } from 'vitest'

import type { Activity, Event } from '../../cms/src/payload-types'
import { addOneOff, addSeries, calendarResponse, createCalendar, parseRule } from '../src/lib/calendar'
import { listingPlace } from '../../core/venue'
import { activityPeriods } from '../src/lib/schedule'
import { activities, departments, events, movingLektiecafe, now } from './fixtures'

/** The feed's text with RFC 5545's folded lines joined again, so a long line can be matched whole. */
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '')
const uids = (text: string) => [...unfolded(text).matchAll(/^UID:(.+)\r$/gm)].map((match) => match[1])
/** The lines of the feed's events (not of its VTIMEZONE) that start with `name`. */
const lines = (text: string, name: string) =>
  [...unfolded(text).matchAll(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT/g)].flatMap(([event]) => event.split('\r\n').filter((line) => line.startsWith(name)))

/** An activity's feed as calendar-feeds.ts builds it: one repeating event per period. */
function activityFeed(list: Activity[], at = now) {
  const calendar = createCalendar({ lang: 'da', name: 'Aktiviteter', url: 'https://integration.example.org/da/' })
  for (const activity of list) {
    for (const period of activityPeriods(activity, at)) {
      addSeries(calendar, {
        kind: 'activity',
        id: activity.id,
        period: period.from ? period.key : undefined,
        title: activity.title,
        description: activity.summary,
        url: `https://integration.example.org/da/afdelinger/holbaek/${activity.slug}/`,
        place: listingPlace(activity, departments.holbaek),
        rrule: period.rule,
        endTime: period.form.endTime,
      })
    }
  }
  return calendar.toString()
}

function eventFeed(list: Event[]) {
  const calendar = createCalendar({ lang: 'ar', name: 'الفعاليات', url: 'https://integration.example.org/ar/' })
  for (const event of list) {
    addOneOff(calendar, {
      kind: 'event',
      id: event.id,
      title: event.title,
      url: `https://integration.example.org/ar/arrangementer/${event.slug}/`,
      place: listingPlace(event, departments.holbaek),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    })
  }
  return calendar.toString()
}

describe('calendar feeds', () => {
  it('carry a VTIMEZONE for Copenhagen and write DTSTAMP in UTC', () => {
    const text = activityFeed([activities.holbaekLektiecafe])
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen')
    expect(text).toContain('X-WR-TIMEZONE:Europe/Copenhagen')
    const [stamp] = lines(text, 'DTSTAMP')
    expect(stamp).toBeDefined()
    expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/)
  })

  it('a weekly activity is one repeating event in Copenhagen wall-clock time, with its rule', () => {
    const text = activityFeed([activities.holbaekLektiecafe])
    expect(lines(text, 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines(text, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Copenhagen:20260831T150000'])
    expect(lines(text, 'DTEND')).toEqual(['DTEND;TZID=Europe/Copenhagen:20260831T170000'])
    expect(lines(text, 'RRULE')).toEqual(['RRULE:FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=MO,TH'])
    expect(unfolded(text)).toContain('LOCATION:Røde Kors Holbæk\\, Demogade 14 (demo)\\, 4300 Holbæk')
  })

  it('cancelled dates become EXDATEs at the meeting’s local time', () => {
    const text = activityFeed([movingLektiecafe('2027-06-14T10:00:00.000Z', ['2027-03-29T10:00:00.000Z'])])
    expect(lines(text, 'EXDATE')[0]).toBe('EXDATE;TZID=Europe/Copenhagen:20270329T150000')
  })

  it('a planned change is a second event from its day; the current one ends the day before', () => {
    const text = activityFeed([movingLektiecafe('2027-04-12T10:00:00.000Z')])
    expect(lines(text, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Copenhagen:20260831T150000', 'DTSTART;TZID=Europe/Copenhagen:20270413T160000'])
    const [currentRule, nextRule] = lines(text, 'RRULE')
    // The end of 11 April in Copenhagen (summer time), in UTC.
    expect(currentRule).toContain('UNTIL=20270411T215959Z')
    expect(nextRule).toBe('RRULE:FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=TU')
  })

  it('one-off events keep their Copenhagen time whatever the build machine’s zone (summer and winter)', () => {
    const winter = { ...events.holbaekInfomoede, id: 9001, slug: 'vinter', startsAt: '2027-03-27T10:00:00.000Z', endsAt: null }
    const text = eventFeed([events.holbaekUngetur, winter])
    expect(lines(text, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Copenhagen:20270403T090000', 'DTSTART;TZID=Europe/Copenhagen:20270327T110000'])
    expect(lines(text, 'DTEND')).toEqual(['DTEND;TZID=Europe/Copenhagen:20270403T180000'])
    expect(unfolded(text)).toContain('LOCATION:Holbæk Station\\, Demoperron (demo)\\, 4300 Holbæk')
    expect(text).toContain('PRODID:-//Dansk Røde Kors//Integration//AR')
  })

  it('an activity whose rule cannot be read gets no event', () => {
    const calendar = createCalendar({ lang: 'da', name: 'x', url: 'https://integration.example.org/' })
    addSeries(calendar, { kind: 'activity', id: 1, title: 'x', url: 'https://integration.example.org/', place: {}, rrule: 'DTSTART:20270101T100000' })
    expect(calendar.events()).toHaveLength(0)
  })

  it('is served as text/calendar', () => {
    const calendar = createCalendar({ lang: 'da', name: 'x', url: 'https://integration.example.org/' })
    expect(calendarResponse(calendar).headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  })
})

describe('UIDs: a subscribed calendar sees each meeting once', () => {
  it('are the same from build to build', () => {
    const list = [activities.holbaekLektiecafe, activities.holbaekUngecafe, movingLektiecafe('2027-04-12T10:00:00.000Z')]
    expect(uids(activityFeed(list))).toEqual(uids(activityFeed(list, new Date('2027-03-23T09:00:00Z'))))
    expect(uids(eventFeed([events.holbaekUngetur]))).toEqual(uids(eventFeed([events.holbaekUngetur])))
  })

  it('differ between listings, between an event and an activity, and between periods', () => {
    const all = [
      ...uids(activityFeed([activities.holbaekLektiecafe, activities.holbaekUngecafe, movingLektiecafe('2027-04-12T10:00:00.000Z')])),
      ...uids(eventFeed([events.holbaekUngetur, events.holbaekInfomoede])),
    ]
    expect(all).toHaveLength(6)
    expect(new Set(all).size).toBe(6)
  })

  it('planning a change keeps the UID the activity had; the new period gets its own', () => {
    const before = uids(activityFeed([movingLektiecafe('')]))
    const after = uids(activityFeed([movingLektiecafe('2027-04-12T10:00:00.000Z')]))
    expect(before).toHaveLength(1)
    expect(after).toHaveLength(2)
    expect(after[0]).toBe(before[0])
  })
})

describe('parseRule', () => {
  it('reads the local start and keeps the RRULE and EXDATE lines', () => {
    expect(parseRule('DTSTART;TZID=Europe/Copenhagen:20270413T160000\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE;TZID=Europe/Copenhagen:20270420T160000\n')).toEqual({
      start: { year: 2027, month: 4, day: 13, hour: 16, minute: 0 },
      lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE;TZID=Europe/Copenhagen:20270420T160000'],
    })
  })

  it('refuses a rule without DTSTART or RRULE', () => {
    expect(parseRule('RRULE:FREQ=WEEKLY')).toBeUndefined()
    expect(parseRule('DTSTART:20270413T160000')).toBeUndefined()
    expect(parseRule('')).toBeUndefined()
  })
})
