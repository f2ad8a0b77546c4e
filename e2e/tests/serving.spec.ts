import fs from 'node:fs'
import path from 'node:path'

import { type APIResponse, expect, type Page, test } from '@playwright/test'

import { startNginx } from '../../scripts/nginx.mjs'
import { environmentPlan } from '../../scripts/test-environment.mjs'
import { siteOutDir, siteUrl } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

/**
 * The site as a production host serves it: Debian's nginx with the server block the release
 * code makes (deploy/nginx/site.conf, here on a test port) serving the test environment's
 * release, and `npm start`'s own server beside it. Both must send the release's headers
 * (`_headers`): the Content-Security-Policy, caching by kind of file, the per-language 404
 * pages and the redirects; and no page may break its policy in Chromium.
 */
let nginx: { url: string; stop: () => Promise<void> }
// An English-speaking browser, so the language-neutral front page's script has somewhere to send it that its meta refresh does not.
test.use({ locale: 'en-GB' })
const nginxPort = Number(process.env.E2E_NGINX_PORT ?? environmentPlan.site.nginxPort)

// The test data renames nothing, so the release's redirect map is empty: one old address is added
// to a copy of it, as the build writes one after a rename (site/src/lib/redirect-rules.ts).
const renamed = { from: '/da/find-gammel/', to: '/da/find/' }

test.beforeAll(async () => {
  nginx = await startNginx({ root: siteOutDir(), port: nginxPort, extraRedirects: [[renamed.from, renamed.to]] })
})
test.afterAll(async () => {
  await nginx?.stop()
})

/** The release's own policy, as its `_headers` says it. */
function releasePolicy(): string {
  const line = fs.readFileSync(path.join(siteOutDir(), '_headers'), 'utf8').split('\n').find((text) => text.trim().startsWith('Content-Security-Policy:'))
  return line!.trim().slice('Content-Security-Policy:'.length).trim()
}

/** The first file of the release under `dir` whose name ends with `suffix`, as a URL path. */
function firstFile(dir: string, suffix: string): string {
  const root = siteOutDir()
  const walk = (relative: string): string | undefined => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const name = path.posix.join(relative, entry.name)
      if (entry.isDirectory()) {
        const found = walk(name)
        if (found) return found
      } else if (entry.name.endsWith(suffix)) return `/${name}`
    }
    return undefined
  }
  const found = walk(dir)
  if (!found) throw new Error(`no ${suffix} file under ${dir} in the release`)
  return found
}

const compared = ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'permissions-policy', 'cache-control', 'location'] as const
const picked = (response: APIResponse) => [response.status(), ...compared.map((name) => response.headers()[name])]

