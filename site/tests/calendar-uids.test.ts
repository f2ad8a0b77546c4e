import { describe, expect, it } from 'vitest'

import { googleSubscribeUrl } from '../../core/calendar'
import { addOneOff, addSeries, calendarUid, createCalendar, googleEventUrl, googleSeriesUrl } from '../src/lib/calendar'

const uids = (text: string) => [...text.matchAll(/^UID:(.*)$/gm)].map(([, uid]) => uid!.trim())

describe('calendar UIDs', () => {
  it('come from the document’s ID: a renamed event or activity keeps every UID', () => {
    const feed = (slug: string, title: string) => {
      const calendar = createCalendar({ lang: 'da', name: 'Test', url: `https://example.org/da/${slug}/` })
      const common = { title, url: `https://example.org/da/${slug}/`, place: { city: 'Aarhus' } }
      addOneOff(calendar, { ...common, id: 12, kind: 'event', startsAt: '2027-06-01T10:00:00.000Z' })
      const rrule = 'DTSTART;TZID=Europe/Copenhagen:20270104T160000\nRRULE:FREQ=WEEKLY;BYDAY=MO'
      addSeries(calendar, { ...common, id: 7, kind: 'activity', rrule })
      addSeries(calendar, { ...common, id: 7, kind: 'activity', rrule, period: 'from-20270816' })
      return uids(calendar.toString())
    }
    const before = feed('sommerfest', 'Sommerfest')
    expect(before).toEqual(['event-12@integration.rodekors.dk', 'activity-7@integration.rodekors.dk', 'activity-7-from-20270816@integration.rodekors.dk'])
    expect(feed('sommerfest-i-parken', 'Sommerfest i parken')).toEqual(before)
  })

  it('keeps events and activities apart, and string IDs (MongoDB) as they are', () => {
    expect(calendarUid('event', 7)).not.toBe(calendarUid('activity', 7))
    expect(calendarUid('activity', '665f1c2e9b1d4a0012345678', 'from-20270816')).toBe('activity-665f1c2e9b1d4a0012345678-from-20270816@integration.rodekors.dk')
  })
})

describe('"Add to Google Calendar" beside the .ics', () => {
  const common = { title: 'Sprogcafé & lektier', url: 'https://example.org/da/x/', place: { name: 'Biblioteket', city: 'Aarhus' } }

  it('an event: its instants in UTC, title, place and page', () => {
    const url = new URL(googleEventUrl({ ...common, id: 12, kind: 'event', startsAt: '2027-06-01T10:00:00.000Z', endsAt: '2027-06-01T12:30:00.000Z' }))
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render')
    expect(url.searchParams.get('action')).toBe('TEMPLATE')
    expect(url.searchParams.get('text')).toBe('Sprogcafé & lektier')
    expect(url.searchParams.get('dates')).toBe('20270601T100000Z/20270601T123000Z')
    expect(url.searchParams.get('location')).toBe('Biblioteket, Aarhus')
    expect(url.searchParams.get('details')).toBe('https://example.org/da/x/')
  })

  it('a weekly activity: Copenhagen wall clock with ctz and its RRULE, across summer time', () => {
    const rrule = 'DTSTART;TZID=Europe/Copenhagen:20270104T160000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE;TZID=Europe/Copenhagen:20270111T160000'
    const url = new URL(googleSeriesUrl({ ...common, id: 7, kind: 'activity', rrule, endTime: '18:00' })!)
    expect(url.searchParams.get('dates')).toBe('20270104T160000/20270104T180000')
    expect(url.searchParams.get('ctz')).toBe('Europe/Copenhagen')
    expect(url.searchParams.getAll('recur')).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO', 'EXDATE;TZID=Europe/Copenhagen:20270111T160000'])
  })

  it('a whole feed: Google subscribes to it', () => {
    expect(googleSubscribeUrl('https://example.org/da/kalender/alle.ics')).toBe('https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fexample.org%2Fda%2Fkalender%2Falle.ics')
  })
})
