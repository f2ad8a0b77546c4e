import http from 'node:http'

import { expect, type Page, test } from '@playwright/test'

import { adminApi, type Api } from '../fixtures/api'
import { publicDocs, siteUrl } from '../fixtures/cms'
import { marker, signupsWithEmail, submit, submitUrl, uniqueIp, validForm } from '../fixtures/signup'
import { uiStrings } from '../fixtures/ui-strings'

/**
 * Signup limits on the running CMS (cms/server.mjs), over real sockets. The test environment
 * trusts 127.0.0.1 and ::1 as proxies (each test names its client in X-Forwarded-For); a request
 * from another loopback address (127.0.0.2, 127.0.0.3) is a client talking to the CMS directly,
 * whose X-Forwarded-For is its own claim. The per-e-mail ceiling is small here (8 per window).
 */
const perClientLimit = Number(process.env.E2E_SIGNUP_RATE_LIMIT ?? 100)
const contactCeiling = Number(process.env.E2E_SIGNUP_CONTACT_RATE_LIMIT ?? 8)
let admin: Api

test.beforeAll(async ({ playwright }) => {
  admin = await adminApi(await playwright.request.newContext())
})

/** A POST to the signup endpoint from a given local address (Playwright cannot choose one). */
function postFrom(localAddress: string, forwardedFor: string, body: Record<string, string>): Promise<number> {
  const url = new URL(submitUrl())
  const data = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { Origin: siteUrl(), 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': forwardedFor, 'Content-Length': Buffer.byteLength(data) },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', reject)
    request.end(data)
  })
}

test.describe('a client cannot name its own address', () => {
  test('changing X-Forwarded-For on every request does not evade the per-client limit', async () => {
    for (let attempt = 0; attempt < perClientLimit; attempt++) {
      expect(await postFrom('127.0.0.2', uniqueIp(), { kind: 'participant' })).toBe(400)
    }
    expect(await postFrom('127.0.0.2', uniqueIp(), validForm())).toBe(429)
  })

  test('requests naming a victim’s address do not block the victim', async ({ request }) => {
    const victim = uniqueIp()
    for (let attempt = 0; attempt <= perClientLimit; attempt++) await postFrom('127.0.0.3', victim, { kind: 'participant' })
    expect(await postFrom('127.0.0.3', victim, validForm())).toBe(429)
    // The victim, through the trusted proxy, is not affected.
    const form = validForm()
    expect((await submit(request, form, { ip: victim })).status()).toBe(201)
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})

async function signUpActivity(request: Parameters<typeof publicDocs>[0]) {
  const [activity] = await publicDocs(request, 'activities', 'da', '&where[howToJoin][equals]=sign-up&sort=slug')
  if (!activity) throw new Error('the demo data has no activity with howToJoin "sign-up"')
  return activity
}

/** Uses up the per-e-mail ceiling for an address (other clients, other targets do not matter). */
async function reachCeiling(request: Parameters<typeof submit>[0], email: string) {
  for (let index = 0; index < contactCeiling; index++) expect((await submit(request, validForm({ email }))).status()).toBe(201)
  expect((await submit(request, validForm({ email }))).status()).toBe(429)
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
async function fill(page: Page, strings: Record<string, string>, person: { name: string; email: string }) {
  await page.getByLabel(new RegExp(`^${escape(strings['signup.form.name']!)}(\\s|$)`)).fill(person.name)
  await page.getByLabel(strings['signup.form.email']!, { exact: true }).fill(person.email)
  await page.getByRole('checkbox').check()
}

test.describe('over a ceiling a person still gets through', () => {
  test('with JavaScript the page solves the challenge by itself and the signup is stored', async ({ page, request }) => {
    const en = uiStrings('en')
    const { name, email } = marker('ceiling-js')
    await reachCeiling(request, email)
    const activity = await signUpActivity(request)
    await page.goto(`/en/tilmelding/${activity.slug}/`)
    await fill(page, en, { name, email })
    await page.getByRole('button', { name: en['signup.form.submit'] }).click()
    await expect(page.getByRole('status')).toHaveText(en['signup.sent']!)
    expect(await signupsWithEmail(admin, email)).toBe(contactCeiling + 1)
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('a page in Tigrinya keeps what was typed and lets the person send it, with the site’s Ethiopic font', async ({ page, request }) => {
      const ti = uiStrings('ti')
      const { email } = marker('ceiling-nojs')
      const name = 'ሰላም ተስፋይ'
      await reachCeiling(request, email)
      const activity = await signUpActivity(request)
      await page.goto(`/ti/tilmelding/${activity.slug}/`)
      await fill(page, ti, { name, email })
      const font = page.waitForResponse((response) => /\/api\/signups\/fonts\/ethiopic-[0-9a-f]+\.woff2$/.test(response.url()))
      await page.getByRole('button', { name: ti['signup.form.submit'] }).click()

      await expect(page.locator('html')).toHaveAttribute('lang', 'ti')
      await expect(page.getByRole('status')).toContainText(ti['signup.challenge.text']!)
      await expect(page.locator('#name')).toHaveValue(name)
      await expect(page.locator('#email')).toHaveValue(email)
      // The page's Tigrinya is drawn with the site's font, served by the CMS and cached for long.
      const fontResponse = await font
      expect(fontResponse.status()).toBe(200)
      expect(fontResponse.headers()['content-type']).toBe('font/woff2')
      expect(fontResponse.headers()['cache-control']).toContain('max-age=31536000')

      // The button works a few seconds after the page came; pressed earlier, the same page comes back.
      await expect(async () => {
        await page.getByRole('button', { name: ti['signup.challenge.button'] }).click()
        await expect(page).toHaveURL(/\/ti\/tak\/$/, { timeout: 1_000 })
      }).toPass({ timeout: 30_000 })
      expect(await signupsWithEmail(admin, email)).toBe(contactCeiling + 1)
    })
  })
})
