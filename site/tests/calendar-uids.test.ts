import { describe, expect, it } from 'vitest'

import { addOneOff, addSeries, calendarUid, createCalendar } from '../src/lib/calendar'

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
