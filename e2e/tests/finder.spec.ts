import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { uiStrings } from '../fixtures/ui-strings'

const items = (page: Page) => page.locator('[data-finder-item]')
const visibleItems = (page: Page) => page.locator('[data-finder-item]:visible')

/** A data-* attribute of every visible list item, in page order. */
async function visibleValues(page: Page, attribute: string) {
  return visibleItems(page).evaluateAll((elements, name) => elements.map((element) => element.getAttribute(name) ?? ''), attribute)
}
/** How many of all items (hidden or not) have `value` among the space-separated values of `attribute`. */
async function countWith(page: Page, attribute: string, value: string) {
  return items(page).evaluateAll(
    (elements, [name, wanted]) => elements.filter((element) => (element.getAttribute(name!) ?? '').split(' ').includes(wanted!)).length,
    [attribute, value],
  )
}

test.describe('finder with JavaScript', () => {
  test('filters by activity type at once, puts it in the URL and keeps it on reload', async ({ page }) => {
    await page.goto('/da/find/')
    const total = await items(page).count()
    const homeworkCafes = await countWith(page, 'data-type', 'lektiecafeer')
    expect(homeworkCafes).toBeGreaterThan(0)
    expect(homeworkCafes).toBeLessThan(total)
    await expect(visibleItems(page)).toHaveCount(total)

    await page.locator('select[name="type"]').selectOption('lektiecafeer')
    await expect(visibleItems(page)).toHaveCount(homeworkCafes)
    expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['lektiecafeer']))
    await expect(page).toHaveURL(/\/da\/find\/\?type=lektiecafeer$/)
    await expect(page.locator('[data-finder-count]')).toHaveText(
      uiStrings('da')['finder.count']!.replace('{count}', String(homeworkCafes)).replace('{total}', String(total)),
    )

    await page.reload()
    await expect(page.locator('select[name="type"]')).toHaveValue('lektiecafeer')
    await expect(visibleItems(page)).toHaveCount(homeworkCafes)
  })

  test('Amina (Tigrinya): language and "women only" filters, back and forward', async ({ page }) => {
    const strings = uiStrings('ti')
    await page.goto('/ti/find/')
    const total = await items(page).count()
    const tigrinya = await countWith(page, 'data-languages', 'ti')
    expect(tigrinya).toBeGreaterThan(0)
    expect(tigrinya).toBeLessThan(total)

    await page.locator('select[name="lang"]').selectOption('ti')
    await expect(visibleItems(page)).toHaveCount(tigrinya)
    for (const languages of await visibleValues(page, 'data-languages')) expect(languages.split(' ')).toContain('ti')
    await expect(page).toHaveURL(/\?lang=ti$/)

    await page.locator('select[name="audience"]').selectOption('women')
    await expect(page).toHaveURL(/\?lang=ti&audience=women$/)
    const womenAndTigrinya = await visibleValues(page, 'data-finder-item')
    expect(womenAndTigrinya).toContain('odense-kvindegruppe')
    for (const audience of await visibleValues(page, 'data-audience')) expect(audience.split(' ')).toContain('women')
    // The women's group in Odense shows its next date in the list.
    await expect(page.locator('[data-finder-item="odense-kvindegruppe"] [data-next-date]')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)

    await page.goBack()
    await expect(page).toHaveURL(/\?lang=ti$/)
    await expect(page.locator('select[name="audience"]')).toHaveValue('')
    await expect(visibleItems(page)).toHaveCount(tigrinya)
    await page.goForward()
    await expect(page.locator('select[name="audience"]')).toHaveValue('women')
    await expect(visibleItems(page)).toHaveCount(womenAndTigrinya.length)
  })

  test('a filter combination with no result says so', async ({ page }) => {
    await page.goto('/da/find/?type=venner-viser-vej&audience=children')
    await expect(visibleItems(page)).toHaveCount(0)
    await expect(page.locator('[data-finder-none]')).toBeVisible()
  })
})

/** The departments of the visible items, in order: those of `department` must come first, together. */
async function expectFirst(page: Page, department: string) {
  const count = await countWith(page, 'data-department', department)
  expect(count).toBeGreaterThan(0)
  const order = await visibleValues(page, 'data-department')
  expect(order.slice(0, count)).toEqual(Array(count).fill(department))
  expect(order).toHaveLength(await items(page).count())
}

