import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, type Page, test } from '@playwright/test'

import { readReleaseResult } from '../../core/release'
import { startTestEnvironment } from '../../scripts/test-environment.mjs'
import { uiStrings } from '../fixtures/ui-strings'

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
  mode?: 'full' | 'partial' | null
  reason?: string | null
  createdAt: string
}

/** This project's ports (another checkout's tests may hold the defaults): E2E_RELEASES_PORTS="<cms> <site> <build hook>". */
const [cmsPort = 3300, sitePort = 4600, hookPort = 4690] = (process.env.E2E_RELEASES_PORTS ?? '').split(/\s+/).filter(Boolean).map(Number)

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
  // Migrating, seeding and a first build take longer than a hook's default minute, and longer
  // still while the other projects' journeys share the 2 cores.
  test.setTimeout(600_000)
  environment = await startTestEnvironment({ cmsPort, sitePort })
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

/** The addresses the served site's search page lists for a query, once it has answered. */
async function searchHrefs(page: Page, query: string): Promise<string[]> {
  await page.goto(`${environment.siteUrl}/da/soeg/?q=${encodeURIComponent(query)}`)
  const status = page.locator('[data-search-status]')
  await expect(status).toContainText(query)
  await expect(status).not.toHaveText(uiStrings('da')['search.searching']!.replace('{query}', query))
  return page.locator('[data-search-list] a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
}

/** Every file of a release (search indexes aside), with what differs between two builds of the same content masked: build times. */
function releaseFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name)
      if (relative === '' && (entry.name === 'pagefind' || entry.name === 'pagefind-delta')) continue
      if (entry.isDirectory()) walk(name)
      else {
        let text = fs.readFileSync(path.join(dir, name), 'utf8')
        text = text.replace(/<p data-built-at="[^"]*">[^<]*<\/p>/g, '<p data-built-at>').replace(/^DTSTAMP:.*$/gm, 'DTSTAMP')
        // The sitemap's entries as a set: a merged sitemap may order them differently.
        if (/^sitemap-\d+\.xml$/.test(name)) text = [...text.matchAll(/<url>.*?<\/url>/g)].map(([block]) => block).sort().join('\n')
        files.set(name, text)
      }
    }
  }
  walk('')
  return files
}

