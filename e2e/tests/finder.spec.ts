import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { allListings, countWith, openFinder, pageSize, showAll, type Listing } from '../fixtures/finder'
import { uiStrings } from '../fixtures/ui-strings'

const items = (page: Page) => page.locator('[data-finder-item]')
const visibleItems = (page: Page) => page.locator('[data-finder-item]:visible')

/** A data-* attribute of every visible list item, in page order. */
async function visibleValues(page: Page, attribute: string) {
  return visibleItems(page).evaluateAll((elements, name) => elements.map((element) => element.getAttribute(name) ?? ''), attribute)
}

// The finder page shows its results a page at a time; what a filter must show is read from the
// region pages (fixtures/finder.ts), which list every activity and event without JavaScript.
test.describe('finder with JavaScript', () => {
  test('filters by activity type at once, puts it in the URL and keeps it on reload', async ({ page, request }) => {
    const listings = await allListings(request, 'da')
    const total = listings.length
    const homeworkCafes = countWith(listings, 'data-type', 'lektiecafeer')
    expect(homeworkCafes).toBeGreaterThan(0)
    expect(homeworkCafes).toBeLessThan(total)
    const count = (shown: number) => uiStrings('da')['finder.count']!.replace('{count}', String(shown)).replace('{total}', String(total))
    await openFinder(page, '/da/find/')
    await expect(page.locator('[data-finder-count]')).toHaveText(count(total))
    await expect(visibleItems(page)).toHaveCount(Math.min(total, await pageSize(page)))
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(total)

    await page.locator('select[name="type"]').selectOption('lektiecafeer')
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(homeworkCafes)
    expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['lektiecafeer']))
    await expect(page).toHaveURL(/\/da\/find\/\?type=lektiecafeer$/)
    await expect(page.locator('[data-finder-count]')).toHaveText(count(homeworkCafes))

    await page.reload()
    await expect(page.locator('select[name="type"]')).toHaveValue('lektiecafeer')
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(homeworkCafes)
  })

  test('Amina (Tigrinya): language and "women only" filters, back and forward', async ({ page, request }) => {
    const listings = await allListings(request, 'ti')
    const total = listings.length
    const tigrinya = countWith(listings, 'data-languages', 'ti')
    expect(tigrinya).toBeGreaterThan(0)
    expect(tigrinya).toBeLessThan(total)
    await openFinder(page, '/ti/find/')

    await page.locator('select[name="lang"]').selectOption('ti')
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(tigrinya)
    for (const languages of await visibleValues(page, 'data-languages')) expect(languages.split(' ')).toContain('ti')
    await expect(page).toHaveURL(/\?lang=ti$/)

    await page.locator('select[name="audience"]').selectOption('women')
    await expect(page).toHaveURL(/\?lang=ti&audience=women$/)
    await showAll(page)
    const womenAndTigrinya = await visibleValues(page, 'data-finder-item')
    // The same results, in the same order, as the region pages list them.
    const has = (listing: Listing, attribute: string, value: string) => listing[attribute]!.split(' ').includes(value)
    expect(womenAndTigrinya).toEqual(listings.filter((listing) => has(listing, 'data-languages', 'ti') && has(listing, 'data-audience', 'women')).map((listing) => listing['data-finder-item']))
    expect(womenAndTigrinya).toContain('odense-kvindegruppe')
    for (const audience of await visibleValues(page, 'data-audience')) expect(audience.split(' ')).toContain('women')
    // The women's group in Odense shows its next date in the list.
    await expect(page.locator('[data-finder-item="odense-kvindegruppe"] [data-next-date]')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)

    await page.goBack()
    await expect(page).toHaveURL(/\?lang=ti$/)
    await expect(page.locator('select[name="audience"]')).toHaveValue('')
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(tigrinya)
    await page.goForward()
    await expect(page.locator('select[name="audience"]')).toHaveValue('women')
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(womenAndTigrinya.length)
  })

  test('a filter combination with no result says so', async ({ page }) => {
    await openFinder(page, '/da/find/?type=venner-viser-vej&audience=children')
    await expect(visibleItems(page)).toHaveCount(0)
    await expect(page.locator('[data-finder-none]')).toBeVisible()
    await expect(page.locator('[data-finder-more]')).toBeHidden()
  })

  test('a filter chosen while the results load is not undone when they arrive', async ({ page, request }) => {
    const homeworkCafes = countWith(await allListings(request, 'da'), 'data-type', 'lektiecafeer')
    // Hold the index back until the reader has chosen.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/da/find/finder.json', async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/da/find/')
    await page.locator('select[name="type"]').selectOption('lektiecafeer')
    release()
    await expect(page.locator('[data-finder-list]')).not.toHaveAttribute('aria-busy', 'true')
    await expect(page.locator('select[name="type"]')).toHaveValue('lektiecafeer')
    await expect(page).toHaveURL(/\?type=lektiecafeer$/)
    await showAll(page)
    await expect(visibleItems(page)).toHaveCount(homeworkCafes)
  })
})

