import zlib from 'node:zlib'

import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { dateOptions } from '../../core/date-text'
import { copenhagenToday, nextOccurrences, type ScheduleForm } from '../../core/schedule'
import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

const womenGroup = '/afdelinger/odense/odense-kvindegruppe/'

/** Until the service worker runs this page and has kept `path` (and the files it names). */
async function kept(page: Page, path: string) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect.poll(() => page.evaluate(async (wanted) => Boolean(await caches.match(wanted)), path), { timeout: 30_000 }).toBe(true)
}

const datetimes = (page: Page, selector: string) => page.locator(selector).evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime')))

test('Amina saves the women’s group on the bus, and opens it and her list again with no signal', async ({ page, context, request }) => {
  test.setTimeout(120_000)
  const strings = uiStrings('ti')
  const [activity] = (await publicDocs(request, 'activities', 'da')).filter((doc) => doc.slug === 'odense-kvindegruppe')
  expect(activity).toBeDefined()

  await page.goto(`/ti${womenGroup}`)
  // The heading's own text (the demo data's badge follows it).
  const title = await page.getByRole('heading', { level: 1 }).evaluate((heading) => heading.firstChild!.textContent!.trim())
  await kept(page, `/ti${womenGroup}`)
  const save = page.locator('[data-save]')
  await expect(save).toHaveText(strings['save.button']!)
  await save.click()
  await expect(save).toHaveText(strings['save.saved']!)
  await kept(page, '/ti/gemte/')

  await context.setOffline(true)
  try {
    // The page again, from the phone: with the offline note, its stylesheet and its font.
    await page.reload()
    const note = page.locator('[data-offline-note="saved"]')
    await expect(note).toBeVisible()
    await expect(note).toContainText(strings['offline.saved']!.split('{date}')[0]!.trim())
    // Saved a moment ago: today's date in Copenhagen, 2026-12-02.
    await expect(note).toContainText(copenhagenToday())
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
    await expect(page.locator('[data-address-card]')).toContainText('Demovej 15 (demo)')
    // Styled (the stylesheet came from the cache): the note's amber background, the header's red.
    expect(await note.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)')
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Ethiopic Variable"', 'ሰላም'))).toBe(true)

    // Her list, offline: the next dates computed on the phone are the ones the site computes.
    await page.goto('/ti/gemte/')
    const item = page.locator('[data-saved-items] > li')
    await expect(item).toHaveCount(1)
    await expect(item.locator('[data-title]')).toHaveText(title)
    await expect(item.locator('[data-title]')).toHaveAttribute('href', `/ti${womenGroup}`)
    const expected = nextOccurrences(activity!.schedule as ScheduleForm, { after: new Date(), count: 3 }).map((occurrence) => occurrence.start.toISOString())
    expect(expected).toHaveLength(3)
    expect(await datetimes(page, '[data-saved-items] [data-dates] time')).toEqual(expected)
    // Written as the site writes it (Node's full ICU), though the browser knows no Tigrinya.
    const siteDate = new Intl.DateTimeFormat('ti', dateOptions('latn', 'date')).format(new Date(expected[0]!))
    expect(siteDate).toMatch(/\p{Script=Ethiopic}/u)
    await expect(item.locator('[data-dates] time').first()).toHaveText(siteDate)
    await expect(item.locator('[data-place]')).toContainText('Demovej 15 (demo)')
    await expect(item.locator('[data-directions]')).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions\?to=55\.\d+%2C10\.\d+$/)
    await expect(item.locator('[data-calendar]')).toHaveAttribute('href', '/ti/kalender/aktivitet/odense-kvindegruppe.ics')

    // A page she never opened: the saved list answers, saying so.
    await page.goto('/ti/arrangementer/')
    await expect(page.locator('[data-offline-note="missing"]')).toHaveText(strings['offline.missing']!)
    await expect(page.locator('[data-saved-items] > li')).toHaveCount(1)

    // Removing works offline, and stays removed.
    await page.goto('/ti/gemte/')
    await item.locator('[data-remove]').click()
    await expect(item).toHaveCount(0)
    await expect(page.locator('[data-saved-empty]')).toBeVisible()
    await expect(page.locator('[data-saved-status]')).toHaveText(strings['saved.removed']!)
    await page.reload()
    await expect(page.locator('[data-saved-empty]')).toHaveText(strings['saved.empty']!)
  } finally {
    await context.setOffline(false)
  }
})

