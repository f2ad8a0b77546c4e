import { expect, test, type BrowserContext, type Page } from '@playwright/test'

import { adminApi, json } from '../fixtures/api'
import { publicDocs, waitForSite } from '../fixtures/cms'

// Runs in the `publishing` project (its file name ends in publish.spec.ts): it publishes and so
// rebuilds the served site. On a phone, as Amina reads the women's group in Tigrinya.
test.use({ viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.75 })

const slug = 'kolding-kvindegruppe'
const pagePath = `/ti/afdelinger/kolding/${slug}/`

/** Until the service worker runs this page and has kept `path`, holding `text`. */
async function keptWith(page: Page, path: string, text: string) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect
    .poll(
      () =>
        page.evaluate(async (wanted) => {
          const kept = await caches.match(wanted)
          return kept ? kept.text() : ''
        }, path),
      { timeout: 30_000 },
    )
    .toContain(text)
}

/** Reloads the page with no connection: the kept copy, with the offline note, showing `text`. */
async function reloadOffline(page: Page, context: BrowserContext, text: string) {
  await context.setOffline(true)
  try {
    await page.reload()
    await expect(page.locator('[data-offline-note="saved"]')).toBeVisible()
    await expect(page.getByText(text).first()).toBeVisible()
  } finally {
    await context.setOffline(false)
  }
}

test('after a publish, the next online visit shows the new page, and the phone keeps the new version in the worker’s current caches only', async ({ page, context, request }) => {
  test.setTimeout(300_000)
  const admin = await adminApi(request)
  const [activity] = (await publicDocs(request, 'activities', 'da')).filter((doc) => doc.slug === slug)
  expect(activity).toBeDefined()
  const summary = String(activity!.summary)
  // The activity is not translated into Tigrinya: its page shows the Danish summary, marked Danish.
  const [tigrinya] = await publicDocs(request, 'activities', 'ti', `&where[id][equals]=${activity!.id}`)
  expect(tigrinya!.summary ?? null).toBeNull()

  await page.goto(pagePath)
  await expect(page.locator('main [lang="da"]', { hasText: summary }).first()).toBeVisible()
  await keptWith(page, pagePath, summary)

  // Offline: the kept page, with its note.
  await reloadOffline(page, context, summary)

  const changed = `${summary} Nu også med fælles frokost.`
  const save = async (text: string) => {
    const response = await admin.patch(`/activities/${activity!.id}?locale=da&depth=0`, { summary: text, _status: 'published' })
    expect(response.status(), await response.text()).toBe(200)
    return (await json<{ doc: { summary: string } }>(response)).doc
  }
  try {
    expect((await save(changed)).summary).toBe(changed)
    // Online again: the network's page first, so the change shows as soon as the site has it, with no offline note.
    await waitForSite(page, pagePath, async () => {
      await expect(page.getByText(changed).first()).toBeVisible({ timeout: 1_000 })
    })
    await expect(page.locator('[data-offline-note]')).toHaveCount(0)
    await keptWith(page, pagePath, changed)

    // Offline again: the new version, not the one kept first.
    await reloadOffline(page, context, changed)

    // The worker's caches are its current ones only, and every file the kept pages name is there.
    const names = await page.evaluate(() => caches.keys())
    expect(names.sort()).toEqual(['drk-files-1', 'drk-pages-1'])
    const missing = await page.evaluate(async () => {
      const pages = await caches.open('drk-pages-1')
      const files = await caches.open('drk-files-1')
      const lost: string[] = []
      for (const request of await pages.keys()) {
        const html = await (await pages.match(request))!.text()
        for (const [, name] of html.matchAll(/(?:href|src)="(\/_astro\/[^"?#]+\.(?:css|woff2))"/g)) if (!(await files.match(name!))) lost.push(name!)
      }
      return lost
    })
    expect(missing).toEqual([])
  } finally {
    await save(summary)
  }
})