/** The departments of the results, in order: those of `department` must come first, together, and all results are there. */
async function expectFirst(page: Page, listings: Listing[], department: string) {
  const count = countWith(listings, 'data-department', department)
  expect(count).toBeGreaterThan(0)
  await showAll(page)
  const order = await visibleValues(page, 'data-department')
  expect(order.slice(0, count)).toEqual(Array(count).fill(department))
  expect(order).toHaveLength(listings.length)
}

test.describe('near me', () => {
  test.use({ geolocation: { latitude: 55.6761, longitude: 12.5683 }, permissions: ['geolocation'] })

  test('a phone in Copenhagen gets the København department’s activities first', async ({ page, request }) => {
    const listings = await allListings(request, 'da')
    await openFinder(page, '/da/find/')
    // Grouped by region and title, København's activities are not all first.
    await showAll(page)
    const before = await visibleValues(page, 'data-department')
    const copenhagen = countWith(listings, 'data-department', 'koebenhavn')
    expect(before.slice(0, copenhagen)).not.toEqual(Array(copenhagen).fill('koebenhavn'))

    await page.getByRole('button', { name: uiStrings('da')['finder.nearMe']! }).click()
    await expect(page.locator('[data-finder-status]')).toHaveText(uiStrings('da')['finder.sortedNearMe']!)
    await expectFirst(page, listings, 'koebenhavn')
    await expect(page.locator('[data-finder-sorted]')).toBeVisible()
  })

  test('Ahmad in Holbæk (Dari/Farsi page, right to left) gets Holbæk first', async ({ page, context, request }) => {
    await context.setGeolocation({ latitude: 55.7156, longitude: 11.7128 })
    const listings = await allListings(request, 'fa')
    await openFinder(page, '/fa/find/')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await page.getByRole('button', { name: uiStrings('fa')['finder.nearMe']! }).click()
    await expectFirst(page, listings, 'holbaek')
    await expect(page.locator('[data-finder-item]:visible [data-distance]').first()).toBeVisible()
  })
})

test.describe('near me without permission', () => {
  test.use({ permissions: [] })

  test('says that the location was not allowed and offers the place box', async ({ page }) => {
    await openFinder(page, '/da/find/')
    await page.getByRole('button', { name: uiStrings('da')['finder.nearMe']! }).click()
    await expect(page.locator('[data-finder-status]')).toHaveText(uiStrings('da')['finder.nearMe.denied']!)
    await expect(page.getByLabel(uiStrings('da')['finder.place.label']!)).toBeVisible()
  })
})

test.describe('place box', () => {
  for (const place of ['Odense', '5000']) {
    test(`"${place}" puts Odense first and is kept in the URL`, async ({ page, request }) => {
      const listings = await allListings(request, 'da')
      await openFinder(page, '/da/find/')
      await page.getByLabel(uiStrings('da')['finder.place.label']!).fill(place)
      await page.getByRole('button', { name: uiStrings('da')['finder.place.submit']! }).click()
      await expectFirst(page, listings, 'odense')
      await expect(page).toHaveURL(new RegExp(`\\?place=${place}$`))
      await page.reload()
      await expect(page.locator('[data-finder-list]')).not.toHaveAttribute('aria-busy', 'true')
      await expectFirst(page, listings, 'odense')
    })
  }

  test('an unknown place is named in a message and changes nothing', async ({ page }) => {
    await openFinder(page, '/da/find/')
    const before = await visibleValues(page, 'data-finder-item')
    await page.getByLabel(uiStrings('da')['finder.place.label']!).fill('Atlantis')
    await page.getByRole('button', { name: uiStrings('da')['finder.place.submit']! }).click()
    await expect(page.locator('[data-finder-status]')).toHaveText(uiStrings('da')['finder.place.unknown']!.replace('{place}', 'Atlantis'))
    expect(await visibleValues(page, 'data-finder-item')).toEqual(before)
  })
})