test('an event saved in Arabic shows its own time in the list; the list and the pages have no accessibility violations', async ({ page }) => {
  await page.goto('/ar/arrangementer/')
  const firstEvent = page.locator('main a[href^="/ar/arrangementer/"]').first()
  const eventPath = (await firstEvent.getAttribute('href'))!
  await page.goto(eventPath)
  const starts = await page.locator('article time').first().getAttribute('datetime')
  await page.locator('[data-save]').click()
  await page.goto(`/ar${womenGroup}`)
  await page.locator('[data-save]').click()
  expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([])

  for (const lang of ['ar', 'ti', 'da']) {
    await page.goto(`/${lang}/gemte/`)
    await expect(page.locator('[data-saved-items] > li')).toHaveCount(2)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${lang}: ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  }
  // Newest first: the activity, then the event at its own start.
  expect(new Date((await datetimes(page, '[data-saved-items] > li:nth-child(2) [data-dates] time'))[0]!).getTime()).toBe(new Date(starts!).getTime())
  await expect(page.locator('[data-saved-items] > li').first().locator('[data-title]')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('[data-saved-items] > li').first().locator('[data-title]')).toHaveAttribute('dir', 'rtl')
})

test('when the browser refuses to keep anything (private mode), saving says so instead of doing nothing', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await page.goto(`/fa${womenGroup}`)
  const save = page.locator('[data-save]')
  await save.click()
  await expect(page.locator('[data-save-status]')).toHaveText(uiStrings('fa')['save.refused']!)
  await expect(save).toHaveText(uiStrings('fa')['save.button']!)
  await page.goto('/fa/gemte/')
  await expect(page.locator('[data-saved-empty]')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('there is no save button, and the saved list says what it needs', async ({ page }) => {
    await page.goto(`/da${womenGroup}`)
    await expect(page.locator('[data-save]')).toBeHidden()
    await page.goto('/da/gemte/')
    // Playwright's text and role queries skip <noscript>: found by its place.
    const note = page.locator('main noscript p')
    await expect(note).toBeVisible()
    expect(await note.textContent()).toBe(uiStrings('da')['saved.needsScript'])
    await expect(page.locator('[data-saved-list]')).toBeHidden()
  })
})

test('the installable app: a manifest in the reader’s language, icons, and a worker and list script within 6 KB', async ({ page, request }) => {
  await page.goto('/ti/')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBe('/ti/manifest.json')
  const manifest = (await (await request.get(href!)).json()) as { name: string; short_name: string; start_url: string; lang: string; icons: { src: string; sizes: string }[] }
  expect(manifest).toMatchObject({ start_url: '/ti/', lang: 'ti', short_name: uiStrings('ti')['app.shortName'] })
  expect(manifest.name).toMatch(/\p{Script=Ethiopic}/u)
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src)
    expect(response.headers()['content-type']).toBe('image/png')
    const body = await response.body()
    // A PNG of the size it claims (IHDR width and height).
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes)
  }
  const arabic = (await (await request.get('/ar/manifest.json')).json()) as { dir: string; start_url: string }
  expect(arabic).toMatchObject({ dir: 'rtl', start_url: '/ar/' })

  // The worker and the saved list's own script, compressed, as a phone downloads them.
  await page.goto('/ti/gemte/')
  const scripts = await page.locator('script[type="module"][src]').evaluateAll((elements) => elements.map((element) => element.getAttribute('src')!))
  expect(scripts.length).toBeGreaterThan(0)
  let bytes = zlib.gzipSync(await (await request.get('/sw.js')).body(), { level: 9 }).length
  const seen = new Set<string>()
  const queue = [...scripts]
  while (queue.length > 0) {
    const src = queue.shift()!
    if (seen.has(src)) continue
    seen.add(src)
    const text = await (await request.get(src)).text()
    bytes += zlib.gzipSync(text, { level: 9 }).length
    // Static imports of other chunks load with it.
    for (const [, chunk] of text.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+|\/_astro\/[^"']+)["']/g)) queue.push(new URL(chunk!, new URL(src, 'http://x')).pathname)
  }
  console.log(`service worker + saved list script: ${(bytes / 1024).toFixed(2)} KiB gzip`)
  expect(bytes).toBeLessThanOrEqual(6 * 1024)
})
