import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import ICAL from 'ical.js'

import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

const notEnded = (event: Record<string, unknown>) => new Date(String(event.endsAt ?? event.startsAt)) >= new Date()

/** Every JSON-LD block on the page, parsed (a block that is not valid JSON fails the test). */
async function jsonLd(page: Page): Promise<Record<string, any>[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  return blocks.map((block) => JSON.parse(block))
}

test('events page: the upcoming events of the CMS, soonest first, grouped by month, in the reader’s language', async ({ page, request }) => {
  const events = (await publicDocs(request, 'events', 'uk')).filter(notEnded).sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))
  expect(events.length).toBeGreaterThan(0)
  await page.goto('/uk/arrangementer/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiStrings('uk')['events.heading']!)
  const cards = page.locator('[data-month] [data-event]')
  expect(await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-event')))).toEqual(events.map((event) => event.slug))
  const months = new Set(events.map((event) => new Date(String(event.startsAt)).toLocaleDateString('en-CA', { timeZone: 'Europe/Copenhagen' }).slice(0, 7)))
  await expect(page.locator('[data-month]')).toHaveCount(months.size)
  // Month names and dates in Ukrainian.
  const firstMonth = new Intl.DateTimeFormat('uk', { timeZone: 'Europe/Copenhagen', month: 'long', year: 'numeric' }).format(new Date(String(events[0]!.startsAt)))
  await expect(page.locator('[data-month] h2').first()).toHaveText(firstMonth)
  await expect(page.locator('a[href="/uk/kalender/alle.ics"]')).toBeVisible()

  await cards.first().getByRole('link').first().click()
  await expect(page).toHaveURL(new RegExp(`/uk/arrangementer/${events[0]!.slug}/$`))
})

test('event page: details, address card, add to calendar, sign-up link and Event JSON-LD', async ({ page, request }) => {
  const [event] = await publicDocs(request, 'events', 'da', '&where[slug][equals]=aarhus-cykelkursus-opstart')
  expect(event).toBeDefined()
  await page.goto('/da/arrangementer/aarhus-cykelkursus-opstart/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(event!.title))
  await expect(page.locator('[data-address-card]')).toContainText('8000')
  await expect(page.locator('[data-address-card] a[href^="https://www.google.com/maps/dir/"]')).toBeVisible()
  await expect(page.locator('a[data-signup]')).toHaveAttribute('href', '/da/tilmelding/arrangement/aarhus-cykelkursus-opstart/')

  const calendarHref = await page.locator('a[data-add-to-calendar]').getAttribute('href')
  const response = await request.get(calendarHref!)
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8')
  const [vevent] = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent')
  expect(new ICAL.Event(vevent!).summary).toBe(event!.title)

  const [data] = (await jsonLd(page)).filter((item) => item['@type'] === 'Event')
  expect(data).toMatchObject({
    '@context': 'https://schema.org',
    name: event!.title,
    startDate: event!.startsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    isAccessibleForFree: true,
    location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'DK' }, geo: { '@type': 'GeoCoordinates' } },
    organizer: { '@type': 'Organization', name: 'Røde Kors Aarhus' },
  })
  expect(data!.location.geo.latitude).toEqual(expect.any(Number))
})

test('JSON-LD: the national body on the home page, a department with its place, an activity as a weekly EventSeries', async ({ page }) => {
  await page.goto('/ar/')
  const [home] = await jsonLd(page)
  expect(home).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name: uiStrings('ar')['site.organisation'] })

  await page.goto('/da/afdelinger/aarhus/')
  const department = (await jsonLd(page)).find((item) => item['@type'] === 'Organization')
  expect(department).toMatchObject({
    name: 'Røde Kors Aarhus',
    parentOrganization: { '@id': home!['@id'] },
    address: { '@type': 'PostalAddress', postalCode: '8000' },
    location: { '@type': 'Place', geo: { '@type': 'GeoCoordinates' } },
  })
  await expect(page.locator('a[href="/da/kalender/afdeling/aarhus.ics"]')).toBeVisible()

  await page.goto('/da/afdelinger/aarhus/aarhus-lektiecafe/')
  const series = (await jsonLd(page)).find((item) => item['@type'] === 'EventSeries')
  expect(series).toMatchObject({
    '@context': 'https://schema.org',
    location: { '@type': 'Place' },
    organizer: { name: 'Røde Kors Aarhus' },
    eventSchedule: {
      '@type': 'Schedule',
      repeatFrequency: 'P1W',
      byDay: ['https://schema.org/Monday', 'https://schema.org/Wednesday'],
      startTime: '15:00:00',
      endTime: '17:00:00',
      scheduleTimezone: 'Europe/Copenhagen',
    },
  })
  expect(series!.name).toBeTruthy()

  await page.goto('/da/afdelinger/aarhus/aarhus-venner-viser-vej/')
  expect((await jsonLd(page)).find((item) => item['@type'] === 'Service')).toMatchObject({ provider: { name: 'Røde Kors Aarhus' } })
})

for (const path of ['/da/arrangementer/', '/ar/arrangementer/', '/da/arrangementer/aarhus-familielejr/', '/ar/arrangementer/aarhus-familielejr/', '/da/soeg/', '/ar/soeg/']) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
