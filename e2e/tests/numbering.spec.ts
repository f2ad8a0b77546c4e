// One numbering system per language: Persian pages write every number (counts, ages, times,
// dates, "N results") in Persian digits and join lists with "،". Exempt, and kept as written:
// text marked as another language (addresses and Danish fallback texts carry lang="da": a bus
// driver reads the address card), phone numbers and e-mail addresses (tel:/mailto: links, dialled
// and typed as they are) and URLs (<code>), which a phone or browser needs in ASCII.
import { expect, test, type Page } from '@playwright/test'

/** Visible text in the page's own language that matches `pattern` (a regular expression's source), with where it is. */
function inPageLanguage(page: Page, pattern: string) {
  return page.evaluate((source) => {
    const wanted = new RegExp(source)
    const pageLang = document.documentElement.lang
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      if (!wanted.test(text)) continue
      const parent = node.parentElement
      if (!parent || !parent.checkVisibility()) continue
      if (parent.closest('script, style, code, a[href^="tel:"], a[href^="mailto:"]')) continue
      if (parent.closest('[lang]')?.getAttribute('lang') !== pageLang) continue
      found.push(`${parent.tagName.toLowerCase()}: ${text.trim()}`)
    }
    return found
  }, pattern)
}
const asciiDigitsInPageLanguage = (page: Page) => inPageLanguage(page, '[0-9]')

const faPages = [
  '/fa/find/',
  '/fa/afdelinger/odense/odense-kvindegruppe/',
  '/fa/afdelinger/holbaek/holbaek-lektiecafe/',
  // Two target groups, listed side by side.
  '/fa/afdelinger/aalborg/aalborg-cafe/',
  '/fa/arrangementer/holbaek-ungetur/',
  '/fa/frivillig/',
  '/fa/',
]
for (const path of faPages) {
  test(`${path} shows no ASCII digit in Persian text`, async ({ page }) => {
    await page.goto(path)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa')
    expect(await asciiDigitsInPageLanguage(page)).toEqual([])
    // Persian's comma is "،"; the Latin one appears only in Danish (addresses, fallback texts).
    expect(await inPageLanguage(page, ',')).toEqual([])
  })
}

test('the fa finder’s counts, written by its script, are in Persian digits', async ({ page }) => {
  await page.goto('/fa/find/?type=lektiecafeer')
  await expect(page.locator('[data-finder-count]')).toContainText(/[۰-۹]/)
  expect(await asciiDigitsInPageLanguage(page)).toEqual([])
})

test('Persian lists are joined with "،", and ages are in Persian digits', async ({ page }) => {
  // The homework café is for children aged 6 to 16.
  await page.goto('/fa/afdelinger/holbaek/holbaek-lektiecafe/')
  await expect(page.locator('main')).toContainText('۶ تا ۱۶')
  // Danish's "," never stands between Persian words.
  const mainText = await page.locator('main').innerText()
  expect(mainText).not.toMatch(/[\u0600-\u06FF], [\u0600-\u06FF]/)
  // Holbæk's four kinds of activity, listed in its page's description the Persian way.
  await page.goto('/fa/afdelinger/holbaek/')
  const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? ''
  expect(description).toContain('،')
  expect(description).not.toMatch(/[؀-ۿ], /)
})

test('Arabic pages use one system too: Latin digits throughout (core/locales.ts)', async ({ page }) => {
  await page.goto('/ar/afdelinger/holbaek/holbaek-lektiecafe/')
  await expect(page.locator('main')).toContainText('6 إلى 16')
  await expect(page.locator('main')).not.toContainText(/[٠-٩۰-۹]/)
})

test('the fa search page counts its results in Persian digits', async ({ page }) => {
  await page.goto('/fa/soeg/?q=Odense')
  await expect(page.locator('[data-search-list] a').first()).toBeVisible()
  await expect(page.locator('[data-search-status]')).toContainText(/[۰-۹]/)
  await expect(page.locator('[data-search-status]')).not.toContainText(/[0-9]/)
})
