import { type APIRequestContext, expect, test } from '@playwright/test'

import { publicDocs } from '../fixtures/cms'
import { expectValid } from '../fixtures/hsds'
import { uiStrings } from '../fixtures/ui-strings'

const locales = ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']

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

// Danish, English, an RTL language and one in Ethiopic script.
for (const lang of ['da', 'en', 'ar', 'ti']) {
  test(`the footer's "${uiStrings(lang)['footer.openData']}" (${lang}) leads to the page that explains the export`, async ({ page }) => {
    const strings = uiStrings(lang)
    await page.goto(`/${lang}/afdelinger/`)
    await page.locator('footer').getByRole('link', { name: strings['footer.openData']!, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/aabne-data/$`))
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings['openData.title']!)
    await expect(page.getByText(strings['openData.updated.text']!)).toBeVisible()
    const files = page.locator('[data-open-data-files] a')
    expect(await files.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/open-data/hsds/index.json',
      '/open-data/hsds/services.json',
      '/open-data/hsds/organizations.json',
      '/open-data/hsds/service_at_locations.json',
    ])
  })
}

test('the open-data page links to JSON files that answer with HSDS 3.0', async ({ page, request }) => {
  await page.goto('/fa/aabne-data/')
  const hrefs = await page.locator('[data-open-data-files] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
  expect(hrefs).toHaveLength(4)
  for (const href of hrefs) {
    const response = await request.get(href)
    expect(response.status(), href).toBe(200)
    expect(response.headers()['content-type'], href).toBe('application/json; charset=utf-8')
  }
  const index = await (await request.get(hrefs.find((href) => href.endsWith('/index.json'))!)).json()
  expect(index.version).toBe('3.0')
  const services = (await (await request.get(hrefs.find((href) => href.endsWith('/services.json'))!)).json()).contents
  expect(services.length).toBeGreaterThan(0)
  expectValid('service', services[0])
})

test('the open-data page is in the sitemap in every language and in the search index', async ({ page, request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text()
  const urls = new Set<string>()
  for (const [, sitemap] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = await (await request.get(new URL(sitemap!).pathname)).text()
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.add(new URL(loc!).pathname)
  }
  for (const lang of locales) expect(urls).toContain(`/${lang}/aabne-data/`)

  await page.goto('/uk/soeg/?q=HSDS')
  const results = page.locator('[data-search-list] a')
  await expect(results.first()).toBeVisible()
  expect(await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toContain('/uk/aabne-data/')
})
