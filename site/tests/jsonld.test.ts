import { describe, expect, it } from 'vitest'

import { activityJsonLd, departmentJsonLd, eventJsonLd, nationalBodyId, nationalBodyJsonLd, placeJsonLd } from '../src/lib/jsonld'
import { activityPeriods } from '../src/lib/schedule'
import { activities, activityTypes, departments, events, movingLektiecafe, now, site } from './fixtures'

const { holbaek, koebenhavn } = departments

describe('organisations', () => {
  it('the national body has one @id on every page and in every language', () => {
    const [da, ar] = [nationalBodyJsonLd(site, 'da', 'Dansk Røde Kors'), nationalBodyJsonLd(site, 'ar', 'الصليب الأحمر الدنماركي')]
    expect(da['@id']).toBe(nationalBodyId(site))
    expect(ar['@id']).toBe(da['@id'])
    expect(ar.url).toBe('https://integration.example.org/ar/')
  })

  it('a department: its page in the reader’s language, one @id in every language, under the national body', () => {
    const da = departmentJsonLd(site, 'da', holbaek, 'Lektiecafé og ungecafé.')
    const fa = departmentJsonLd(site, 'fa', holbaek)
    expect(fa['@id']).toBe(da['@id'])
    expect(new Set([da['@id'], departmentJsonLd(site, 'da', koebenhavn)['@id'], nationalBodyId(site)]).size).toBe(3)
    expect(fa.url).toBe('https://integration.example.org/fa/afdelinger/holbaek/')
    expect(da).toMatchObject({
      '@type': 'Organization',
      name: 'Røde Kors Holbæk',
      description: 'Lektiecafé og ungecafé.',
      email: 'holbaek@example.org',
      address: { '@type': 'PostalAddress', streetAddress: 'Demogade 14 (demo)', postalCode: '4300', addressLocality: 'Holbæk', addressCountry: 'DK' },
      location: { '@type': 'Place', geo: { '@type': 'GeoCoordinates', latitude: 55.7175, longitude: 11.7128 } },
      areaServed: { name: 'Holbæk' },
      parentOrganization: { '@id': nationalBodyId(site) },
    })
    // Nothing empty is written: Holbæk has no phone, and no description was given in Persian.
    expect(da).not.toHaveProperty('telephone')
    expect(fa).not.toHaveProperty('description')
    expect(departmentJsonLd(site, 'da', koebenhavn).telephone).toBe('+45 12 34 56 78')
  })
})

describe('places', () => {
  it('leave out what is unknown', () => {
    expect(placeJsonLd({})).toEqual({ '@type': 'Place' })
    expect(placeJsonLd({ city: 'Holbæk' })).toEqual({ '@type': 'Place', name: 'Holbæk', address: { '@type': 'PostalAddress', addressLocality: 'Holbæk', addressCountry: 'DK' } })
  })
})

describe('events', () => {
  it('an event with its place, its organiser’s @id, and free entry', () => {
    const jsonld = eventJsonLd(site, 'uk', events.holbaekUngetur, holbaek)
    expect(jsonld).toMatchObject({
      '@type': 'Event',
      name: 'Ungetur til forlystelsespark',
      url: 'https://integration.example.org/uk/arrangementer/holbaek-ungetur/',
      startDate: '2027-04-03T07:00:00.000Z',
      endDate: '2027-04-03T16:00:00.000Z',
      location: { '@type': 'Place', name: 'Holbæk Station', address: { streetAddress: 'Demoperron (demo)' } },
      organizer: { '@id': departmentJsonLd(site, 'da', holbaek)['@id'], name: 'Røde Kors Holbæk' },
      inLanguage: 'da',
      isAccessibleForFree: true,
      offers: { price: 0, priceCurrency: 'DKK' },
    })
  })

  it('a paid event has no free offer', () => {
    const jsonld = eventJsonLd(site, 'da', { ...events.holbaekUngetur, free: false, languages: ['da', 'ar'] }, holbaek)
    expect(jsonld.isAccessibleForFree).toBe(false)
    expect(jsonld).not.toHaveProperty('offers')
    expect(jsonld.inLanguage).toEqual(['da', 'ar'])
  })
})

describe('activities', () => {
  it('one that meets at fixed times is an EventSeries with its weekly schedule', () => {
    const lektiecafe = activities.holbaekLektiecafe
    const jsonld = activityJsonLd(site, 'ar', lektiecafe, holbaek, activityTypes.lektiecafeer, activityPeriods(lektiecafe, now))
    expect(jsonld).toMatchObject({
      '@type': 'EventSeries',
      url: 'https://integration.example.org/ar/afdelinger/holbaek/holbaek-lektiecafe/',
      about: 'Lektiecaféer',
      inLanguage: ['da', 'ar', 'uk'],
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1W',
        byDay: ['https://schema.org/Monday', 'https://schema.org/Thursday'],
        startDate: '2026-08-31',
        startTime: '15:00:00',
        endTime: '17:00:00',
        scheduleTimezone: 'Europe/Copenhagen',
      },
    })
    expect(jsonld.eventSchedule).not.toHaveProperty('endDate')
  })

  it('every other week is P2W', () => {
    const biweekly = { ...activities.holbaekUngecafe, schedule: { ...activities.holbaekUngecafe.schedule, frequency: 'biweekly' as const, validFrom: '2027-01-06', rrule: null } }
    const jsonld = activityJsonLd(site, 'da', biweekly, holbaek, activityTypes.cafeer, activityPeriods(biweekly, now))
    expect(jsonld.eventSchedule).toMatchObject({ repeatFrequency: 'P2W', byDay: ['https://schema.org/Wednesday'], startDate: '2027-01-06' })
  })

  it('a planned change: one Schedule per period, each with the cancelled dates within its own dates', () => {
    const moving = movingLektiecafe('2027-04-12T10:00:00.000Z', ['2027-03-29T10:00:00.000Z', '2027-04-20T10:00:00.000Z'])
    const jsonld = activityJsonLd(site, 'da', moving, holbaek, activityTypes.lektiecafeer, activityPeriods(moving, now))
    expect(jsonld.eventSchedule).toEqual([
      expect.objectContaining({ byDay: ['https://schema.org/Monday'], startDate: '2026-08-31', endDate: '2027-04-11', exceptDate: ['2027-03-29'] }),
      expect.objectContaining({ byDay: ['https://schema.org/Tuesday'], startDate: '2027-04-13', startTime: '16:00:00', exceptDate: ['2027-04-20'] }),
    ])
  })

  it('one by appointment is a Service the department provides', () => {
    const byAppointment = activities.holbaekForaeldremyndighed
    const jsonld = activityJsonLd(site, 'ps', byAppointment, holbaek, activityTypes.foraeldremyndighed, activityPeriods(byAppointment, now))
    expect(jsonld).toMatchObject({
      '@type': 'Service',
      serviceType: 'Midlertidig forældremyndighedsindehaver',
      provider: { '@id': departmentJsonLd(site, 'da', holbaek)['@id'] },
      availableLanguage: ['da', 'prs', 'ps', 'ti', 'ar'],
      isAccessibleForFree: true,
    })
    expect(jsonld).not.toHaveProperty('eventSchedule')
  })
})
