import { describe, expect, it } from 'vitest'

import type { Activity, Department } from '../../cms/src/payload-types'
import { buildHsds, page, type HsdsInput } from '../src/lib/hsds'
import { activityPeriods } from '../src/lib/schedule'
import { activities, activityTypes, departments, movingLektiecafe, now, site } from './fixtures'

type Thing = { [key: string]: unknown }

const regionNames: { [region in Department['region']]: string } = {
  hovedstaden: 'Region Hovedstaden',
  sjaelland: 'Region Sjælland',
  syddanmark: 'Region Syddanmark',
  midtjylland: 'Region Midtjylland',
  nordjylland: 'Region Nordjylland',
}

function hsds(list: Activity[] = Object.values(activities), at = now, overrides: Partial<HsdsInput> = {}) {
  return buildHsds({
    site,
    departments: Object.values(departments),
    activities: list,
    activityTypes: Object.values(activityTypes),
    periodsOf: (activity) => activityPeriods(activity, at),
    plainText: () => '',
    regionName: (region) => regionNames[region],
    now: at,
    ...overrides,
  })
}

const serviceNamed = (services: Thing[], name: string) => {
  const service = services.find((candidate) => candidate.name === name)
  if (!service) throw new Error(`no service "${name}"`)
  return service as Thing & { schedules: Thing[]; service_at_locations: (Thing & { location: Thing & { addresses: Thing[] } })[]; languages: Thing[]; attributes: Thing[] }
}

describe('organizations', () => {
  it('the national body first, each department under it with its page and its place', () => {
    const [national, ...local] = hsds().organizations as Thing[]
    expect(national).toMatchObject({ name: 'Dansk Røde Kors', uri: 'https://integration.example.org/' })
    expect(local.map((organization) => organization.name)).toEqual(['Røde Kors Holbæk', 'Røde Kors København'])
    for (const organization of local) expect(organization.parent_organization_id).toBe(national!.id)
    expect(local[1]).toMatchObject({
      website: 'https://integration.example.org/da/afdelinger/koebenhavn/',
      description: 'Røde Kors København, København',
      phones: [{ number: '+45 12 34 56 78' }],
      locations: [{ name: 'Røde Kors København', latitude: 55.6761, longitude: 12.5683, addresses: [{ address_1: 'Eksempelvej 12 (demo)', postal_code: '1550', state_province: 'Region Hovedstaden', country: 'DK' }] }],
    })
    expect(local[0]!.phones).toEqual([])
  })
})

describe('services', () => {
  it('one per activity whose department is known', () => {
    const orphan = { ...activities.holbaekUngecafe, id: 999, slug: 'uden-afdeling', department: 404 }
    const { services, serviceAtLocations } = hsds([...Object.values(activities), orphan])
    expect(services.map((service) => service.name).sort()).toEqual(Object.values(activities).map((activity) => activity.title).sort())
    expect(serviceAtLocations).toHaveLength(services.length)
  })

  it('a weekly activity: its schedule as HSDS fields, its page, its calendar feed', () => {
    const service = serviceNamed(hsds().services, 'Lektiecafé for skolebørn')
    expect(service).toMatchObject({
      url: 'https://integration.example.org/da/afdelinger/holbaek/holbaek-lektiecafe/',
      email: 'holbaek@example.org',
      status: 'active',
      application_process: 'Mød bare op.',
      fees_description: 'Gratis',
      minimum_age: 6,
      maximum_age: 16,
      assured_date: '2027-03-01',
    })
    expect(service.schedules).toHaveLength(1)
    expect(service.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      wkst: 'MO',
      byday: 'MO,TH',
      dtstart: '2026-08-31',
      valid_from: '2026-08-31',
      opens_at: '15:00',
      closes_at: '17:00',
      schedule_link: 'https://integration.example.org/da/kalender/aktivitet/holbaek-lektiecafe.ics',
    })
    expect(service.schedules[0]).not.toHaveProperty('valid_to')
    expect(service.languages.map((language) => language.name)).toEqual(['Dansk', 'Arabisk', 'Ukrainsk'])
    expect(service.attributes[0]).toMatchObject({
      value: 'lektiecafeer',
      taxonomy_term: { code: 'lektiecafeer', name: 'Lektiecaféer', term_uri: 'https://integration.example.org/da/aktiviteter/lektiecafeer/' },
    })
  })

  it('the UTC offset is that of the next meeting: 1 in winter, 2 once summer time has started', () => {
    const winter = serviceNamed(hsds().services, 'Lektiecafé for skolebørn')
    // The last winter meeting is Thursday 25 March; on the 26th the next one is on 29 March, in summer time.
    const summer = serviceNamed(hsds(undefined, new Date('2027-03-26T09:00:00Z')).services, 'Lektiecafé for skolebørn')
    expect(winter.schedules[0]!.timezone).toBe(1)
    expect(summer.schedules[0]!.timezone).toBe(2)
  })

  it('by appointment: no schedule, and how to join', () => {
    const service = serviceNamed(hsds().services, 'Bliv midlertidig forældremyndighedsindehaver')
    expect(service.schedules).toEqual([])
    expect(service.application_process).toBe('Kontakt afdelingen først.')
  })

  it('a planned change: a schedule per period, the first ending the day before', () => {
    const service = serviceNamed(hsds([movingLektiecafe('2027-04-12T10:00:00.000Z')]).services, 'Lektiecafé')
    expect(service.schedules.map((schedule) => [schedule.byday, schedule.valid_from, schedule.valid_to, schedule.until])).toEqual([
      ['MO', '2026-08-31', '2027-04-11', '2027-04-11'],
      ['TU', '2027-04-12', undefined, undefined],
    ])
  })

  it('an activity with its own venue has its own location; one without is at its department’s', () => {
    const { services } = hsds()
    const organizations = hsds().organizations as Thing[]
    const ungecafe = serviceNamed(services, 'Ungecafé for unge mellem 15 og 25 år').service_at_locations[0]!.location
    expect(ungecafe).toMatchObject({ name: 'Ungdomshuset', addresses: [{ address_1: 'Demovej 2 (demo)', city: 'Holbæk', postal_code: '4300' }] })
    const lektiecafe = serviceNamed(services, 'Lektiecafé for skolebørn').service_at_locations[0]!.location
    const holbaek = organizations.find((organization) => organization.name === 'Røde Kors Holbæk') as { locations: Thing[] }
    expect(lektiecafe.id).toBe(holbaek.locations[0]!.id)
    expect(ungecafe.id).not.toBe(lektiecafe.id)
  })

  it('an address without a postal code is left out (HSDS requires it), the place is kept', () => {
    const partial = { ...activities.holbaekUngecafe, address: { street: 'Demovej 2 (demo)', city: 'Holbæk' } }
    const location = serviceNamed(hsds([partial]).services, 'Ungecafé for unge mellem 15 og 25 år').service_at_locations[0]!.location
    expect(location.name).toBe('Ungdomshuset')
    expect(location.addresses).toEqual([])
  })
})

