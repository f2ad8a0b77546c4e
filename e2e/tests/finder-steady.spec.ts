// The finder on a phone stays put while its script takes over (issue 16: it used to jump by a
// Cumulative Layout Shift of 0.39–0.50), its first round trip fits in the 14 KB a connection's
// first flight carries, and the site answers /favicon.ico. Layout and bytes, not time.
import zlib from 'node:zlib'

import { expect, test } from '@playwright/test'

import { allListings, listingsIn, openFinder, pageSize } from '../fixtures/finder'

const locales = ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']

test.describe('the finder does not move when its script takes over', () => {
  // The phone the figures were measured on.
  test.use({ viewport: { width: 360, height: 740 } })

  for (const lang of ['da', 'ar', 'ti']) {
    test(`${lang}: Cumulative Layout Shift ≤ 0.02 until the results are shown`, async ({ page }) => {
      await page.addInitScript(() => {
        const shifts: { value: number; hadRecentInput: boolean; sources: string[] }[] = []
        Object.assign(window, { finderShifts: shifts })
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] })[]) {
            shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources: (entry.sources ?? []).map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 80) : String(source.node?.nodeName))) })
          }
        }).observe({ type: 'layout-shift', buffered: true })
      })
      await openFinder(page, `/${lang}/find/`)
      await expect(page.locator('[data-finder-item]').first()).toBeVisible()
      // Fonts in, and two frames for any late layout to be reported.
      await page.evaluate(async () => {
        await document.fonts.ready
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      })
      const shifts = await page.evaluate(() => (window as unknown as { finderShifts: { value: number; hadRecentInput: boolean; sources: string[] }[] }).finderShifts)
      const counted = shifts.filter((shift) => !shift.hadRecentInput)
      const total = counted.reduce((sum, shift) => sum + shift.value, 0)
      expect(total, `layout shifts: ${JSON.stringify(counted)}`).toBeLessThanOrEqual(0.02)
    })
  }
})

test.describe('the finder’s first round trip', () => {
  for (const lang of locales) {
    test(`${lang}: compressed HTML and render-blocking CSS ≤ 14 KB, with a page of results and not the whole list`, async ({ request }) => {
      const response = await request.get(`/${lang}/find/`)
      expect(response.ok()).toBe(true)
      const html = await response.text()
      const gzip = (body: Buffer | string) => zlib.gzipSync(body, { level: 9 }).length
      let bytes = gzip(html)
      const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => match[1]!)
      expect(stylesheets.length).toBeGreaterThan(0)
      for (const href of stylesheets) bytes += gzip(await (await request.get(href)).body())
      expect(bytes).toBeLessThanOrEqual(14 * 1024)
      // It does not grow with the listings: a page of them, the rest in the index.
      const inPage = listingsIn(html).length
      const size = Number(/data-page-size="(\d+)"/.exec(html)?.[1])
      expect(inPage).toBe(Math.min(size, (await allListings(request, lang)).length))
    })
  }
})

test('a visit that only reads the first results loads neither the index nor the rest of the script; reaching for a filter loads both', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto('/ar/find/')
  await page.evaluate(() => document.fonts.ready)
  await expect(page.locator('[data-finder-item]')).toHaveCount(await pageSize(page))
  // What the first visit loaded: the page, its stylesheet, font and two small scripts.
  const scripts = requested.filter((pathname) => pathname.endsWith('.js'))
  expect(requested).not.toContain('/ar/find/finder.json')
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) expect(script).not.toMatch(/finder-indexed|map-draw|leaflet/)

  await page.locator('select[name="type"]').focus()
  await expect.poll(() => requested.includes('/ar/find/finder.json')).toBe(true)
  await expect(page.locator('[data-finder-list]')).not.toHaveAttribute('aria-busy', 'true')
  expect(requested.some((pathname) => pathname.includes('finder-indexed'))).toBe(true)
  // The map's code only when it is shown.
  expect(requested.some((pathname) => /map-draw|leaflet/.test(pathname))).toBe(false)
})

test('the first results the page carries are those the script writes', async ({ page }) => {
  await openFinder(page, '/da/find/')
  const built = await page.locator('[data-finder-results]').innerHTML()
  await expect(page.locator('[data-finder-item]')).toHaveCount(await pageSize(page))
  // A filter and back: the script renders the first page from the index.
  await page.locator('select[name="type"]').selectOption('lektiecafeer')
  await expect(page.locator('[data-finder-results]')).not.toHaveJSProperty('innerHTML', built)
  await page.locator('select[name="type"]').selectOption('')
  await expect(page).toHaveURL(/\/da\/find\/$/)
  expect(await page.locator('[data-finder-results]').innerHTML()).toBe(built)
})

test('/favicon.ico is an icon, and pages link it', async ({ request }) => {
  const response = await request.get('/favicon.ico')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/x-icon')
  const body = await response.body()
  // An ICO file's header: reserved 0, type 1 (icon).
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0])
  expect(await (await request.get('/da/find/')).text()).toContain('<link rel="icon" href="/favicon.ico"')
})