test('nginx and the built-in server send the release’s headers: policy, caching by kind of file, gzip', async ({ request }) => {
  const csp = releasePolicy()
  const directives = Object.fromEntries(csp.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
  // No inline script runs by permission: only files, and inline scripts by their hash.
  expect(directives['script-src']).not.toContain("'unsafe-inline'")
  expect(directives['script-src']!.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(0)
  expect(directives['frame-ancestors']).toEqual(["'none'"])

  const page = await request.get(`${nginx.url}/da/`)
  expect(page.status()).toBe(200)
  const html = await page.text()
  const headers = page.headers()
  expect(headers['content-security-policy']).toBe(csp)
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['permissions-policy']).toContain('geolocation=(self)')
  expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate')
  expect(headers['content-type']).toBe('text/html; charset=utf-8')
  expect(headers['content-encoding']).toBe('gzip')

  const asset = /(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/.exec(html)?.[1]
  expect(asset, 'the front page links a bundled stylesheet or script').toBeTruthy()
  const feed = firstFile('da/kalender', '.ics')
  const openData = firstFile('open-data', '.json')
  const expected: Record<string, string> = {
    [asset!]: 'public, max-age=31536000, immutable',
    [feed]: 'public, max-age=900',
    [openData]: 'public, max-age=900',
    '/da/find/': 'public, max-age=0, must-revalidate',
    '/': 'public, max-age=0, must-revalidate',
  }
  for (const [pathname, cacheControl] of Object.entries(expected)) {
    const response = await request.get(`${nginx.url}${pathname}`)
    expect([pathname, response.status(), response.headers()['cache-control']]).toEqual([pathname, 200, cacheControl])
  }
  expect((await request.head(`${nginx.url}${feed}`)).headers()['content-type']).toBe('text/calendar; charset=utf-8')

  // The built-in server (`npm start`) answers every one of them, and the 404s and redirects below, the same way.
  for (const pathname of [...Object.keys(expected), '/da/findes-ikke/', '/ar/findes-ikke/', '/findes-ikke/', '/_astro/missing.js', '/da/find', '/_headers', '/_redirects']) {
    const [fromNginx, fromServer] = await Promise.all([nginx.url, siteUrl()].map((origin) => request.get(`${origin}${pathname}`, { maxRedirects: 0 })))
    expect([pathname, ...picked(fromServer!)]).toEqual([pathname, ...picked(fromNginx!)])
  }
})

test('nginx answers a missing page in its language (a missing hashed file is not cached for a year), redirects directories and old addresses', async ({ request }) => {
  for (const lang of ['da', 'ar', 'ti']) {
    const response = await request.get(`${nginx.url}/${lang}/afdelinger/findes-ikke/`)
    expect(response.status(), lang).toBe(404)
    const html = await response.text()
    expect(html, lang).toContain(`<html lang="${lang}"`)
    expect(html, lang).toContain(uiStrings(lang)['notFound.text']!)
  }
  const root = await request.get(`${nginx.url}/findes-ikke/`)
  expect(root.status()).toBe(404)
  for (const lang of ['da', 'ar']) expect(await root.text()).toContain(uiStrings(lang)['notFound.title']!)
  const asset = await request.get(`${nginx.url}/_astro/missing.js`)
  expect([asset.status(), asset.headers()['cache-control']]).toEqual([404, 'public, max-age=0, must-revalidate'])
  // The files that tell hosts how to serve the release are not handed out.
  for (const file of ['/_headers', '/_redirects', '/headers.nginx.conf', '/redirects.nginx.conf']) expect((await request.get(`${nginx.url}${file}`)).status(), file).toBe(404)

  const directory = await request.get(`${nginx.url}/da/find?uge=2`, { maxRedirects: 0 })
  expect([directory.status(), directory.headers().location]).toEqual([301, '/da/find/?uge=2'])

  // An old address: a real 301 to the current one, before any file, with the query kept.
  const moved = await request.get(`${nginx.url}${renamed.from}?x=1`, { maxRedirects: 0 })
  expect([moved.status(), moved.headers().location, moved.headers()['content-security-policy']]).toEqual([301, `${renamed.to}?x=1`, releasePolicy()])
})

/** Records every policy violation of the page, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const refused: string[] = []
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`))
  })
  return async () => [...refused, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))]
}

/**
 * An activity with a number of places (its page asks the CMS for the places left) and its signup
 * page (the form posts to the CMS), found in the release.
 */
function activityWithSignup(lang: string): { activity: string; signup: string } {
  const dir = path.join(siteOutDir(), lang, 'tilmelding')
  for (const slug of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, slug, 'index.html')
    if (!fs.existsSync(file)) continue
    const html = fs.readFileSync(file, 'utf8')
    if (!html.includes('/api/signups/submit"') || !html.includes('data-places-api=')) continue
    const department = fs.readdirSync(path.join(siteOutDir(), lang, 'afdelinger')).find((name) => fs.existsSync(path.join(siteOutDir(), lang, 'afdelinger', name, slug, 'index.html')))
    if (department) return { activity: `/${lang}/afdelinger/${department}/${slug}/`, signup: `/${lang}/tilmelding/${slug}/` }
  }
  throw new Error(`no ${lang} activity with places and a signup form in the release`)
}

test('the language-neutral front page’s inline script runs under the policy: an English browser lands on /en/, not on the Danish of its meta refresh', async ({ page }) => {
  const violations = await watchViolations(page)
  await page.goto(`${nginx.url}/`)
  await expect(page).toHaveURL(`${nginx.url}/en/`)
  expect(await violations()).toEqual([])
})

for (const lang of ['da', 'ar']) {
  test(`${lang}: the front page, the finder with its map, an activity and its signup form, and the search keep to the policy under nginx`, async ({ page }) => {
    const violations = await watchViolations(page)
    const strings = uiStrings(lang)
    const front = await page.goto(`${nginx.url}/${lang}/`)
    expect(front?.headers()['content-security-policy']).toBe(releasePolicy())
    expect(await violations()).toEqual([])

    await page.goto(`${nginx.url}/${lang}/find/`)
    await page.getByRole('button', { name: strings['map.show']! }).click()
    await expect(page.locator('[data-map-canvas].leaflet-container')).toBeVisible()
    await expect(page.locator('[data-map-canvas] path.leaflet-interactive').first()).toBeVisible()
    expect(await violations()).toEqual([])

    const { activity, signup } = activityWithSignup(lang)
    await page.goto(`${nginx.url}${activity}`)
    await expect(page.locator('[data-places-api]').first()).toBeAttached()
    await page.waitForLoadState('networkidle')
    expect(await violations()).toEqual([])
    await page.goto(`${nginx.url}${signup}`)
    const form = page.locator('form[action$="/api/signups/submit"]')
    await expect(form).toBeVisible()
    // The form posts to the CMS, which the policy's form-action names.
    const action = new URL((await form.getAttribute('action'))!)
    expect(releasePolicy()).toMatch(new RegExp(`form-action 'self' ${action.origin.replace(/[.]/g, '\\.')}(;|$)`))
    expect(await violations()).toEqual([])

    // The search runs Pagefind's WebAssembly: its status line is written only when it answered.
    await page.goto(`${nginx.url}/${lang}/soeg/?q=${encodeURIComponent(lang === 'da' ? 'lektiecafé' : 'دروس')}`)
    await expect(page.locator('[data-search-status]')).not.toBeEmpty()
    expect(await violations()).toEqual([])

    // The watch sees what the policy refuses: an injected inline script is blocked and reported.
    await page.addScriptTag({ content: 'window.__injected = true' }).catch(() => {})
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    expect((await violations()).length).toBeGreaterThan(0)
  })
}
