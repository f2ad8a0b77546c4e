import fs from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

import { publicDocs, siteOutDir } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

// Posters for the noticeboard (site/src/lib/poster.ts): one printable A4 sheet per activity,
// event and department, in the reader's language beside Danish, with a QR code to the page.

const womenGroup = '/afdelinger/aarhus/aarhus-kvindegruppe/'

/** The text a QR code holds, read from a screenshot of it as a phone's camera would. */
async function readQr(code: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await code.screenshot())
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data
}

/** The pages of a PDF (Chromium's: one uncompressed page object per page) and each page's size in points. */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1')
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((box) => ({
    width: Number(box[3]) - Number(box[1]),
    height: Number(box[4]) - Number(box[2]),
  }))
  expect(boxes).toHaveLength(pages.length)
  return boxes
}

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const a4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 }

/** From a page (its path without the locale) to its poster by the link on it. */
async function followPosterLink(page: Page, lang: string, pagePath: string, label: 'poster.link' | 'poster.departmentLink' = 'poster.link') {
  await page.goto(`/${lang}${pagePath}`)
  const link = page.locator('[data-poster-link]')
  await expect(link).toHaveText(uiStrings(lang)[label]!)
  await link.click()
  await expect(page).toHaveURL(/\/plakat\//)
}

test('the department prints a bilingual poster of the women’s group whose QR code opens the Tigrinya page', async ({ page, request }, testInfo) => {
  const [activity] = (await publicDocs(request, 'activities', 'da')).filter((doc) => doc.slug === 'aarhus-kvindegruppe')
  await page.goto(`/ti${womenGroup}`)
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
  expect(canonical).toMatch(new RegExp(`/ti${womenGroup}$`))
  const title = await page.getByRole('heading', { level: 1 }).evaluate((heading) => heading.firstChild!.textContent!.trim())

  await followPosterLink(page, 'ti', womenGroup)
  expect(new URL(page.url()).pathname).toBe('/ti/plakat/aktivitet/aarhus-kvindegruppe/')
  // Tigrinya first, Danish beside it, both with the activity's title.
  const reader = page.locator('[data-poster-column="ti"]')
  const beside = page.locator('[data-poster-column="da"]')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(beside).toHaveAttribute('lang', 'da')
  await expect(beside.locator('.poster-title')).toHaveText(title)
  await expect(reader).toContainText(uiStrings('ti')['poster.when']!)
  await expect(beside).toContainText(uiStrings('da')['poster.when']!)
  // The weekly rhythm and three next dates in each language, the address in the foot.
  await expect(reader.locator('[data-poster-dates] time')).toHaveCount(3)
  expect(await reader.locator('[data-poster-dates] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')))).toEqual(
    await beside.locator('[data-poster-dates] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
  )
  await expect(page.locator('[data-poster-place]')).toContainText('Demogade 17 (demo)')
  // What it is, in Tigrinya (the activity type's translation), not only the Danish title.
  const [type] = await publicDocs(request, 'activity-types', 'ti', `&where[id][equals]=${activity!.activityType}`)
  expect(type!.title).toMatch(/\p{Script=Ethiopic}/u)
  await expect(reader.getByText(String(type!.title), { exact: true })).toBeVisible()
  // Who may come and the target groups: two lines, not one run-on sentence.
  await expect(reader.locator('[data-poster-audience]')).toHaveText(uiStrings('ti')['audience.women']!)
  await expect(reader.locator('[data-poster-groups]')).toHaveCount(1)
  // When it was made, in both languages: the dates are the next ones from then.
  await expect(page.locator('[data-poster-updated]')).toContainText(uiStrings('da')['poster.updated']!.split('{date}')[0]!)

  // The QR code, read from a screenshot, is the Tigrinya page's address, written out below it too.
  const qr = page.locator('[data-poster-qr]')
  expect(await readQr(qr)).toBe(canonical)
  await expect(qr).toHaveAttribute('data-poster-qr', canonical!)
  await expect(page.locator('[data-poster-url]')).toHaveText(canonical!.replace(/^https?:\/\//, ''))
  const opened = await page.goto(canonical!)
  expect(opened?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)

  // Printed: one A4 page. Attached to the report to look at.
  await page.goto('/ti/plakat/aktivitet/aarhus-kvindegruppe/')
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await testInfo.attach('poster-ti.pdf', { body: pdf, contentType: 'application/pdf' })
  const [sheet, ...more] = pdfPages(pdf)
  expect(more).toEqual([])
  expect(sheet!.width).toBeCloseTo(a4.width, 0)
  expect(sheet!.height).toBeCloseTo(a4.height, 0)
})

test('an Arabic poster reads right to left: Arabic on the right, Danish beside it on the left, one A4 page printed', async ({ page }, testInfo) => {
  await followPosterLink(page, 'ar', '/afdelinger/aarhus/aarhus-lektiecafe/')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.emulateMedia({ media: 'print' })
  const reader = (await page.locator('[data-poster-column="ar"]').boundingBox())!
  const beside = (await page.locator('[data-poster-column="da"]').boundingBox())!
  expect(reader.x).toBeGreaterThan(beside.x + beside.width - 1)
  await expect(page.locator('[data-poster-column="da"]')).toHaveAttribute('dir', 'ltr')
  // The address stays Danish, written left to right.
  expect(await page.locator('[data-poster-place] address').evaluate((address) => getComputedStyle(address).direction)).toBe('ltr')

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await testInfo.attach('poster-ar.pdf', { body: pdf, contentType: 'application/pdf' })
  const sheets = pdfPages(pdf)
  expect(sheets).toHaveLength(1)
  expect(sheets[0]!.width).toBeCloseTo(a4.width, 0)
  expect(sheets[0]!.height).toBeCloseTo(a4.height, 0)
})

test('an event’s poster opens the event page in the reader’s language', async ({ page }) => {
  await followPosterLink(page, 'so', '/arrangementer/aalborg-familielejr/')
  expect(new URL(page.url()).pathname).toBe('/so/plakat/arrangement/aalborg-familielejr/')
  await expect(page.locator('[data-poster-column="so"] [data-poster-when] time').first()).toHaveAttribute('datetime', /^\d{4}-/)
  expect(new URL((await readQr(page.locator('[data-poster-qr]')))!).pathname).toBe('/so/arrangementer/aalborg-familielejr/')
})

test('a Danish page’s poster is Danish beside English, and leads to the same poster with Danish beside each other language', async ({ page }) => {
  await followPosterLink(page, 'da', '/afdelinger/aarhus/aarhus-cykelkursus/')
  const others = page.locator('[data-poster-languages] a')
  expect(await others.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
    ['en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so'].map((lang) => `/${lang}/plakat/aktivitet/aarhus-cykelkursus/`),
  )
  await others.filter({ hasText: 'العربية' }).click()
  await expect(page.locator('[data-poster-column="ar"] h1')).toHaveCount(1)
  await expect(page.locator('[data-poster-column="da"]')).toHaveCount(1)
  await page.goBack()
  await expect(page.locator('[data-poster-column="da"] h1')).toHaveCount(1)
  await expect(page.locator('[data-poster-column="en"]')).toContainText(uiStrings('en')['poster.when']!)
  expect(new URL((await readQr(page.locator('[data-poster-qr]')))!).pathname).toBe('/da/afdelinger/aarhus/aarhus-cykelkursus/')
})

test('a department’s poster lists all its activities, with one QR code to the department’s page', async ({ page }) => {
  await page.goto('/fa/afdelinger/aarhus/')
  const listed = await page
    .locator('main a[href^="/fa/afdelinger/aarhus/"]')
    .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')).filter((href) => /^\/fa\/afdelinger\/aarhus\/[^/]+\/$/.test(href!)))])
  expect(listed.length).toBeGreaterThan(2)
  await followPosterLink(page, 'fa', '/afdelinger/aarhus/', 'poster.departmentLink')
  expect(new URL(page.url()).pathname).toBe('/fa/plakat/afdeling/aarhus/')
  await expect(page.locator('[data-poster-column="fa"] [data-poster-activity]')).toHaveCount(listed.length)
  await expect(page.locator('[data-poster-column="da"] [data-poster-activity]')).toHaveCount(listed.length)
  // Each activity says where it meets: the cycle course is not at the department's address.
  const course = page.locator('[data-poster-column="fa"] [data-poster-activity="aarhus-cykelkursus"] [data-poster-activity-place]')
  await expect(course).toContainText('Demovej 6 (demo)')
  await expect(page.locator('[data-poster-place]')).toHaveCount(0)
  expect(await readQr(page.locator('[data-poster-qr]'))).toMatch(/\/fa\/afdelinger\/aarhus\/$/)
})

test('without JavaScript a poster has no print button (the browser’s own print works), and its way back', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/ti/plakat/aktivitet/aarhus-kvindegruppe/')
  await expect(page.locator('[data-print]')).toBeHidden()
  await expect(page.getByText(uiStrings('ti')['poster.printHint']!)).toBeVisible()
  await page.getByRole('link', { name: uiStrings('ti')['poster.back'] }).click()
  expect(new URL(page.url()).pathname).toBe(`/ti${womenGroup}`)
  await context.close()
})

// Every poster of the release, printed: nothing of either column is cut off by the foot (the
// sheet itself is one A4 page whatever its content; this checks the content fits in it).
for (const lang of ['ar', 'ti', 'so']) {
  test(`every ${lang} poster fits its sheet when printed`, async ({ page }) => {
    test.setTimeout(120_000)
    const root = path.join(siteOutDir(), lang, 'plakat')
    const posters = fs.readdirSync(root).flatMap((kind) => fs.readdirSync(path.join(root, kind)).map((slug) => `/${lang}/plakat/${kind}/${slug}/`))
    expect(posters.length).toBeGreaterThan(30)
    await page.emulateMedia({ media: 'print' })
    const cut: Record<string, number> = {}
    for (const poster of posters) {
      await page.goto(poster)
      const hidden = await page.locator('.poster-columns').evaluate((columns) => {
        const bottom = columns.getBoundingClientRect().bottom
        return Math.max(...[...columns.children].map((column) => column.lastElementChild!.getBoundingClientRect().bottom - bottom))
      })
      if (hidden > 0) cut[poster] = Math.ceil(hidden)
    }
    expect(cut).toEqual({})
  })
}

for (const poster of ['/ar/plakat/aktivitet/aarhus-lektiecafe/', '/ti/plakat/arrangement/aalborg-familielejr/', '/da/plakat/afdeling/aarhus/']) {
  test(`${poster} has no accessibility violations (axe), on screen and printed`, async ({ page }) => {
    await page.goto(poster)
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media })
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((violation) => `${media} ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
    }
  })
}
