import { describe, expect, it } from 'vitest'

import type { Event } from '../../cms/src/payload-types'
import { withDanishFallback } from '../src/lib/cms/localized'
import { eventsByMonth, eventTimeText } from '../src/lib/events'
import { fallbackLang, fellBack } from '../src/lib/fallback'
import { directionsUrl, listingPlace, placeText } from '../../core/venue'
import { activities, departments, events, localized } from './fixtures'

describe('where a listing happens', () => {
  it('its own venue and address, else its department’s', () => {
    expect(placeText(listingPlace(activities.holbaekUngecafe, departments.holbaek))).toBe('Ungdomshuset, Demovej 2 (demo), 4300 Holbæk')
    expect(placeText(listingPlace(activities.holbaekLektiecafe, departments.holbaek))).toBe('Røde Kors Holbæk, Demogade 14 (demo), 4300 Holbæk')
    // A postal code alone is not an address: the department's is used.
    expect(listingPlace({ address: { postalCode: '4300' } }, departments.holbaek).street).toBe('Demogade 14 (demo)')
    expect(listingPlace({}, undefined)).toEqual({ name: undefined, street: undefined, postalCode: undefined, city: undefined, latitude: undefined, longitude: undefined })
  })

  it('directions to the map point, else to the address, else none', () => {
    expect(directionsUrl(listingPlace(activities.holbaekLektiecafe, departments.holbaek))).toBe('https://www.google.com/maps/dir/?api=1&destination=55.7175%2C11.7128')
    expect(directionsUrl({ street: 'Demovej 2 (demo)', city: 'Holbæk' })).toBe('https://www.google.com/maps/dir/?api=1&destination=Demovej%202%20(demo)%2C%20Holb%C3%A6k')
    expect(directionsUrl({})).toBeUndefined()
  })
})

describe('event times', () => {
  it('one day: the end as a time only; over several days: both in full', () => {
    const sameDay = eventTimeText('da', events.holbaekUngetur)
    expect(sameDay.end).toBe('18.00')
    expect(sameDay.start).toContain('3. april 2027')
    const camp = eventTimeText('da', { startsAt: '2027-07-05T08:00:00.000Z', endsAt: '2027-07-09T12:00:00.000Z' })
    expect(camp.end).toContain('9. juli 2027')
    expect(eventTimeText('da', { startsAt: '2027-07-05T08:00:00.000Z', endsAt: null }).end).toBeUndefined()
  })

  it('an evening past midnight in Copenhagen spans two days, though both times are on one day in UTC', () => {
    // 23:00 on 31 March to 01:00 on 1 April in Copenhagen (summer time) is 21:00–23:00 UTC on 31 March.
    const text = eventTimeText('en', { startsAt: '2027-03-31T21:00:00.000Z', endsAt: '2027-03-31T23:00:00.000Z' })
    expect(text.start).toContain('March 31, 2027')
    expect(text.end).toContain('April 1, 2027')
  })

  it('grouped by month in Copenhagen: half past midnight on 1 April is April', () => {
    const lateNight: Event = { ...events.holbaekInfomoede, id: 304, slug: 'natlig', startsAt: '2027-03-31T22:30:00.000Z', endsAt: null }
    const months = eventsByMonth('fa', [localized(events.holbaekInfomoede, 'fa'), localized(lateNight, 'fa'), localized(events.holbaekUngetur, 'fa')])
    expect(months.map(({ key, events: inMonth }) => [key, inMonth.map((event) => event.slug)])).toEqual([
      ['2027-03', ['holbaek-infomoede-frivillige']],
      ['2027-04', ['natlig', 'holbaek-ungetur']],
    ])
    expect(months[1]!.label).toContain('۲۰۲۷')
    expect(eventsByMonth('da', [])).toEqual([])
  })
})

describe('Danish fallback', () => {
  const danish = { title: 'Lektiecafé', summary: 'Hjælp til lektierne.', languages: ['da', 'ar'], translationStatus: 'original' }

  it('fills what a translation lacks from Danish and names those fields', () => {
    const arabic = withDanishFallback({ title: 'مقهى الواجبات', summary: '', languages: [], translationStatus: 'machine' }, danish, 'ar')
    expect(arabic).toEqual({ title: 'مقهى الواجبات', summary: 'Hjælp til lektierne.', languages: ['da', 'ar'], translationStatus: 'machine', locale: 'ar', fallbackFields: ['summary', 'languages'] })
    expect(fallbackLang(arabic, 'summary')).toBe('da')
    expect(fallbackLang(arabic, 'title')).toBeUndefined()
    expect(fellBack(arabic, 'title', 'summary')).toBe(true)
    expect(fellBack(arabic, 'title')).toBe(false)
  })

  it('a language with no translation at all is Danish throughout; Danish itself never “falls back”', () => {
    expect(withDanishFallback(undefined, danish, 'ti').fallbackFields).toEqual(['title', 'summary', 'languages'])
    expect(withDanishFallback(danish, danish, 'da').fallbackFields).toEqual([])
  })
})
