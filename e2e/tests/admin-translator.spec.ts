import { expect, test } from '@playwright/test'

import { adminApi, type Doc, json, userApi } from '../fixtures/api'
import { cmsUrl } from '../fixtures/cms'

/**
 * A translator in the admin (issue 14): in Danish a document is read-only to them; in their own
 * language its texts open for editing, while the slug, the order and the rest stay read-only.
 * (What a save may change is refused on the server: access-matrix.spec.ts.)
 */
test('a translator can edit the texts of a document only in their own language', async ({ page, playwright }) => {
  const request = await playwright.request.newContext()
  const admin = await adminApi(request)
  const translator = await userApi(request, admin, { role: 'translator', languages: ['ti'], name: 'Tesfay' })
  const token = translator.api.headers.Authorization!.replace(/^JWT /, '')
  await page.context().addCookies([
    { name: 'payload-token', value: token, url: cmsUrl() },
    { name: 'payload-lng', value: 'da', url: cmsUrl() },
  ])
  const { docs } = await json<{ docs: Doc[] }>(await admin.get('/activity-types?limit=1&depth=0'))
  const id = docs[0]!.id

  await page.goto(`${cmsUrl()}/admin/collections/activity-types/${id}?locale=da`)
  await expect(page.locator('#field-title')).toBeDisabled()
  await expect(page.locator('#field-summary')).toBeDisabled()
  await expect(page.locator('#field-slug')).toBeDisabled()

  await page.goto(`${cmsUrl()}/admin/collections/activity-types/${id}?locale=ti`)
  await expect(page.locator('#field-title')).toBeEditable()
  await expect(page.locator('#field-summary')).toBeEditable()
  await expect(page.locator('#field-slug')).toBeDisabled()
  await expect(page.locator('#field-order')).toBeDisabled()
})

test('a translator sees no users and no signups in the admin', async ({ page, playwright }) => {
  const request = await playwright.request.newContext()
  const admin = await adminApi(request)
  const translator = await userApi(request, admin, { role: 'translator', languages: ['so'] })
  const token = translator.api.headers.Authorization!.replace(/^JWT /, '')
  await page.context().addCookies([
    { name: 'payload-token', value: token, url: cmsUrl() },
    { name: 'payload-lng', value: 'da', url: cmsUrl() },
  ])
  await page.goto(`${cmsUrl()}/admin`)
  const nav = page.locator('nav').first()
  await expect(nav.getByRole('link', { name: 'Aktivitetstyper' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Brugere' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Tilmeldinger' })).toHaveCount(0)
})

test('a translator’s overview offers only their own languages to export', async ({ page, playwright }) => {
  const request = await playwright.request.newContext()
  const admin = await adminApi(request)
  const translator = await userApi(request, admin, { role: 'translator', languages: ['ti', 'so'] })
  const token = translator.api.headers.Authorization!.replace(/^JWT /, '')
  await page.context().addCookies([
    { name: 'payload-token', value: token, url: cmsUrl() },
    { name: 'payload-lng', value: 'da', url: cmsUrl() },
  ])
  await page.goto(`${cmsUrl()}/admin/oversaettelser`)
  const options = page.locator('[data-translation-export] select[name="locale"] option')
  await expect(options).toHaveCount(2)
  expect(await options.evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value).sort())).toEqual(['so', 'ti'])
})

