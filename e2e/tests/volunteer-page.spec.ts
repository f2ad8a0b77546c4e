// Jens (67, Holbæk) and Sara (24, Copenhagen) on the volunteer page: the finder's filters
// (place, type, weekday) instead of 11 phone screens, and a footer link named after what the
// børneattest page does (the volunteer sends nothing).
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { uiStrings } from '../fixtures/ui-strings'

const items = (page: Page) => page.locator('[data-finder-item]')
const visibleItems = (page: Page) => page.locator('[data-finder-item]:visible')
const visibleValues = (page: Page, attribute: string) =>
  visibleItems(page).evaluateAll((elements, name) => elements.map((element) => element.getAttribute(name) ?? ''), attribute)

test('Jens filters the volunteer page to homework cafés on Thursdays, and the filters are in the URL', async ({ page }) => {
  const da = uiStrings('da')
  await page.goto('/da/frivillig/')
  const total = await items(page).count()
  expect(total).toBeGreaterThan(10)
  await page.locator('select[name="type"]').selectOption('lektiecafeer')
  expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['lektiecafeer']))
  await page.locator('select[name="day"]').selectOption('TH')
  for (const days of await visibleValues(page, 'data-days')) expect(days.split(' ')).toContain('TH')
  const shown = await visibleItems(page).count()
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThan(total)
  await expect(page).toHaveURL(/\/da\/frivillig\/\?type=lektiecafeer&day=TH$/)
  await expect(page.locator('[data-finder-count]')).toHaveText(da['volunteer.count']!.replace('{count}', String(shown)).replace('{total}', String(total)))
  // Each listing still says whether a børneattest is needed and leads to the form.
  const holbaek = page.locator('[data-volunteer-activity="holbaek-lektiecafe"]')
  await expect(holbaek).toContainText(da['volunteer.childCertificateNeeded']!)
  await expect(holbaek.getByRole('link', { name: da['volunteer.helpHere'] })).toHaveAttribute('href', /\/da\/frivillig\/holbaek-lektiecafe\/$/)

  await page.reload()
  await expect(page.locator('select[name="type"]')).toHaveValue('lektiecafeer')
  await expect(visibleItems(page)).toHaveCount(shown)
})

test('the volunteer page sorts by a typed place, like the finder', async ({ page }) => {
  const en = uiStrings('en')
  await page.goto('/en/frivillig/')
  await page.getByLabel(en['finder.place.label']!).fill('4300')
  await page.getByRole('button', { name: en['finder.place.submit']! }).click()
  const departments = await visibleValues(page, 'data-department')
  expect(departments[0]).toBe('holbaek')
  await expect(page.locator('[data-finder-results-heading]')).toBeInViewport()
})

test.describe('volunteer page without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('lists every activity, filters by type and weekday at once, and offers the way to one’s region', async ({ page }) => {
    const da = uiStrings('da')
    await page.goto('/da/frivillig/')
    const total = await items(page).count()
    await expect(visibleItems(page)).toHaveCount(total)
    // "Near me" and the place box need JavaScript; the selects do not.
    await expect(page.getByRole('button', { name: da['finder.nearMe']! })).toBeHidden()
    await page.locator('select[name="type"]').selectOption('lektiecafeer')
    expect(new Set(await visibleValues(page, 'data-type'))).toEqual(new Set(['lektiecafeer']))
    await page.locator('select[name="day"]').selectOption('TH')
    const shown = await visibleValues(page, 'data-days')
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThan(total)
    for (const days of shown) expect(days.split(' ')).toContain('TH')
    await page.getByRole('button', { name: da['finder.filter.reset']! }).click()
    await expect(visibleItems(page)).toHaveCount(total)

    await page.locator('[data-finder-nojs] a[href="#finder-region-sjaelland"]').click()
    await expect(page.locator('#finder-region-sjaelland')).toBeInViewport()
  })
})

test('the footer link to the børneattest page is named after what it does, in every language', async ({ page }) => {
  for (const lang of ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']) {
    const strings = uiStrings(lang)
    await page.goto(`/${lang}/`)
    const link = page.locator('footer a[href$="/boerneattest/"]')
    await expect(link).toHaveText(strings['childCertificate.footerLink']!)
  }
  await page.goto('/da/')
  await expect(page.locator('footer a[href$="/boerneattest/"]')).toHaveText('Om børneattest')
})

for (const path of ['/da/frivillig/', '/fa/frivillig/']) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
