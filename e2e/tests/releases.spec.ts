import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, test } from '@playwright/test'

import { startTestEnvironment } from '../../scripts/test-environment.mjs'

/**
 * Publishing → live, atomically. These tests need an environment of their own: they stop its
 * CMS, and they count every build it makes.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 })

type Environment = Awaited<ReturnType<typeof startTestEnvironment>>
let environment: Environment
let auth: Record<string, string>

const root = path.resolve(import.meta.dirname, '..', '..')
const api = (pathname: string) => `${environment.cmsUrl}/api${pathname}`

interface Build {
  id: number
  status: string
  error?: string | null
  release?: string | null
  createdAt: string
}

async function builds(since = '1970-01-01T00:00:00Z'): Promise<Build[]> {
  const response = await fetch(api(`/site-builds?where[createdAt][greater_than]=${since}&sort=createdAt&limit=100&depth=0`), { headers: auth })
  return (await response.json()).docs
}

/** Waits until nothing is queued or building. */
async function settled(since?: string): Promise<Build[]> {
  let list: Build[] = []
  await expect(async () => {
    list = await builds(since)
    expect(list.length).toBeGreaterThan(0)
    expect(list.filter((build) => build.status === 'queued' || build.status === 'running')).toEqual([])
  }).toPass({ timeout: 240_000, intervals: [1_000] })
  return list
}

/** A digest of every file of the served release: "byte-identical" made checkable. */
function digest(dir: string): string {
  const hash = crypto.createHash('sha256')
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(path.relative(dir, full)).update(fs.readFileSync(full))
    }
  }
  walk(fs.realpathSync(dir))
  return hash.digest('hex')
}

async function publishTitle(slug: string, title: string) {
  const { docs } = await (await fetch(api(`/activity-types?where[slug][equals]=${slug}&depth=0`), { headers: auth })).json()
  const response = await fetch(api(`/activity-types/${docs[0].id}?locale=en`), {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, _status: 'published' }),
  })
  expect(response.status).toBe(200)
}

test.beforeAll(async () => {
  // Migrating, seeding and a first build take longer than a hook's default minute.
  test.setTimeout(300_000)
  environment = await startTestEnvironment({ cmsPort: 3300, sitePort: 4600 })
  auth = { Authorization: `JWT ${environment.admin.token}` }
})
test.afterAll(async () => {
  test.setTimeout(60_000)
  await environment?.stop()
})

test('a burst of 20 publishes yields at most 2 builds, and the site ends up with the last one', async ({ page }) => {
  const since = new Date().toISOString()
  for (let n = 1; n <= 20; n++) await publishTitle('cykelkurser', `Bike course, edit ${n}`)
  const made = await settled(since)
  expect(made.length).toBeLessThanOrEqual(2)
  expect(made.every((build) => build.status === 'succeeded')).toBe(true)
  await page.goto(`${environment.siteUrl}/en/aktiviteter/cykelkurser/`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bike course, edit 20')
})

test('a build reloads only what changed: an edited document is reloaded, an unpublished one dropped, the rest kept', async ({ page }) => {
  const logOf = async (since: string) => {
    const made = await settled(since)
    const last = made[made.length - 1]!
    expect(last.status).toBe('succeeded')
    const response = await fetch(api(`/site-builds/${last.id}?depth=0`), { headers: auth })
    return String((await response.json()).log)
  }
  let since = new Date().toISOString()
  await publishTitle('kvindegrupper', 'Women’s groups (edited)')
  let log = await logOf(since)
  expect(log).toMatch(/activity-types: 1 changed, 0 removed, 7 unchanged/)
  expect(log).toMatch(/activities: 0 changed, 0 removed, \d+ unchanged/)
  await page.goto(`${environment.siteUrl}/en/aktiviteter/kvindegrupper/`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Women’s groups (edited)')

  // Unpublishing takes an activity off the site without a full reload.
  const { docs } = await (await fetch(api('/activities?where[slug][equals]=odense-cafe&depth=0'), { headers: auth })).json()
  const activity = docs[0] as { id: number; title: string }
  await page.goto(`${environment.siteUrl}/da/afdelinger/odense/`)
  await expect(page.getByText(activity.title, { exact: true }).first()).toBeVisible()
  since = new Date().toISOString()
  const unpublished = await fetch(api(`/activities/${activity.id}`), {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _status: 'draft' }),
  })
  expect(unpublished.status).toBe(200)
  log = await logOf(since)
  expect(log).toMatch(/activities: 0 changed, 1 removed, \d+ unchanged/)
  await page.goto(`${environment.siteUrl}/da/afdelinger/odense/`)
  await expect(page.getByText(activity.title, { exact: true })).toHaveCount(0)
})

