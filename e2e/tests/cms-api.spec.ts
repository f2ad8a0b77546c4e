import { expect, test } from '@playwright/test'

import { adminApi, json } from '../fixtures/api'
import { adminAuth, cmsUrl, siteUrl } from '../fixtures/cms'
import { submit, validForm } from '../fixtures/signup'

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

// Only the signup endpoints need the site's origin: a script injected into the static site must
// not become API access for a visiting editor.
test.describe('CORS for the site’s origin on the signup endpoint only', () => {
  test('a credentialed request from the site’s origin to the rest of the API gets no CORS allowance', async ({ request }) => {
    for (const path of ['/api/users/me', '/api/signups', '/api/activities?limit=1']) {
      const response = await request.get(`${cmsUrl()}${path}`, { headers: { Origin: siteUrl(), Cookie: 'payload-token=x' } })
      expect(response.headers()['access-control-allow-origin'], path).toBeUndefined()
      expect(response.headers()['access-control-allow-credentials'], path).toBeUndefined()
      const preflight = await request.fetch(`${cmsUrl()}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: siteUrl(), 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      })
      expect(preflight.headers()['access-control-allow-origin'], `preflight ${path}`).toBeUndefined()
    }
  })

  test('a logged-in editor’s cookie is not honoured from the site’s origin', async ({ request }) => {
    const admin = await adminApi(request)
    const cookie = `payload-token=${admin.headers.Authorization!.replace(/^JWT /, '')}`
    const me = async (origin: string) => (await json<{ user: unknown }>(await request.get(`${cmsUrl()}/api/users/me`, { headers: { Origin: origin, Cookie: cookie } }))).user
    // The same cookie from the CMS's own origin (the admin) is a session.
    expect(await me(new URL(cmsUrl()).origin)).not.toBeNull()
    expect(await me(siteUrl())).toBeNull()
  })

  test('the signup endpoint still answers the site’s script', async ({ request }) => {
    const response = await submit(request, validForm())
    expect(response.status()).toBe(201)
    expect(response.headers()['access-control-allow-origin']).toBe(new URL(siteUrl()).origin)
    expect(response.headers()['access-control-allow-credentials']).toBeUndefined()
  })
})