test.describe('finder without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('every listing is on a region page the finder links to, and the type link leads to a page with only that type', async ({ page, request }) => {
    await page.goto('/da/find/')
    await expect(page.locator('[data-finder-controls]')).toBeHidden()
    // The finder page carries no list of its own without JavaScript: one link per region.
    await expect(visibleItems(page)).toHaveCount(0)
    const regions = page.locator('[data-finder-browse="region"] a')
    expect(await regions.count()).toBeGreaterThan(1)
    // Together the region pages list what the finder's index has, each listing once.
    const listings = await allListings(request, 'da')
    const index = (await (await request.get('/da/find/finder.json')).json()) as { r: unknown[] }
    expect(listings).toHaveLength(index.r.length)
    expect(new Set(listings.map((listing) => listing['data-finder-item'])).size).toBe(listings.length)

    await regions.first().click()
    await expect(page).toHaveURL(/\/da\/find\/region\/hovedstaden\/$/)
    expect(new Set(await visibleValues(page, 'data-region'))).toEqual(new Set(['hovedstaden']))
    await expect(visibleItems(page)).toHaveCount(countWith(listings, 'data-region', 'hovedstaden'))

    await page.goto('/da/find/')
    await page.locator('[data-finder-browse="type"] a[href$="/find/aktivitet/lektiecafeer/"]').click()
    await expect(page).toHaveURL(/\/da\/find\/aktivitet\/lektiecafeer\/$/)
    await expect(visibleItems(page)).toHaveCount(countWith(listings, 'data-type', 'lektiecafeer'))
    expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['lektiecafeer']))
  })

  test('a region page leads to its municipalities; a municipality page lists only that municipality, each with its next date', async ({ page, request }) => {
    const odense = countWith(await allListings(request, 'da'), 'data-municipality', 'odense')
    await page.goto('/da/find/')
    await page.locator('[data-finder-browse="region"] a[href$="/find/region/syddanmark/"]').click()
    await expect(page).toHaveURL(/\/da\/find\/region\/syddanmark\/$/)
    await page.locator('[data-finder-browse="municipality"] a[href$="/find/kommune/odense/"]').click()
    await expect(page).toHaveURL(/\/da\/find\/kommune\/odense\/$/)
    await expect(visibleItems(page)).toHaveCount(odense)
    expect(new Set(await visibleValues(page, 'data-municipality'))).toEqual(new Set(['odense']))
    await expect(page.locator('[data-finder-item="odense-kvindegruppe"] [data-next-date]')).toBeVisible()
  })
})

test('the map fails gracefully when its tiles cannot load', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.route('**/tile.openstreetmap.org/**', (route) => route.abort())
  await openFinder(page, '/da/find/')
  await page.getByRole('button', { name: uiStrings('da')['map.show']! }).click()
  // Leaflet loaded and drew the markers on a blank background, and says why the map is empty.
  await expect(page.locator('[data-map-canvas].leaflet-container')).toBeVisible()
  expect(await page.locator('[data-map-canvas] path.leaflet-interactive').count()).toBeGreaterThan(0)
  await expect(page.locator('[data-map-status]')).toHaveText(uiStrings('da')['map.failed']!)
  // The list still works.
  await page.locator('select[name="type"]').selectOption('kvindegrupper')
  await expect(page).toHaveURL(/\?type=kvindegrupper$/)
  expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['kvindegrupper']))
  expect(errors).toEqual([])
})

const axePages = ['/da/find/', '/ar/find/', '/da/find/aktivitet/lektiecafeer/', '/ar/find/aktivitet/lektiecafeer/', '/da/find/kommune/odense/', '/ar/find/kommune/odense/', '/da/find/region/syddanmark/', '/ar/find/region/syddanmark/']
for (const path of axePages) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    // The finder page as its script leaves it once it has taken over, with the results shown.
    if (path.endsWith('/find/')) await openFinder(page, path)
    else await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