test('a partial build renders only the pages of the changed documents, and its release equals a full build of the same content', async ({ page }) => {
  const json = { ...auth, 'Content-Type': 'application/json' }
  const find = async (collection: string, slug: string) =>
    (await (await fetch(api(`/${collection}?where[slug][equals]=${slug}&depth=0&locale=da`), { headers: auth })).json()).docs[0]
  const served = fs.readlinkSync(path.join(environment.releasesDir, 'current'))
  const goneUrl = '/da/afdelinger/roskilde/roskilde-sprogcafe/'
  expect(await searchHrefs(page, 'Roskilde sprogcafé')).toContain(goneUrl)
  const since = new Date().toISOString()
  // A department's new event, an edited event, an activity moved to another activity type, a
  // renamed department, and an activity taken off the site: one burst, so one build.
  const holbaek = await find('departments', 'holbaek')
  const startsAt = new Date(Date.now() + 12 * 86_400_000)
  const created = await fetch(api('/events?locale=da'), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      title: 'Nyt arrangement: fællesspisning',
      summary: 'Vi spiser sammen.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      department: holbaek.id,
      howToJoin: 'sign-up',
      _status: 'published',
    }),
  })
  expect(created.status).toBe(201)
  const newEvent = (await created.json()).doc
  const event = await find('events', 'odense-aabent-hus')
  expect((await fetch(api(`/events/${event.id}?locale=en`), { method: 'PATCH', headers: json, body: JSON.stringify({ title: 'Open house (partial)', _status: 'published' }) })).status).toBe(200)
  const activity = await find('activities', 'aarhus-lektiecafe')
  const otherType = (await (await fetch(api(`/activity-types?where[id][not_equals]=${activity.activityType}&limit=1&depth=0`), { headers: auth })).json()).docs[0]
  expect((await fetch(api(`/activities/${activity.id}`), { method: 'PATCH', headers: json, body: JSON.stringify({ activityType: otherType.id, _status: 'published' }) })).status).toBe(200)
  const esbjerg = await find('departments', 'esbjerg')
  expect((await fetch(api(`/departments/${esbjerg.id}?locale=da`), { method: 'PATCH', headers: json, body: JSON.stringify({ name: 'Røde Kors Esbjerg (nyt navn)', _status: 'published' }) })).status).toBe(200)
  const gone = await find('activities', 'roskilde-sprogcafe')
  expect((await fetch(api(`/activities/${gone.id}`), { method: 'PATCH', headers: json, body: JSON.stringify({ _status: 'draft' }) })).status).toBe(200)

  // Usually one build; two when the first started before the last edit arrived. Each is partial.
  const made = await settled(since)
  expect(made.map((build) => build.status)).toEqual(made.map(() => 'succeeded'))
  expect(made.map((build) => build.mode)).toEqual(made.map(() => 'partial'))
  expect(made.map((build) => build.reason).join('\n')).toMatch(/events: (1 changed, 1 new|1 new)/)
  const log = String((await (await fetch(api(`/site-builds/${made[made.length - 1]!.id}?depth=0`), { headers: auth })).json()).log)
  const kept = Number(/Kept (\d+) unchanged files from release/.exec(log)?.[1])
  expect(kept).toBeGreaterThan(500)
  const rendered = Number(/(\d+) page\(s\) built in/.exec(log)?.[1])
  const total = releaseFiles(path.join(environment.releasesDir, 'current')).size
  expect(rendered).toBeLessThan(total / 2)
  expect(fs.readlinkSync(path.join(environment.releasesDir, 'current'))).not.toBe(served)

  await page.goto(`${environment.siteUrl}/da/arrangementer/${newEvent.slug}/`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nyt arrangement: fællesspisning')
  await page.goto(`${environment.siteUrl}/da/afdelinger/esbjerg/`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Røde Kors Esbjerg (nyt navn)')
  expect((await page.request.get(`${environment.siteUrl}${goneUrl}`)).status()).toBe(404)
  // Search: the day's full index and the index of the pages published since, merged by the search page.
  expect(log).toMatch(/Search index: \d+ pages changed since the full build/)
  expect(await searchHrefs(page, 'fællesspisning')).toContain(`/da/arrangementer/${newEvent.slug}/`)
  const renamed = await searchHrefs(page, 'Esbjerg nyt navn')
  expect(renamed.filter((href) => href === '/da/afdelinger/esbjerg/')).toHaveLength(1)
  expect(await searchHrefs(page, 'Roskilde sprogcafé')).not.toContain(goneUrl)

  // The same content built in full, in a releases folder of its own: every file must be the same.
  const fullReleases = fs.mkdtempSync(path.join(environment.releasesDir, '..', 'full-'))
  try {
    const resultFile = path.join(fullReleases, 'result.json')
    await promisify(execFile)(process.execPath, [path.join(root, 'site', 'scripts', 'release.mjs'), 'build', '--result', resultFile], {
      env: { ...process.env, CMS_URL: environment.cmsUrl, SITE_URL: environment.siteUrl, SITE_RELEASES_DIR: fullReleases },
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(readReleaseResult(resultFile)).toMatchObject({ ok: true, mode: 'full', reason: 'no release is served yet' })
    const partialFiles = releaseFiles(path.join(environment.releasesDir, 'current'))
    const fullFiles = releaseFiles(path.join(fullReleases, 'current'))
    expect([...partialFiles.keys()].sort()).toEqual([...fullFiles.keys()].sort())
    const different = [...fullFiles].filter(([name, text]) => partialFiles.get(name) !== text).map(([name]) => name)
    expect(different).toEqual([])
  } finally {
    fs.rmSync(fullReleases, { recursive: true, force: true })
  }
})

test('the first build of the day renders every page (next meeting dates and notices are renewed)', async () => {
  const current = fs.readlinkSync(path.join(environment.releasesDir, 'current'))
  const infoFile = path.join(environment.releasesDir, '.info', current, 'info.json')
  const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'))
  fs.writeFileSync(infoFile, JSON.stringify({ ...info, fullBuildAt: new Date(Date.now() - 86_400_000).toISOString() }))
  const since = new Date().toISOString()
  expect((await fetch(api('/site-builds/rebuild'), { method: 'POST', headers: auth })).status).toBe(202)
  const [build] = (await settled(since)).slice(-1)
  expect(build).toMatchObject({ status: 'succeeded', mode: 'full', reason: 'the first build of the day renders every page' })
  // …and the build after it, the same day, is partial again.
  const next = new Date().toISOString()
  expect((await fetch(api('/site-builds/rebuild'), { method: 'POST', headers: auth })).status).toBe(202)
  const [again] = (await settled(next)).slice(-1)
  expect(again).toMatchObject({ status: 'succeeded', mode: 'partial', reason: expect.stringMatching(/^no content changed/) })
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

  // The served release is now older than the content store: the next build renders every page.
  const after = new Date().toISOString()
  await fetch(api('/site-builds/rebuild'), { method: 'POST', headers: auth })
  const [next] = (await settled(after)).slice(-1)
  expect(next).toMatchObject({ status: 'succeeded', mode: 'full', reason: expect.stringMatching(/^the served release was not built from the current content store/) })
  await page.goto(`${environment.siteUrl}/en/aktiviteter/sprogtraening/`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Language practice (new)')
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

/** The build worker of this environment's CMS (site/scripts/release-worker.mjs, started with its releases folder), if one runs. */
function buildWorkerPids(): number[] {
  const pids: number[] = []
  for (const name of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8')
      if (!command.includes('release-worker.mjs')) continue
      const env = fs.readFileSync(`/proc/${name}/environ`, 'utf8').split('\0')
      if (env.includes(`SITE_RELEASES_DIR=${environment.releasesDir}`)) pids.push(Number(name))
    } catch {
      // A process that ended while we looked.
    }
  }
  return pids
}

test('the build worker stays up between builds; killed mid-build, the served site is unchanged and the next build succeeds in a new worker', async ({ request }) => {
  // The builds before this one ran in the worker, which is still there.
  const [worker] = buildWorkerPids()
  expect(worker).toBeGreaterThan(0)
  const served = path.join(environment.releasesDir, 'current')
  const before = digest(served)
  const releaseBefore = fs.readlinkSync(served)
  const pageBefore = await (await request.get(`${environment.siteUrl}/da/`)).body()

  const since = new Date().toISOString()
  await publishTitle('sprogtraening', 'Language practice (worker)')
  await expect(async () => {
    expect((await builds(since)).some((build) => build.status === 'running')).toBe(true)
  }).toPass({ timeout: 30_000, intervals: [200] })
  // Mid-render: Astro has the content and is bundling or writing pages.
  await expect(async () => {
    expect(fs.existsSync(path.join(environment.releasesDir, '.building'))).toBe(true)
  }).toPass({ timeout: 60_000, intervals: [100] })
  process.kill(worker!, 'SIGKILL')

  const [killed] = await settled(since)
  expect(killed).toMatchObject({ status: 'failed', error: expect.stringMatching(/Opdateringen stoppede uventet \(kode SIGKILL\)\. Den offentlige side blev ikke ændret\./) })
  expect(fs.readlinkSync(served)).toBe(releaseBefore)
  expect(digest(served)).toBe(before)
  expect(await (await request.get(`${environment.siteUrl}/da/`)).body()).toEqual(pageBefore)

  // The next build starts a new worker, cleans up the half-made folder and publishes the change.
  const again = new Date().toISOString()
  await fetch(api('/site-builds/rebuild'), { method: 'POST', headers: auth })
  const [next] = await settled(again)
  expect(next!.status).toBe('succeeded')
  expect(fs.existsSync(path.join(environment.releasesDir, '.building'))).toBe(false)
  expect(fs.existsSync(path.join(environment.releasesDir, '.build-lock'))).toBe(false)
  expect(buildWorkerPids()).toEqual([expect.any(Number)])
  expect(buildWorkerPids()).not.toContain(worker)
  await expect(async () => {
    const response = await request.get(`${environment.siteUrl}/en/aktiviteter/sprogtraening/`)
    expect(await response.text()).toContain('Language practice (worker)')
  }).toPass({ timeout: 10_000 })
})

test('validation catches a page missing from the sitemap and a broken internal link (such a build is never swapped in)', async () => {
  const dir = fs.mkdtempSync(path.join(environment.releasesDir, '..', 'broken-'))
  fs.mkdirSync(path.join(dir, 'da'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'sitemap-index.xml'), '<sitemapindex><sitemap><loc>http://x/sitemap-0.xml</loc></sitemap></sitemapindex>')
  fs.writeFileSync(path.join(dir, 'sitemap-0.xml'), '<urlset><url><loc>http://x/da/</loc></url><url><loc>http://x/en/</loc></url></urlset>')
  fs.writeFileSync(path.join(dir, 'da', 'index.html'), '<a href="/da/afdelinger/findes-ikke/">x</a>')
  const { validate } = await import('../../site/scripts/release/validate.ts')
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
  await new Promise<void>((resolve) => hook.listen(hookPort, resolve))
  try {
    await environment.stopCms()
    await environment.startCms({ SITE_BUILD_HOOK_URL: `http://localhost:${hookPort}/build-hook` })
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
