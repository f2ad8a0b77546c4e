import { type APIRequestContext, expect, test } from '@playwright/test'

import { publicDocs } from '../fixtures/cms'
import { expectValid } from '../fixtures/hsds'

async function hsdsPage(request: APIRequestContext, file: string) {
  const response = await request.get(`/open-data/hsds/${file}`)
  expect(response.status(), file).toBe(200)
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8')
  const body = await response.json()
  expect(body).toMatchObject({ total_pages: 1, page_number: 1, first_page: true, last_page: true })
  expect(body.total_items).toBe(body.contents.length)
  return body.contents as Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
}

test('HSDS 3.0 export: organizations, services and service_at_locations validate against the official schemas', async ({ request }) => {
  const index = await (await request.get('/open-data/hsds/index.json')).json()
  expect(index.version).toBe('3.0')

  const organizations = await hsdsPage(request, 'organizations.json')
  const services = await hsdsPage(request, 'services.json')
  const serviceAtLocations = await hsdsPage(request, 'service_at_locations.json')
  for (const organization of organizations) expectValid('organization', organization)
  for (const service of services) expectValid('service', service)
  for (const serviceAtLocation of serviceAtLocations) expectValid('service_at_location', serviceAtLocation)

  // Ids are unique and the links between objects hold.
  const ids = [...organizations, ...services].map((item) => item.id)
  expect(new Set(ids).size).toBe(ids.length)
  const organizationIds = new Set(organizations.map((organization) => organization.id))
  for (const service of services) expect(organizationIds.has(service.organization_id)).toBe(true)
  expect(serviceAtLocations.map((entry) => entry.service_id).sort()).toEqual(services.map((service) => service.id).sort())
})

test('HSDS 3.0 export matches the CMS: every department and activity, with places and the weekly schedule', async ({ request }) => {
  const departments = await publicDocs(request, 'departments', 'da')
  const activities = await publicDocs(request, 'activities', 'da')
  const organizations = await hsdsPage(request, 'organizations.json')
  const services = await hsdsPage(request, 'services.json')

  // The national body plus each department under it.
  const national = organizations.find((organization) => !organization.parent_organization_id)!
  expect(national.name).toBe('Dansk Røde Kors')
  expect(organizations.map((organization) => organization.name).sort()).toEqual(['Dansk Røde Kors', ...departments.map((d) => String(d.name))].sort())
  for (const organization of organizations) if (organization !== national) expect(organization.parent_organization_id).toBe(national.id)
  expect(services.map((service) => service.name).sort()).toEqual(activities.map((activity) => String(activity.title)).sort())

  const cafe = activities.find((activity) => activity.slug === 'aarhus-lektiecafe')!
  const schedule = cafe.schedule as { weekdays: string[]; startTime: string; endTime: string }
  const service = services.find((candidate) => String(candidate.url).endsWith('/da/afdelinger/aarhus/aarhus-lektiecafe/'))!
  expect(service.name).toBe(cafe.title)
  expect(service.schedules).toHaveLength(1)
  expect(service.schedules[0]).toMatchObject({
    freq: 'WEEKLY',
    interval: 1,
    byday: [...schedule.weekdays].join(','),
    opens_at: schedule.startTime,
    closes_at: schedule.endTime,
  })
  expect(service.schedules[0].schedule_link).toMatch(/\/da\/kalender\/aktivitet\/aarhus-lektiecafe\.ics$/)
  expect([1, 2]).toContain(service.schedules[0].timezone)
  const location = service.service_at_locations[0].location
  expect(location.latitude).toEqual(expect.any(Number))
  expect(location.addresses[0]).toMatchObject({ city: 'Brabrand', postal_code: '8220', country: 'DK' })
  expect(service.languages.map((language: { code: string }) => language.code).sort()).toEqual([...(cafe.languages as string[])].sort())

  // "By appointment" (no fixed times) has no schedule.
  const byAppointment = activities.find((activity) => (activity.schedule as { byAppointment?: boolean }).byAppointment)!
  expect(services.find((candidate) => candidate.name === byAppointment.title && String(candidate.url).includes(String(byAppointment.slug)))!.schedules).toEqual([])
})
