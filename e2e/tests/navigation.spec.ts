import { expect, test } from '@playwright/test'

import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

test('a newcomer goes from home to an activity type to a department running it', async ({ page, request }) => {
  const [lektiecafe] = await publicDocs(request, 'activity-types', 'en', '&where[slug][equals]=lektiecafeer')
  const localCafes = await publicDocs(request, 'activities', 'da', `&where[activityType][equals]=${lektiecafe!.id}`)
  expect(localCafes.length).toBeGreaterThan(0)

  await page.goto('/en/')
  await page.getByRole('link', { name: String(lektiecafe!.title) }).click()
  await expect(page).toHaveURL(/\/en\/aktiviteter\/lektiecafeer\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(String(lektiecafe!.title))
  await expect(page.locator('[data-activity]')).toHaveCount(localCafes.length)

  const departments = await publicDocs(request, 'departments', 'da')
  const first = localCafes[0]!
  const department = departments.find((candidate) => candidate.id === first.department)!
  await page.locator(`[data-activity="${first.slug}"]`).getByRole('link', { name: String(department.name) }).click()
  await expect(page).toHaveURL(new RegExp(`/en/afdelinger/${department.slug}/$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(department.name))
  await expect(page.locator(`[data-activity="${first.slug}"]`)).toBeVisible()
})

test('a department page lists its activities and only its upcoming events', async ({ page, request }) => {
  const [odense] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=odense')
  const activities = await publicDocs(request, 'activities', 'da', `&where[department][equals]=${odense!.id}`)
  const events = await publicDocs(request, 'events', 'da', `&where[department][equals]=${odense!.id}`)
  const upcoming = events.filter((event) => new Date(String(event.endsAt ?? event.startsAt)) > new Date())

  await page.goto('/da/afdelinger/odense/')
  await expect(page.locator('[data-activity]')).toHaveCount(activities.length)
  await expect(page.locator('[data-event]')).toHaveCount(upcoming.length)
  await expect(page.locator('[data-demo-notice]')).toHaveText(uiStrings('da')['demo.notice']!)
})

test('the language switcher keeps the reader on the same page', async ({ page }) => {
  await page.goto('/en/afdelinger/odense/')
  await page.locator('[data-language-switcher] summary').click()
  await page.locator('[data-language-switcher]').getByRole('link', { name: 'العربية' }).click()
  await expect(page).toHaveURL(/\/ar\/afdelinger\/odense\/$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')

  await page.locator('[data-language-switcher] summary').click()
  await page.locator('[data-language-switcher]').getByRole('link', { name: 'ትግርኛ' }).click()
  await expect(page).toHaveURL(/\/ti\/afdelinger\/odense\/$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti')
})

test('the language switcher works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/da/aktiviteter/cykelkurser/')
  await page.locator('[data-language-switcher] summary').click()
  await page.locator('[data-language-switcher]').getByRole('link', { name: 'Українська' }).click()
  await expect(page).toHaveURL(/\/uk\/aktiviteter\/cykelkurser\/$/)
  await context.close()
})

test('text that is only in Danish is marked as Danish with a notice in the reader’s language', async ({ page, request }) => {
  const [odense] = await publicDocs(request, 'departments', 'ar', '&where[slug][equals]=odense')
  expect(odense!.description ?? null).toBeNull() // demo departments are written in Danish only

  await page.goto('/ar/afdelinger/odense/')
  await expect(page.locator('[data-fallback-notice]').first()).toHaveText(uiStrings('ar')['fallback.notice']!)
  await expect(page.locator('.prose-content').first()).toHaveAttribute('lang', 'da')

  await page.goto('/da/afdelinger/odense/')
  await expect(page.locator('[data-fallback-notice]')).toHaveCount(0)
})

test('every page has hreflang alternates for all 8 languages', async ({ page }) => {
  await page.goto('/fa/om-integration/')
  const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
    links.map((link) => [link.getAttribute('hreflang'), new URL(link.getAttribute('href')!).pathname]),
  )
  expect(hreflangs).toEqual(
    expect.arrayContaining([
      ['da', '/da/om-integration/'],
      ['ps', '/ps/om-integration/'],
      ['ti', '/ti/om-integration/'],
      ['x-default', '/da/om-integration/'],
    ]),
  )
  expect(hreflangs).toHaveLength(9)
})
