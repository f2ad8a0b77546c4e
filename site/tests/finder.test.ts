import { describe, expect, it } from 'vitest'

import { placeKey } from '../../core/places'
import type { LocaleCode } from '../src/i18n'
import { finderDataFrom, finderItemAttributes, mapMarkers } from '../src/lib/finder'
import { activities, content, departments, events, localized, now } from './fixtures'

const finder = (lang: LocaleCode = 'da', overrides: Partial<ReturnType<typeof content>> = {}, at = now) => finderDataFrom(lang, { ...content(lang), ...overrides }, at)
const entryFor = (data: ReturnType<typeof finder>, slug: string) => {
  const entry = data.entries.find(({ activity }) => activity.slug === slug)
  if (!entry) throw new Error(`no entry for ${slug}`)
  return entry
}

describe('finder entries', () => {
  it('an activity without target groups of its own has its type’s; one with its own has those', () => {
    const data = finder()
    expect(entryFor(data, 'holbaek-lektiecafe').groups.map((group) => group.slug)).toEqual(['boern-i-folkeskolealderen'])
    expect(entryFor(data, 'holbaek-ungecafe').groups.map((group) => group.slug)).toEqual(['unge', 'flygtninge-og-indvandrere', 'danskere'])
    expect(entryFor(data, 'holbaek-foraeldremyndighed').groups).toEqual([])
  })

  it('each has its place, municipality, next meeting and weekdays', () => {
    const data = finder()
    const ungecafe = entryFor(data, 'holbaek-ungecafe')
    // Its own venue and address, its department's map point (it has none of its own).
    expect(ungecafe.place).toEqual({ name: 'Ungdomshuset', street: 'Demovej 2 (demo)', postalCode: '4300', city: 'Holbæk', latitude: 55.7175, longitude: 11.7128 })
    expect(entryFor(data, 'koebenhavn-lektiecafe').municipalitySlug).toBe('koebenhavn')
    expect(entryFor(data, 'holbaek-lektiecafe').next?.start.toISOString()).toBe('2027-03-22T14:00:00.000Z')
    expect(entryFor(data, 'holbaek-lektiecafe').weekdays).toEqual(['MO', 'TH'])
    expect(entryFor(data, 'holbaek-lektiecafe').audience).toEqual(['children'])
    const byAppointment = entryFor(data, 'holbaek-foraeldremyndighed')
    expect(byAppointment.next).toBeUndefined()
    expect(byAppointment.weekdays).toEqual([])
  })

  it('an activity whose department is not published is left out', () => {
    const data = finder('da', { departments: [localized(departments.koebenhavn)] })
    expect(data.entries.map(({ activity }) => activity.slug)).toEqual(['koebenhavn-lektiecafe'])
    expect(data.events).toEqual([])
  })

  it('an empty site gives empty filters', () => {
    const data = finder('da', { activities: [], events: [] })
    expect(data.entries).toEqual([])
    expect(data).toMatchObject({ activityTypes: [], targetGroups: [], regions: [], municipalities: [], languages: [], weekdays: [] })
  })
})

describe('finder events', () => {
  it('take their type’s target groups and the weekday they start on in Copenhagen', () => {
    const data = finder()
    const ungetur = data.events.find(({ event }) => event.slug === 'holbaek-ungetur')!
    expect(ungetur.groups.map((group) => group.slug)).toEqual(['familier', 'flygtninge-og-indvandrere'])
    expect(ungetur.weekday).toBe('SA')
    expect(data.events.find(({ event }) => event.slug === 'holbaek-infomoede-frivillige')!.groups).toEqual([])
  })

  it('an event at half past midnight on a Monday in Copenhagen is a Monday (still Sunday in UTC)', () => {
    const late = localized({ ...events.holbaekInfomoede, id: 303, slug: 'natlig', startsAt: '2027-04-04T22:30:00.000Z', endsAt: null })
    expect(finder('da', { events: [late] }).events[0]!.weekday).toBe('MO')
  })
})