test('rollback restores the previous release in one command', async ({ page }) => {
  const since = new Date().toISOString()
  await publishTitle('sprogtraening', 'Language practice (new)')
  const [build] = (await settled(since)).slice(-1)
  const newRelease = build!.release!
  expect(fs.readlinkSync(path.join(environment.releasesDir, 'current'))).toBe(newRelease)
  await page.goto(`${environment.siteUrl}/en/aktiviteter/sprogtraening/`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Language practice (new)')

  const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'site', 'scripts', 'release.mjs'), 'rollback'], {
    env: { ...process.env, SITE_RELEASES_DIR: environment.releasesDir },
  })
  expect(stdout).toContain(`was ${newRelease}`)
  expect(fs.readlinkSync(path.join(environment.releasesDir, 'current'))).not.toBe(newRelease)
  await page.goto(`${environment.siteUrl}/en/aktiviteter/sprogtraening/`)
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Language practice (new)')
  // At most 3 releases are kept.
  expect(fs.readdirSync(environment.releasesDir).filter((name) => /^\d{8}T/.test(name)).length).toBeLessThanOrEqual(3)
})

test('a build that fails because the CMS went down leaves the served site byte-identical, and the error is recorded', async ({ request }) => {
  const served = path.join(environment.releasesDir, 'current')
  const before = digest(served)
  const releaseBefore = fs.readlinkSync(served)
  const pageBefore = await (await request.get(`${environment.siteUrl}/da/`)).body()

  const since = new Date().toISOString()
  const triggered = await fetch(api('/site-builds/rebuild'), { method: 'POST', headers: auth })
  expect(triggered.status).toBe(202)
  await expect(async () => {
    expect((await builds(since)).some((build) => build.status === 'running')).toBe(true)
  }).toPass({ timeout: 30_000, intervals: [200] })

  // The CMS goes down in the middle of the build.
  await environment.stopCms()
  await expect(async () => {
    expect(fs.readdirSync(environment.releasesDir).some((name) => name.endsWith('.building'))).toBe(false)
  }).toPass({ timeout: 120_000, intervals: [500] })

  expect(fs.readlinkSync(served)).toBe(releaseBefore)
  expect(digest(served)).toBe(before)
  expect(await (await request.get(`${environment.siteUrl}/da/`)).body()).toEqual(pageBefore)

  // Back up: the interrupted build is recorded as failed, in plain words.
  await environment.startCms()
  const interrupted = (await builds(since))[0]!
  expect(interrupted.status).toBe('failed')
  expect(interrupted.error).toMatch(/Den offentlige side blev ikke ændret/)
  // …and a fresh build makes the site current again.
  const after = await settled(since)
  expect(after[after.length - 1]!.status).toBe('succeeded')
})

test('validation catches a page missing from the sitemap and a broken internal link (such a build is never swapped in)', async () => {
  const dir = fs.mkdtempSync(path.join(environment.releasesDir, '..', 'broken-'))
  fs.mkdirSync(path.join(dir, 'da'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'sitemap-index.xml'), '<sitemapindex><sitemap><loc>http://x/sitemap-0.xml</loc></sitemap></sitemapindex>')
  fs.writeFileSync(path.join(dir, 'sitemap-0.xml'), '<urlset><url><loc>http://x/da/</loc></url><url><loc>http://x/en/</loc></url></urlset>')
  fs.writeFileSync(path.join(dir, 'da', 'index.html'), '<a href="/da/afdelinger/findes-ikke/">x</a>')
  const { validate } = await import('../../site/scripts/release.mjs')
  const { problems } = validate(dir)
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringContaining('page in the sitemap is missing: /en/'),
      expect.stringContaining('broken internal link: /da/afdelinger/findes-ikke/'),
    ]),
  )
  fs.rmSync(dir, { recursive: true, force: true })
})

test('with SITE_BUILD_HOOK_URL set, publishing calls the external build instead of building here', async () => {
  const calls: string[] = []
  const hook = http.createServer((request, response) => {
    calls.push(`${request.method} ${request.url}`)
    response.writeHead(201).end()
  })
  await new Promise<void>((resolve) => hook.listen(4690, resolve))
  try {
    await environment.stopCms()
    await environment.startCms({ SITE_BUILD_HOOK_URL: 'http://localhost:4690/build-hook' })
    const releaseBefore = fs.readlinkSync(path.join(environment.releasesDir, 'current'))
    const since = new Date().toISOString()
    await publishTitle('lektiecafeer', 'Homework café (external build)')

    await expect.poll(() => calls, { timeout: 30_000 }).toEqual(['POST /build-hook'])
    await expect.poll(async () => (await builds(since)).map((build) => build.status), { timeout: 10_000 }).toEqual(['hooked'])
    expect(fs.readlinkSync(path.join(environment.releasesDir, 'current'))).toBe(releaseBefore)
  } finally {
    hook.close()
    await environment.stopCms()
    await environment.startCms()
  }
})
