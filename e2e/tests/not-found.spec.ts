import { expect, test } from '@playwright/test'

import { uiStrings } from '../fixtures/ui-strings'

/**
 * A reader who follows a broken or old link gets the answer in the language of the URL, with the
 * site's header (language switcher, search) and ways on, not a stack of eight languages. An
 * ended event's old address says the event has ended (scripts/test-environment.mjs adds one,
 * `naestved-sommerfest-afholdt`, which ended two days before the site was built).
 */
const locales = ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']
const rtl = new Set(['ar', 'fa', 'ps'])
const endedEvent = 'naestved-sommerfest-afholdt'

test('a missing page under /ti/ answers 404 in Tigrinya, with the header, the search and links to the finder and the front page', async ({ page }) => {
  const ti = uiStrings('ti')
  const response = await page.goto('/ti/does-not-exist/')
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ti['notFound.title']!)
  await expect(page.getByText(ti['notFound.text']!)).toBeVisible()
  await expect(page.getByRole('banner').locator('[data-language-switcher]')).toBeVisible()
  await expect(page.locator('[data-search-form="header"]')).toHaveAttribute('action', '/ti/soeg/')
  await expect(page.getByRole('link', { name: ti['notFound.finder']! })).toHaveAttribute('href', '/ti/find/')
  await expect(page.getByRole('link', { name: ti['notFound.home']! })).toHaveAttribute('href', '/ti/')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')

  // The search box on the page searches in Tigrinya.
  await page.locator('[data-search-form="page"] input[name="q"]').fill('ትምህርቲ')
  await page.locator('[data-search-form="page"]').getByRole('button').click()
  await expect(page).toHaveURL(/\/ti\/soeg\/\?q=/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti')
})

test('every language answers a missing page in that language and direction; a path without a language gets the multilingual page', async ({ request }) => {
  for (const lang of locales) {
    const response = await request.get(`/${lang}/afdelinger/findes-ikke/`)
    expect(response.status(), lang).toBe(404)
    const html = await response.text()
    expect(html, lang).toContain(`<html lang="${lang}" dir="${rtl.has(lang) ? 'rtl' : 'ltr'}"`)
    expect(html, lang).toContain(uiStrings(lang)['notFound.text']!)
  }
  const root = await request.get('/findes-ikke/')
  expect(root.status()).toBe(404)
  const html = await root.text()
  for (const lang of locales) expect(html).toContain(uiStrings(lang)['notFound.title']!)
})

test('an Arabic missing page is right-to-left with the Arabic header', async ({ page }) => {
  const ar = uiStrings('ar')
  expect((await page.goto('/ar/aktiviteter/findes-ikke/'))?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['notFound.title']!)
  await expect(page.getByRole('navigation', { name: ar['nav.label']! })).toBeVisible()
})

test('an ended event’s old address says it has ended, in the reader’s language, and leads to the upcoming events', async ({ page, request }) => {
  for (const lang of ['ti', 'ar', 'da']) {
    const strings = uiStrings(lang)
    const response = await page.goto(`/${lang}/arrangementer/${endedEvent}/`)
    expect(response?.status(), lang).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sommerfest i Næstved')
    await expect(page.locator('[data-ended-notice]')).toHaveText(strings['event.ended.notice']!)
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
    await expect(page.getByRole('banner').locator('[data-language-switcher]')).toBeVisible()
    // No sign-up, no calendar: the event is over.
    await expect(page.locator('[data-signup], [data-add-to-calendar]')).toHaveCount(0)
  }
  await page.getByRole('link', { name: uiStrings('da')['event.ended.upcoming']! }).click()
  await expect(page).toHaveURL(/\/da\/arrangementer\/$/)
  await expect(page.locator(`[data-event="${endedEvent}"]`)).toHaveCount(0)

  // Kept out of the sitemap, like the 404 pages.
  const index = await (await request.get('/sitemap-index.xml')).text()
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname)
  const listed = (await Promise.all(sitemaps.map(async (sitemap) => (await request.get(sitemap)).text()))).join('')
  expect(listed).toContain('/da/arrangementer/')
  expect(listed).not.toContain(endedEvent)
  expect(listed).not.toContain('/404/')
})