describe('filters', () => {
  it('offer only what some listing uses', () => {
    const data = finder()
    expect(data.activityTypes.map((type) => type.slug)).toEqual(['lektiecafeer', 'cafeer-for-flygtninge-og-indvandrere', 'ture-og-familielejre', 'midlertidig-foraeldremyndighedsindehaver'])
    expect(data.allActivityTypes).toHaveLength(4)
    expect(data.targetGroups.map((group) => group.slug)).toEqual(['boern-i-folkeskolealderen', 'flygtninge-og-indvandrere', 'danskere', 'familier', 'unge'])
    expect(data.regions).toEqual(['hovedstaden', 'sjaelland'])
    expect(data.languages).toEqual(['da', 'en', 'uk', 'ar', 'fa', 'prs', 'ps', 'ti'])
    expect(data.weekdays).toEqual(['MO', 'WE', 'TH', 'SA'])

    // Without the trip (the only listing for families, and of its type), both go.
    const withoutEvents = finder('da', { events: [] })
    expect(withoutEvents.targetGroups.map((group) => group.slug)).not.toContain('familier')
    expect(withoutEvents.activityTypes.map((type) => type.slug)).not.toContain('ture-og-familielejre')
    expect(withoutEvents.weekdays).toEqual(['MO', 'WE', 'TH'])
  })

  it('municipalities are named and sorted in the reader’s language (Arabic: ك before ه)', () => {
    expect(finder('da').municipalities.map(({ slug, label }) => [slug, label])).toEqual([
      ['holbaek', 'Holbæk'],
      ['koebenhavn', 'København'],
    ])
    const arabic = finder('ar').municipalities
    expect(arabic.map(({ slug, label, name }) => [slug, label, name])).toEqual([
      ['koebenhavn', 'كوبنهاغن', 'København'],
      ['holbaek', 'هولبيك', 'Holbæk'],
    ])
  })

  it('the place box knows towns in every language, postal codes and cities, departments first', () => {
    const { places, towns } = finder('fa')
    const holbaek = [55.7175, 11.7128]
    expect(places[placeKey('Holbæk')]).toEqual(holbaek)
    expect(places[placeKey('holbak')]).toEqual(holbaek)
    expect(places[placeKey('هولبک')]).toEqual(holbaek)
    expect(places[placeKey('كوبنهاغن')]).toEqual([55.6761, 12.5683])
    expect(places[placeKey('۴۳۰۰')]).toEqual(holbaek)
    // The homework café's own postcode is at its own map point.
    expect(places[placeKey('2200')]).toEqual([55.6942, 12.5496])
    expect(towns).toEqual(expect.arrayContaining(['هولبک', 'Holbæk', 'کپنهاگ', 'København']))
  })
})

describe('what the finder’s script filters by', () => {
  it('data-* attributes of a list item', () => {
    const data = finder()
    expect(finderItemAttributes(entryFor(data, 'holbaek-ungecafe'))).toEqual({
      'data-finder-item': 'holbaek-ungecafe',
      'data-type': 'cafeer-for-flygtninge-og-indvandrere',
      'data-groups': 'unge flygtninge-og-indvandrere danskere',
      'data-region': 'sjaelland',
      'data-municipality': 'holbaek',
      'data-department': 'holbaek',
      'data-languages': 'da en ar fa prs',
      'data-days': 'WE',
      'data-audience': '',
      'data-lat': 55.7175,
      'data-lng': 11.7128,
    })
  })
})

describe('map markers', () => {
  it('each department once, each activity at its own point or its department’s, linked in the reader’s language', () => {
    const listings = [activities.holbaekLektiecafe, activities.holbaekUngecafe, activities.koebenhavnLektiecafe].map((activity) => ({
      activity: localized(activity, 'ar'),
      department: localized(activity.department === departments.holbaek.id ? departments.holbaek : departments.koebenhavn, 'ar'),
    }))
    const markers = mapMarkers('ar', listings)
    expect(markers.map(({ id, kind }) => `${kind}:${id}`)).toEqual(['department:holbaek', 'activity:holbaek-lektiecafe', 'activity:holbaek-ungecafe', 'department:koebenhavn', 'activity:koebenhavn-lektiecafe'])
    expect(markers[1]).toMatchObject({ latitude: 55.7175, longitude: 11.7128, href: '/ar/afdelinger/holbaek/holbaek-lektiecafe/' })
    expect(markers[4]).toMatchObject({ latitude: 55.6942, longitude: 12.5496 })
  })

  it('a listing with no map point anywhere has no marker', () => {
    const nowhere = localized({ ...departments.holbaek, location: null })
    expect(mapMarkers('da', [{ activity: localized(activities.holbaekLektiecafe), department: nowhere }])).toEqual([])
  })
})