test.describe('near me', () => {
  test.use({ geolocation: { latitude: 55.6761, longitude: 12.5683 }, permissions: ['geolocation'] })

  test('a phone in Copenhagen gets the København department’s activities first', async ({ page }) => {
    await page.goto('/da/find/')
    // Grouped by region and title, København's activities are not all first.
    const before = await visibleValues(page, 'data-department')
    const copenhagen = await countWith(page, 'data-department', 'koebenhavn')
    expect(before.slice(0, copenhagen)).not.toEqual(Array(copenhagen).fill('koebenhavn'))

    await page.getByRole('button', { name: uiStrings('da')['finder.nearMe']! }).click()
    await expect(page.locator('[data-finder-status]')).toHaveText(uiStrings('da')['finder.sortedNearMe']!)
    await expectFirst(page, 'koebenhavn')
    await expect(page.locator('[data-finder-sorted]')).toBeVisible()
  })

  test('Ahmad in Holbæk (Dari/Farsi page, right to left) gets Holbæk first', async ({ page, context }) => {
    await context.setGeolocation({ latitude: 55.7156, longitude: 11.7128 })
    await page.goto('/fa/find/')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await page.getByRole('button', { name: uiStrings('fa')['finder.nearMe']! }).click()
    await expectFirst(page, 'holbaek')
    await expect(page.locator('[data-finder-item]:visible [data-distance]').first()).toBeVisible()
  })
})

test.describe('near me without permission', () => {
  test.use({ permissions: [] })

  test('says that the location was not allowed and offers the place box', async ({ page }) => {
    await page.goto('/da/find/')
    await page.getByRole('button', { name: uiStrings('da')['finder.nearMe']! }).click()
    await expect(page.locator('[data-finder-status]')).toHaveText(uiStrings('da')['finder.nearMe.denied']!)
    await expect(page.getByLabel(uiStrings('da')['finder.place.label']!)).toBeVisible()
  })
})

test.describe('place box', () => {
  for (const place of ['Odense', '5000']) {
    test(`"${place}" puts Odense first and is kept in the URL`, async ({ page }) => {
      await page.goto('/da/find/')
      await page.getByLabel(uiStrings('da')['finder.place.label']!).fill(place)
      await page.getByRole('button', { name: uiStrings('da')['finder.place.submit']! }).click()
      await expectFirst(page, 'odense')
      await expect(page).toHaveURL(new RegExp(`\\?place=${place}$`))
      await page.reload()
      await expectFirst(page, 'odense')
    })
  }

  test('an unknown place is named in a message and changes nothing', async ({ page }) => {
    await page.goto('/da/find/')
    const before = await visibleValues(page, 'data-finder-item')
    await page.getByLabel(uiStrings('da')['finder.place.label']!).fill('Atlantis')
    await page.getByRole('button', { name: uiStrings('da')['finder.place.submit']! }).click()
    await expect(page.locator('[data-finder-status]')).toHaveText(uiStrings('da')['finder.place.unknown']!.replace('{place}', 'Atlantis'))
    expect(await visibleValues(page, 'data-finder-item')).toEqual(before)
  })
})

test.describe('finder without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the full list is in the HTML and the type link leads to a page with only that type', async ({ page }) => {
    await page.goto('/da/find/')
    await expect(page.locator('[data-finder-controls]')).toBeHidden()
    const total = await items(page).count()
    await expect(visibleItems(page)).toHaveCount(total)
    const homeworkCafes = await countWith(page, 'data-type', 'lektiecafeer')

    await page.locator('[data-finder-browse="type"] a[href$="/find/aktivitet/lektiecafeer/"]').click()
    await expect(page).toHaveURL(/\/da\/find\/aktivitet\/lektiecafeer\/$/)
    await expect(visibleItems(page)).toHaveCount(homeworkCafes)
    expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['lektiecafeer']))
  })

  test('a municipality page lists only that municipality, each with its next date', async ({ page }) => {
    await page.goto('/da/find/')
    const odense = await countWith(page, 'data-municipality', 'odense')
    await page.locator('[data-finder-browse="municipality"] summary').click()
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
  await page.goto('/da/find/')
  await page.getByRole('button', { name: uiStrings('da')['map.show']! }).click()
  // Leaflet loaded and drew the markers on a blank background, and says why the map is empty.
  await expect(page.locator('[data-map-canvas].leaflet-container')).toBeVisible()
  expect(await page.locator('[data-map-canvas] path.leaflet-interactive').count()).toBeGreaterThan(0)
  await expect(page.locator('[data-map-status]')).toHaveText(uiStrings('da')['map.failed']!)
  // The list still works.
  await page.locator('select[name="type"]').selectOption('kvindegrupper')
  expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['kvindegrupper']))
  expect(errors).toEqual([])
})

const axePages = ['/da/find/', '/ar/find/', '/da/find/aktivitet/lektiecafeer/', '/ar/find/aktivitet/lektiecafeer/', '/da/find/kommune/odense/', '/ar/find/kommune/odense/']
for (const path of axePages) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
