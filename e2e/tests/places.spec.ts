import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { siteUrl } from '../fixtures/cms'
import { submit, validForm } from '../fixtures/signup'
import { uiStrings } from '../fixtures/ui-strings'

/**
 * Places left on the site (issue 15): the static page carries the figure from its build, and its
 * little script refreshes it with one request to the CMS's availability endpoint. The demo's
 * family trip to the zoo has 40 places, the cycling course 12.
 */
const event = 'koebenhavn-familietur-zoo'
const leftPattern = (lang: string) => new RegExp(`^${uiStrings(lang)['places.left']!.replace('{count}', '(\\d+)')}$`)
const placesLeft = async (text: string | null, lang: string) => Number(leftPattern(lang).exec(text?.trim() ?? '')?.[1])

test('the event page and its signup page say how many places are left, in Danish and in Arabic, with one request', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/signups/availability')) requests.push(request.url())
  })
  await page.goto(`${siteUrl()}/da/arrangementer/${event}/`)
  const figure = page.locator('[data-places]')
  await expect(figure).toHaveText(leftPattern('da'))
  expect(await placesLeft(await figure.textContent(), 'da')).toBeLessThanOrEqual(40)
  await expect.poll(() => requests.length).toBe(1)
  expect(requests[0]).toContain(`targets=event%3A${event}`)

  await page.goto(`${siteUrl()}/ar/tilmelding/arrangement/${event}/`)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('[data-places]')).toHaveText(leftPattern('ar'))
  // The form asks how many they are, in Arabic, instead of a hint to write it in the message.
  await expect(page.getByLabel(uiStrings('ar')['places.form.participants']!)).toBeVisible()

  await page.goto(`${siteUrl()}/da/afdelinger/koebenhavn/koebenhavn-cykelkursus/`)
  await expect(page.locator('[data-places]')).toHaveText(leftPattern('da'))
})

test('the figure follows a signup without a site build', async ({ browser, request }) => {
  const read = async (javaScriptEnabled = true) => {
    // A context of its own: no answer cached by an earlier page.
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(`${siteUrl()}/ar/arrangementer/${event}/`)
    const figure = page.locator('[data-places]')
    await expect(figure).toHaveText(leftPattern('ar'))
    const left = await placesLeft(await figure.textContent(), 'ar')
    await context.close()
    return left
  }
  const built = await read(false)
  const before = await read()
  expect(before).toBeLessThanOrEqual(built)
  const response = await submit(request, validForm({ target: `event:${event}`, participants: '3', language: 'ar' }))
  expect(response.status()).toBe(201)
  expect(await response.json()).toMatchObject({ ok: true, place: before >= 3 ? 'placed' : 'waitlisted' })
  expect(await read()).toBe(Math.max(0, before - 3))
  // Without JavaScript the page still shows the build's figure: nothing was rebuilt.
  expect(await read(false)).toBe(built)
})

test('the waiting-list thanks page says the number in Arabic, and without JavaScript still says where they stand', async ({ page, browser }) => {
  const ar = uiStrings('ar')
  await page.goto(`${siteUrl()}/ar/tak/venteliste/?nr=7`)
  await expect(page.locator('h1')).toHaveText(ar['places.waitlist.title']!)
  await expect(page.locator('[data-waitlist-number]')).toHaveText(ar['places.waitlist.number']!.replace('{position}', '7'))
  const context = await browser.newContext({ javaScriptEnabled: false })
  const noScript = await context.newPage()
  await noScript.goto(`${siteUrl()}/ar/tak/venteliste/?nr=7`)
  await expect(noScript.getByText(ar['places.waitlist.text']!)).toBeVisible()
  await context.close()
})

test('the form has a row for each person who comes along, as many as chosen', async ({ page }) => {
  await page.goto(`${siteUrl()}/da/tilmelding/arrangement/${event}/`)
  const form = page.locator('form[data-signup-form]').first()
  const companions = form.locator('details[data-companions]')
  // One person: nobody comes along.
  await expect(companions).toBeHidden()
  await form.locator('select[name=participants]').selectOption('3')
  await expect(companions).toBeVisible()
  await companions.evaluate((details) => ((details as HTMLDetailsElement).open = true))
  await expect(form.locator('[data-companion-row]:visible')).toHaveCount(2)
  await expect(form.locator('[name=companion3Name]')).toBeDisabled()
  await expect(form.locator('[name=companion2Name]')).toBeEnabled()
})

test('a place on a listing with places: the thanks page says so without JavaScript (Tigrinya)', async ({ browser }) => {
  const ti = uiStrings('ti')
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${siteUrl()}/ti/tak/plads/`)
  await expect(page.locator('h1')).toHaveText(ti['places.placed']!)
  await expect(page.getByText(ti['places.sentPlaced']!)).toBeVisible()
  await context.close()
})

for (const path of [`/ar/tilmelding/arrangement/${event}/`, '/ar/tak/venteliste/?nr=3', '/ar/tak/plads/', `/fa/arrangementer/${event}/`]) {
  test(`${path} has no accessibility violations (axe; a form's rows for those who come along unfolded)`, async ({ page }) => {
    await page.goto(`${siteUrl()}${path}`)
    const companions = page.locator('details[data-companions]')
    if (await companions.count()) await companions.evaluate((details) => ((details as HTMLDetailsElement).open = true))
    await expect(page.locator('[data-places]:not([hidden]), [data-thanks]').first()).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
