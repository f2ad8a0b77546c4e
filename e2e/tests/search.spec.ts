import { expect, test } from '@playwright/test'

import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

test('Arabic search from the header finds an activity type, with results from the Arabic pages', async ({ page, request }) => {
  const [activityType] = await publicDocs(request, 'activity-types', 'ar', '&where[slug][equals]=lektiecafeer')
  const title = String(activityType!.title)
  expect(title).toMatch(/[\u0600-\u06FF]/)

  await page.goto('/ar/')
  const box = page.getByRole('search', { name: uiStrings('ar')['search.label'] }).getByRole('searchbox')
  await box.fill(title)
  await box.press('Enter')
  await expect(page).toHaveURL(/\/ar\/soeg\/\?q=/)

  const results = page.locator('[data-search-list] a')
  await expect(results.first()).toBeVisible()
  const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  expect(hrefs).toContain('/ar/aktiviteter/lektiecafeer/')
  // One index per language: only Arabic pages come back.
  for (const href of hrefs) expect(href).toMatch(/^\/ar\//)
  await expect(page.locator('[data-search-status]')).toContainText(title)
  await expect(page.locator('[data-search-no-script]')).toBeHidden()
})

test('a search with no match says so in the reader’s language and offers the finder', async ({ page }) => {
  await page.goto('/da/soeg/?q=zzxqvw')
  await expect(page.locator('[data-search-status]')).toHaveText(uiStrings('da')['search.noResults']!.replace('{query}', 'zzxqvw'))
  await expect(page.locator('[data-search-fallback] a[href="/da/find/"]')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('the search page explains and links to the finder and the departments', async ({ page }) => {
    await page.goto('/so/soeg/?q=cafe')
    await expect(page.getByText(uiStrings('so')['search.noScript']!)).toBeVisible()
    await expect(page.locator('[data-search-no-script] a[href="/so/find/"]')).toBeVisible()
    await expect(page.locator('[data-search-no-script] a[href="/so/afdelinger/"]')).toBeVisible()
  })
})

test('the search finds an event on its own page, not on the lists that carry it (events, finder, volunteer pages)', async ({ page }) => {
  const [event] = await publicDocs(page.request, 'events', 'da', '&where[slug][equals]=roskilde-vikingeskibe')
  expect(String(event!.title)).toContain('Vikingeskibsmuseet')
  // The list pages do show it to a reader: they are left out of the index, not of the page.
  await page.goto('/da/arrangementer/')
  await expect(page.locator('main').getByText(String(event!.title)).first()).toBeVisible()

  await page.goto('/da/soeg/?q=Vikingeskibsmuseet')
  const results = page.locator('[data-search-list] a')
  await expect(results.first()).toBeVisible()
  const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  expect(hrefs).toContain('/da/arrangementer/roskilde-vikingeskibe/')
  expect(hrefs.filter((href) => href === '/da/arrangementer/' || /^\/da\/(find|frivillig)\//.test(href))).toEqual([])
})
