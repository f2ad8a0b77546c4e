import { expect, test } from '@playwright/test'

import { adminAuth, cmsUrl } from '../fixtures/cms'

test('anonymous REST readers see published documents only, never drafts', async ({ request }) => {
  const headers = await adminAuth(request)
  const slug = `kladde-${Date.now()}`
  const [activityType] = (await (await request.get(`${cmsUrl()}/api/activity-types?limit=1&depth=0`)).json()).docs
  const [department] = (await (await request.get(`${cmsUrl()}/api/departments?limit=1&depth=0`)).json()).docs
  const created = await request.post(`${cmsUrl()}/api/events?draft=true`, {
    headers,
    data: {
      title: 'Hemmelig kladde',
      slug,
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      department: department.id,
      activityType: activityType.id,
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = await created.json()

  try {
    for (const query of [`where[slug][equals]=${slug}`, `where[slug][equals]=${slug}&draft=true`]) {
      const anonymous = await request.get(`${cmsUrl()}/api/events?${query}`)
      expect(anonymous.status()).toBe(200)
      expect((await anonymous.json()).docs).toEqual([])
    }
    const byId = await request.get(`${cmsUrl()}/api/events/${doc.id}?draft=true`)
    expect(byId.status()).toBe(404)

    const asEditor = await request.get(`${cmsUrl()}/api/events?where[slug][equals]=${slug}&draft=true`, { headers })
    expect((await asEditor.json()).docs).toHaveLength(1)
  } finally {
    await request.delete(`${cmsUrl()}/api/events/${doc.id}`, { headers })
  }
})

test('the admin speaks Danish to a browser set to English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } })
  const page = await context.newPage()
  await page.goto(`${cmsUrl()}/admin/login`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'da')
  // Payload's own Danish: 'Adgangskode' and 'Glemt adgangskode?' (English: 'Password', 'Forgot password?').
  await expect(page.getByText('Adgangskode', { exact: false }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Glemt adgangskode?' })).toBeVisible()
  await context.close()
})