describe('identifiers', () => {
  /** Every `id` in the export, by what it identifies (a location is repeated where it is used). */
  function idsByKind(export_: ReturnType<typeof hsds>) {
    const kinds = new Map<string, Set<string>>()
    const add = (kind: string, value: unknown) => kinds.set(kind, (kinds.get(kind) ?? new Set()).add(String(value)))
    for (const organization of export_.organizations as Thing[]) add('organization', organization.id)
    for (const service of export_.services as ReturnType<typeof serviceNamed>[]) {
      add('service', service.id)
      for (const schedule of service.schedules) add('schedule', schedule.id)
      for (const language of service.languages) add('language', language.id)
      for (const serviceAtLocation of service.service_at_locations) add('service_at_location', serviceAtLocation.id)
    }
    return kinds
  }

  it('are the same in every build', () => {
    const list = [...Object.values(activities), movingLektiecafe('2027-04-12T10:00:00.000Z')]
    const first = hsds(list)
    const later = hsds(list, new Date('2027-03-24T09:00:00Z'))
    expect(idsByKind(later)).toEqual(idsByKind(first))
    expect(JSON.stringify(hsds(list))).toBe(JSON.stringify(first))
  })

  it('are unique: one per organization, service, schedule, language and service at a location', () => {
    const list = [...Object.values(activities), movingLektiecafe('2027-04-12T10:00:00.000Z')]
    const result = hsds(list)
    const kinds = idsByKind(result)
    expect(kinds.get('organization')!.size).toBe(3)
    expect(kinds.get('service')!.size).toBe(5)
    // Three weekly activities, one more with a planned change (two periods), and one by appointment (none).
    expect(kinds.get('schedule')!.size).toBe(3 + 2)
    expect(kinds.get('service_at_location')!.size).toBe(5)
    const all = [...kinds.values()].flatMap((ids) => [...ids])
    expect(new Set(all).size).toBe(all.length)
  })

  it('a planned change keeps the current schedule’s id', () => {
    const [before] = serviceNamed(hsds([movingLektiecafe('')]).services, 'Lektiecafé').schedules
    const [current, following] = serviceNamed(hsds([movingLektiecafe('2027-04-12T10:00:00.000Z')]).services, 'Lektiecafé').schedules
    expect(current!.id).toBe(before!.id)
    expect(following!.id).not.toBe(before!.id)
  })
})

describe('pages', () => {
  it('one page with everything, and an empty one says so', () => {
    expect(page([{ id: 'a' }, { id: 'b' }])).toMatchObject({ total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false })
    expect(page([])).toMatchObject({ total_items: 0, empty: true, contents: [] })
  })
})
