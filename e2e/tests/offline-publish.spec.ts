import { expect, test, type Page } from '@playwright/test'

import { adminApi, json } from '../fixtures/api'
import { waitForSite } from '../fixtures/cms'

// Runs in the `publishing` project (its name ends in publish.spec.ts): it rebuilds the served site.
// On a phone, as a reader who keeps the page of an activity.
test.use({ viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.75 })

const slug = 'odense-kvindegruppe'
const pagePath = `/da/afdelinger/odense/${slug}/`

async function kept(page: Page, path: string) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect.poll(() => page.evaluate(async (wanted) => Boolean(await caches.match(wanted)), path), { timeout: 30_000 }).toBe(true)
}

test('after a publish the next online visit shows the new page, and from then on the phone keeps the new one', async ({ page, context, request }) => {
  test.setTimeout(400_000)
  const admin = await adminApi(request)
  const { docs } = await json<{ docs: { id: number; summary: string }[] }>(await admin.get(`/activities?where[slug][equals]=${slug}&depth=0&draft=false&locale=da`))
  const activity = docs[0]!
  const before = activity.summary
  const after = `Kvindegruppen mødes igen efter sommerferien (${Date.now()})`

  await page.goto(pagePath)
  await kept(page, pagePath)
  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('[data-offline-note="saved"]')).toBeVisible()
  await expect(page.locator('main')).toContainText(before)
  await context.setOffline(false)

  try {
    const saved = await admin.patch(`/activities/${activity.id}?locale=da&depth=0`, { summary: after, _status: 'published' })
    expect(saved.status(), await saved.text()).toBe(200)
    // Online, the worker asks the network first: the new page, and no offline note.
    await waitForSite(page, pagePath, async () => {
      await expect(page.locator('main')).toContainText(after, { timeout: 1_000 })
    })
    await expect(page.locator('[data-offline-note]')).toHaveCount(0)

    // Offline again: the copy kept is the new page, not the one kept before the publish.
    await expect.poll(() => page.evaluate(async (wanted) => (await (await caches.match(wanted))?.text()) ?? '', pagePath), { timeout: 30_000 }).toContain(after)
    await context.setOffline(true)
    await page.reload()
    await expect(page.locator('[data-offline-note="saved"]')).toBeVisible()
    await expect(page.locator('main')).toContainText(after)
    await expect(page.locator('main')).not.toContainText(before)
  } finally {
    await context.setOffline(false)
    const restored = await admin.patch(`/activities/${activity.id}?locale=da&depth=0`, { summary: before, _status: 'published' })
    expect(restored.status()).toBe(200)
  }
})
