import { json } from '../fixtures/api'
import { signupStrings, signupsWithEmail, submit, submitUrl, uniqueIp, validForm } from '../fixtures/signup'
import { siteUrl } from '../fixtures/cms'
import { expect, test } from '../fixtures/signup-test'

/**
 * Who may post to the signup endpoint: the site's origin only (CORS preflight and answers), and
 * not too often from one address (429 with Retry-After). See signup-limits.spec.ts for the
 * proxy and ceiling rules.
 */
const da = signupStrings('da')

test.describe('origin, CORS and rate limit', () => {
  test('a POST from another origin is refused (403) and stores nothing', async ({ request, admin }) => {
    const form = validForm()
    const response = await submit(request, form, { origin: 'https://evil.example' })
    expect(response.status()).toBe(403)
    expect((await json<{ error: string }>(response)).error).toBe(da['signup.error.forbidden'])
    const withoutOrigin = await submit(request, form, { origin: null })
    expect(withoutOrigin.status()).toBe(403)
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
  })

  test('the CORS preflight allows the site’s origin and no other', async ({ request }) => {
    const preflight = (origin: string) =>
      request.fetch(submitUrl(), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } })
    const site = await preflight(siteUrl())
    expect(site.status()).toBeLessThan(300)
    expect(site.headers()['access-control-allow-origin']).toBe(new URL(siteUrl()).origin)
    expect(site.headers()['access-control-allow-methods']).toContain('POST')
    expect(site.headers()['access-control-allow-headers']?.toLowerCase()).toContain('content-type')
    const other = await preflight('https://evil.example')
    expect(other.headers()['access-control-allow-origin']).toBeUndefined()
    expect(other.status()).toBe(403)
  })

  test('a successful JSON answer carries the site’s CORS header', async ({ request }) => {
    const response = await submit(request, validForm())
    expect(response.status()).toBe(201)
    expect(response.headers()['access-control-allow-origin']).toBe(new URL(siteUrl()).origin)
  })

  test('too many attempts from one address are answered 429 with Retry-After', async ({ request, admin }) => {
    const limit = Number(process.env.E2E_SIGNUP_RATE_LIMIT ?? 10)
    const ip = uniqueIp()
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await submit(request, { kind: 'participant' }, { ip })).status()).toBe(400)
    }
    const form = validForm()
    const limited = await submit(request, form, { ip })
    expect(limited.status()).toBe(429)
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0)
    expect((await json<{ error: string }>(limited)).error).toBe(da['signup.error.rateLimited'])
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
    // Another address is not affected.
    expect((await submit(request, validForm(), { ip: uniqueIp() })).status()).toBe(201)
  })
})
