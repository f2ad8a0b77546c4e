import { expect, test } from '@playwright/test'

import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

const languages = [
  { lang: 'da', dir: 'ltr', font: null },
  { lang: 'ar', dir: 'rtl', font: { family: 'Noto Sans Arabic Variable', sample: 'مرحبا' } },
  { lang: 'ti', dir: 'ltr', font: { family: 'Noto Sans Ethiopic Variable', sample: 'ሰላም' } },
] as const

for (const { lang, dir, font } of languages) {
  test(`home in ${lang}: lang/dir right and the 8 activity types listed in ${lang}`, async ({ page, request }) => {
    const activityTypes = await publicDocs(request, 'activity-types', lang, '&sort=order')
    expect(activityTypes).toHaveLength(8)

    await page.goto(`/${lang}/`)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(page.locator('html')).toHaveAttribute('dir', dir)

    const cards = page.locator('[data-activity-types] [data-activity-type] h3')
    await expect(cards).toHaveCount(8)
    // Every activity type is translated in the seed, so each card is in the page's language.
    await expect(cards).toHaveText(activityTypes.map((activityType) => String(activityType.title)))
    await expect(page.locator('[data-fallback-notice]')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(uiStrings(lang)['home.activityTypes.heading']!)

    if (font) {
      // The script must render with the site's own font, not as empty boxes.
      const loaded = await page.evaluate(async ({ family, sample }) => {
        await document.fonts.ready
        await document.fonts.load(`16px "${family}"`, sample)
        return [...document.fonts].some((face) => face.family.replace(/"/g, '') === family && face.status === 'loaded')
      }, font)
      expect(loaded).toBe(true)
    }
  })
}

test('Danish pages load no web font at all', async ({ page }) => {
  const fonts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(request.url())
  })
  await page.goto('/da/')
  await page.waitForLoadState('networkidle')
  expect(fonts).toEqual([])
})

test('the site root sends the reader to their browser language, or Danish without JavaScript', async ({ browser }) => {
  const ukrainian = await browser.newContext({ locale: 'uk-UA' })
  const page = await ukrainian.newPage()
  await page.goto('/')
  await expect(page).toHaveURL(/\/uk\/$/)
  await ukrainian.close()

  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'uk-UA' })
  const plain = await noScript.newPage()
  await plain.goto('/')
  await expect(plain).toHaveURL(/\/da\/$/)
  await noScript.close()
})

test('the sitemap lists every built page with its language alternates', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text()
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
  expect(sitemaps.length).toBeGreaterThan(0)
  const urls = new Set<string>()
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(new URL(sitemap).pathname)).text()
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.add(new URL(match[1]!).pathname)
  }
  const departments = await publicDocs(request, 'departments', 'da')
  for (const lang of ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']) {
    expect(urls).toContain(`/${lang}/`)
    expect(urls).toContain(`/${lang}/aktiviteter/lektiecafeer/`)
    expect(urls).toContain(`/${lang}/om-integration/`)
    for (const department of departments) expect(urls).toContain(`/${lang}/afdelinger/${department.slug}/`)
  }
  expect(urls).not.toContain('/')
})
