// The finder on a phone, as Ahmad (Dari/Farsi, Holbæk) and Amina (Tigrinya, Odense) use it:
// results brought into view and announced, places typed in their own script and digits, a
// filter for young people, upcoming events among the results, filters kept across languages,
// and no sideways scrolling on a 320 px screen.
import { expect, test, type Page } from '@playwright/test'

import { allListings, countWith, openFinder, showAll, type Listing } from '../fixtures/finder'
import { uiStrings } from '../fixtures/ui-strings'

const visibleItems = (page: Page) => page.locator('[data-finder-item]:visible')

async function visibleValues(page: Page, attribute: string) {
  return visibleItems(page).evaluateAll((elements, name) => elements.map((element) => element.getAttribute(name) ?? ''), attribute)
}

/** The results of `department` come first, together (all listings from the region pages: fixtures/finder.ts). */
async function expectFirst(page: Page, listings: Listing[], department: string) {
  const count = countWith(listings, 'data-department', department)
  expect(count).toBeGreaterThan(0)
  await showAll(page)
  const order = await visibleValues(page, 'data-department')
  expect(order.slice(0, count)).toEqual(Array(count).fill(department))
}

/** The ASCII digits of a number written in Persian digits ("۵۰۰۰" → "5000"), for comparing counts. */
const persianDigits = (value: number) => String(value).replace(/[0-9]/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)]!)

test.describe('place box in the reader’s script', () => {
  const fa = uiStrings('fa')
  // Persian digits, Arabic-Indic digits, the Persian name, and the Arabic spelling with Arabic letters (ي, أ, ة).
  for (const place of ['۵۰۰۰', '٥٠٠٠', 'اودنسه', 'أودنسة']) {
    test(`the fa finder accepts "${place}", shows Odense first, brings the results into view and announces them`, async ({ page, request }) => {
      const listings = await allListings(request, 'fa')
      const total = listings.length
      await openFinder(page, '/fa/find/')
      await page.getByLabel(fa['finder.place.label']!).fill(place)
      await page.getByRole('button', { name: fa['finder.place.submit']! }).click()
      await expect(page.locator('[data-finder-status]')).toHaveText(fa['finder.sortedFrom']!.replace('{place}', place))

      // The results, two screens below the form, are where the reader now is, and the heading has focus.
      const heading = page.locator('[data-finder-results-heading]')
      await expect(heading).toBeInViewport()
      await expect(heading).toBeFocused()
      // A polite live region says what came out, with the count in Persian digits.
      const announced = page.locator('[data-finder-results-status]')
      await expect(announced).toHaveAttribute('aria-live', 'polite')
      await expect(announced).toBeInViewport()
      await expect(announced).toContainText(fa['finder.count']!.replace('{count}', persianDigits(total)).replace('{total}', persianDigits(total)))
      await expect(announced).not.toContainText(/[0-9]/)
      await expectFirst(page, listings, 'odense')
    })
  }

  test('a Tigrinya reader finds Odense by its Tigrinya name', async ({ page, request }) => {
    const ti = uiStrings('ti')
    const listings = await allListings(request, 'ti')
    await openFinder(page, '/ti/find/')
    await page.getByLabel(ti['finder.place.label']!).fill('ኦደንሰ')
    await page.getByRole('button', { name: ti['finder.place.submit']! }).click()
    await expectFirst(page, listings, 'odense')
  })

  test('the no-JavaScript municipality links show the town in the reader’s language', async ({ page }) => {
    await page.goto('/fa/find/kommune/odense/')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('اودنسه')
  })
})

test.describe('near me on a phone', () => {
  test.use({ geolocation: { latitude: 55.7156, longitude: 11.7128 }, permissions: ['geolocation'] })

  test('Ahmad in Holbæk: filters for young people, taps "near me", and lands on the café for young people', async ({ page }) => {
    const fa = uiStrings('fa')
    await openFinder(page, '/fa/find/')
    await page.locator('select[name="group"]').selectOption('unge')
    await showAll(page)
    const young = await visibleValues(page, 'data-finder-item')
    expect(young).toContain('holbaek-ungecafe')
    // Homework cafés for school children are not for young people.
    expect(young).not.toContain('holbaek-lektiecafe')
    await expect(page).toHaveURL(/\?group=unge$/)

    await page.getByRole('button', { name: fa['finder.nearMe']! }).click()
    await expect(page.locator('[data-finder-results-heading]')).toBeInViewport()
    expect((await visibleValues(page, 'data-finder-item'))[0]).toBe('holbaek-ungecafe')
    await expect(page.locator('[data-finder-results-status]')).toContainText(fa['finder.sortedNearMe']!)
  })
})

test.describe('events in the finder', () => {
  test('upcoming events are among the results, marked as events with their date, and filtered where filters apply', async ({ page, request }) => {
    const da = uiStrings('da')
    const events = (await allListings(request, 'da')).filter((listing) => listing['data-kind'] === 'event')
    await openFinder(page, '/da/find/')
    await showAll(page)
    await expect(page.locator('[data-finder-item][data-kind="event"]')).toHaveCount(events.length)
    expect(events.length).toBeGreaterThan(0)
    const trip = page.locator('[data-finder-item="event:holbaek-ungetur"]')
    await expect(trip.locator('[data-event-badge]')).toHaveText(da['finder.event']!)
    await expect(trip.locator('time[data-event-date]')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)

    // By type: the trip is a "ture og familielejre" event.
    await page.locator('select[name="type"]').selectOption('ture-og-familielejre')
    await showAll(page)
    await expect(trip).toBeVisible()
    expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['ture-og-familielejre']))
    // By place: not in Odense.
    await page.locator('select[name="municipality"]').selectOption('odense')
    await expect(trip).toBeHidden()
    await page.locator('select[name="municipality"]').selectOption('holbaek')
    await expect(trip).toBeVisible()
    // "Women only" is not known of an event: it is left out rather than claimed to fit.
    await page.locator('select[name="audience"]').selectOption('women')
    await expect(trip).toBeHidden()
  })
})

test('switching language keeps the chosen filters', async ({ page }) => {
  await openFinder(page, '/da/find/')
  await page.locator('select[name="type"]').selectOption('lektiecafeer')
  await page.locator('select[name="day"]').selectOption('TH')
  await expect(page).toHaveURL(/\?type=lektiecafeer&day=TH$/)
  await page.locator('[data-language-switcher] summary').click()
  await page.locator('[data-language-switcher] a[hreflang="fa"]').click()
  await expect(page).toHaveURL(/\/fa\/find\/\?type=lektiecafeer&day=TH$/)
  await expect(page.locator('select[name="type"]')).toHaveValue('lektiecafeer')
  await expect(page.locator('select[name="day"]')).toHaveValue('TH')
  // And on back to Danish.
  await page.locator('[data-language-switcher] summary').click()
  await expect(page.locator('[data-language-switcher] a[hreflang="da"]')).toHaveAttribute('href', /\/da\/find\/\?type=lektiecafeer&day=TH$/)
})

test.describe('320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  for (const path of ['/da/find/', '/ti/find/', '/da/find/aktivitet/midlertidig-foraeldremyndighedsindehaver/', '/da/frivillig/']) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path)
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
      expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    })
  }
})
