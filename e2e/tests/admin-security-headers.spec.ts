import { expect, test, type Page } from '@playwright/test'

import { adminApi, json, userApi, type Doc } from '../fixtures/api'
import { cmsUrl, siteUrl } from '../fixtures/cms'

/**
 * The CMS's security headers over real HTTP (cms/src/security/, cms/src/proxy.ts, cms/server.mjs):
 * the admin runs under its Content-Security-Policy without a single violation, and every answer
 * carries the headers that keep it from being framed or sniffed. The test environment trusts
 * loopback as its proxy (TRUST_PROXY), so X-Forwarded-Proto: https stands for a TLS proxy in front.
 */

/** Collects every CSP violation the page reports, as events and as console messages. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text))
  // Added by the browser before any page script, outside the page's policy.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

test('the admin’s login, dashboard, a list and an activity’s edit page run under the CSP without a violation', async ({ page, request }) => {
  // Four admin pages, each compiled on first use by a CMS on a shared machine.
  test.setTimeout(240_000)
  const violations = await watchViolations(page)
  const admin = await adminApi(request)
  const { email, password } = await userApi(request, admin, { role: 'admin', name: 'CSP-tester' })
  const [activity] = (await json<{ docs: Doc[] }>(await admin.get('/activities?limit=1&depth=0'))).docs

  const login = await page.goto(`${cmsUrl()}/admin/login`)
  const policy = login!.headers()['content-security-policy']!
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
  // Every script in the served page carries this response's nonce (the chunks those load later
  // are allowed by 'strict-dynamic').
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]
  const scripts = [...(await login!.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1])
  expect(scripts.length).toBeGreaterThan(0)
  expect(new Set(scripts)).toEqual(new Set([nonce]))

  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
  await expect(page.locator('.dashboard')).toBeVisible({ timeout: 30_000 })

  // A second page load gets a new nonce.
  const dashboard = await page.reload()
  expect(dashboard!.headers()['content-security-policy']).not.toContain(nonce)

  await page.goto(`${cmsUrl()}/admin/collections/activities`)
  await expect(page.locator('.collection-list')).toBeVisible({ timeout: 30_000 })

  await page.goto(`${cmsUrl()}/admin/collections/activities/${activity!.id}`)
  await expect(page.locator('#field-title')).toBeEditable({ timeout: 30_000 })
  // Opens a select (react-select inserts its styles at run time).
  await page.getByRole('combobox').first().click()
  await expect(page.locator('.rs__menu')).toBeVisible()
  await page.keyboard.press('Escape')

  expect(violations).toEqual([])
  // The watch sees a violation when there is one: an image from elsewhere (blocked before any request).
  await page.evaluate(() => {
    new Image().src = 'https://elsewhere.invalid/pixel.png'
  })
  await expect.poll(() => violations.join('\n')).toContain('img-src')
})

test('every answer says nosniff and never framed, the admin a same-origin Referer, and nothing about the server', async ({ request }) => {
  const admin = await adminApi(request)
  const [activity] = (await json<{ docs: Doc[] }>(await admin.get('/activities?limit=1&depth=0'))).docs
  const login = await request.get(`${cmsUrl()}/admin/login`)
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())![1]!
  for (const path of ['/admin/login', script, '/api/health', `/api/activities/${activity!.id}`, '/api/nothing-here']) {
    const response = await request.get(`${cmsUrl()}${path}`)
    const headers = response.headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-powered-by'], path).toBeUndefined()
    // Over plain http, no HSTS (a browser would ignore it there, and it would pin a test host).
    expect(headers['strict-transport-security'], path).toBeUndefined()
    if (!path.startsWith('/api/')) expect(headers['referrer-policy'], path).toBe('same-origin')
  }
  expect(login.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
})

test('a page the API serves itself keeps its own stricter policy (the signup cancel page)', async ({ request }) => {
  const cancel = await request.get(`${cmsUrl()}/api/signups/cancel?token=not-a-token`)
  expect(cancel.headers()['content-type']).toContain('text/html')
  expect(cancel.headers()['content-security-policy']).toContain("default-src 'none'")
  expect(cancel.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(cancel.headers()['referrer-policy']).toBe('no-referrer')
  expect(cancel.headers()['x-frame-options']).toBe('DENY')
})

test('through a TLS proxy (trusted X-Forwarded-Proto: https): HSTS, and the auth cookie is Secure, HttpOnly and SameSite=Lax', async ({ request }) => {
  const admin = await adminApi(request)
  const { email, password } = await userApi(request, admin, { role: 'editor', name: 'Cookie-tester' })
  const viaTls = { 'X-Forwarded-Proto': 'https' }

  const health = await request.get(`${cmsUrl()}/api/health`, { headers: viaTls })
  expect(health.headers()['strict-transport-security']).toBe('max-age=31536000')

  const tokenCookie = async (headers: Record<string, string>) => {
    const response = await request.post(`${cmsUrl()}/api/users/login`, { data: { email, password }, headers })
    expect(response.status()).toBe(200)
    return response.headersArray().find(({ name, value }) => name.toLowerCase() === 'set-cookie' && value.startsWith('payload-token='))!.value
  }
  const overTls = await tokenCookie(viaTls)
  expect(overTls).toMatch(/;\s*HttpOnly/i)
  expect(overTls).toMatch(/;\s*SameSite=Lax/i)
  expect(overTls).toMatch(/;\s*Secure/i)
  // Plain http (this test's CMS_URL): not Secure, or the browser would drop it.
  const plain = await tokenCookie({})
  expect(plain).toMatch(/;\s*HttpOnly/i)
  expect(plain).toMatch(/;\s*SameSite=Lax/i)
  expect(plain).not.toMatch(/;\s*Secure/i)
})

test('the site’s cross-origin signup endpoint still answers its CORS preflight, with the security headers', async ({ request }) => {
  const origin = new URL(siteUrl()).origin
  const preflight = await request.fetch(`${cmsUrl()}/api/signups/submit`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  })
  expect(preflight.headers()['access-control-allow-origin']).toBe(origin)
  expect(preflight.headers()['x-content-type-options']).toBe('nosniff')
  // Public counts, readable from anywhere (signups/availability.ts).
  const availability = await request.get(`${cmsUrl()}/api/signups/availability?targets=`, { headers: { Origin: origin } })
  expect(availability.headers()['access-control-allow-origin']).toBe('*')
})
