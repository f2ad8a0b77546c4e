// Several CMS instances on one database and one Redis (CMS_ROLE, cms/src/lib/role.ts): two `web`
// instances and one `worker`, as behind a load balancer. Proves that the signup rate limit counts
// across both web instances, that a change saved on either instance makes the other forget its
// cached signup targets, and that a publish makes exactly one site build, run by the worker.
//
//   node --test scripts/multi-instance.test.mjs     (run by scripts/test.mjs)
//
// Ports: MULTI_INSTANCE_BASE_PORT (default 3160) and the two after it; Redis on REDIS_TEST_PORT or a free port.
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'

import { assertPortFree, bin, buildCmsIfNeeded, cmsDir, run, startCmsProcess, stopProcess, waitForHttp } from './lib.mjs'
import { startRedis } from './redis-server.mjs'

const base = Number(process.env.MULTI_INSTANCE_BASE_PORT ?? 3160)
const instances = { webA: { role: 'web', port: base }, webB: { role: 'web', port: base + 1 }, worker: { role: 'worker', port: base + 2 } }
const url = (name) => `http://localhost:${instances[name].port}`
const siteUrl = `http://localhost:${base + 3}`
const rateLimit = 4
const admin = { email: 'admin@example.org', password: crypto.randomBytes(12).toString('base64url') }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-multi-instance-'))
const releasesDir = (name) => path.join(dir, `releases-${name}`)
const processes = {}
let redis
let token

before(async () => {
  for (const { port } of Object.values(instances)) await assertPortFree(port, 'multi-instance test CMS')
  redis = await startRedis({ port: process.env.REDIS_TEST_PORT ? Number(process.env.REDIS_TEST_PORT) : undefined })
  // The national content only (no demo departments): the site builds stay small.
  const env = { DATABASE_URI: `file:${path.join(dir, 'test.db')}`, DATA_DIR: dir, PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'), SEED_DEMO: 'false' }
  await Promise.all([
    (async () => {
      await run('Multi-instance database: migrations', bin('payload'), ['migrate'], { cwd: cmsDir, env, quiet: true })
      await run('Multi-instance database: seed (no demo data)', bin('payload'), ['run', 'src/seed/cli.ts'], { cwd: cmsDir, env, quiet: true })
      await run('Multi-instance database: admin user', bin('payload'), ['run', 'src/scripts/create-user.ts', '--', '--email', admin.email, `--password=${admin.password}`, '--role', 'admin'], { cwd: cmsDir, env, quiet: true })
    })(),
    buildCmsIfNeeded(),
  ])
  const shared = {
    ...env,
    REDIS_URL: redis.url,
    // One public address for all of them, as behind a load balancer; the worker builds the site from it.
    CMS_URL: url('webA'),
    SITE_URL: siteUrl,
    TRUST_PROXY: '127.0.0.1,::1',
    SIGNUP_RATE_LIMIT: String(rateLimit),
    SIGNUP_RATE_WINDOW_SECONDS: '600',
    SIGNUP_GLOBAL_RATE_LIMIT: '100000',
    SIGNUP_TARGET_RATE_LIMIT: '100000',
    SIGNUP_CONTACT_RATE_LIMIT: '100000',
    // Changes saved close together become one build.
    SITE_BUILD_SETTLE_MS: '1500',
  }
  await Promise.all(
    Object.entries(instances).map(async ([name, { role, port }]) => {
      // Each its own releases folder: whichever process builds the site creates its folder.
      processes[name] = startCmsProcess(`cms-${name}`, port, { env: { ...shared, CMS_ROLE: role, CMS_PORT: String(port), SITE_RELEASES_DIR: releasesDir(name) } })
      await waitForHttp(`${url(name)}/api/activity-types?limit=1`, { child: processes[name], timeoutMs: 180_000 })
    }),
  )
  const login = await fetch(`${url('webA')}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) })
  assert.equal(login.status, 200, await login.clone().text())
  token = (await login.json()).token
})

after(async () => {
  await Promise.all(Object.values(processes).map((child) => stopProcess(child)))
  await redis?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function api(name, method, pathname, body) {
  const response = await fetch(`${url(name)}/api${pathname}`, {
    method,
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  assert.ok(response.ok, `${method} ${pathname} on ${name}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

/** What the signup endpoint of an instance knows about an event right now (null: no signup there). */
async function availability(name, slug) {
  const response = await fetch(`${url(name)}/api/signups/availability?targets=event:${slug}`)
  assert.equal(response.status, 200)
  return (await response.json()).targets[`event:${slug}`]
}

const siteBuilds = async () => (await api('webA', 'GET', '/site-builds?limit=100&depth=0&sort=createdAt')).docs

async function until(what, check, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

const idle = () => until('the site builds to finish', async () => (await siteBuilds()).every((build) => !['queued', 'running'].includes(build.status)))

test('the signup rate limit counts attempts on both web instances together', async () => {
  // Attempts count valid or not: empty bodies store nothing.
  const attempt = (name) =>
    fetch(`${url(name)}/api/signups/submit`, {
      method: 'POST',
      headers: { Origin: siteUrl, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.23' },
      body: '{}',
    }).then((response) => response.status)
  const statuses = []
  for (let i = 0; i < rateLimit; i++) statuses.push(await attempt(i % 2 ? 'webB' : 'webA'))
  assert.ok(statuses.every((status) => status !== 429), `under the limit: ${statuses}`)
  // Each instance has seen only half the limit: in-process counting would let these through.
  assert.equal(await attempt('webA'), 429)
  assert.equal(await attempt('webB'), 429)
})

test('a change saved on either web instance makes the other forget its cached signup target', async () => {
  const department = (await api('webA', 'POST', '/departments', { name: 'Flerby', town: 'Flerby', municipality: 'Flerby', region: 'sjaelland', _status: 'published' })).doc
  const startsAt = new Date(Date.now() + 7 * 86_400_000)
  const event = {
    title: 'Fællesspisning i Flerby',
    summary: 'Mad og snak.',
    slug: 'flerby-faellesspisning',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
    department: department.id,
    howToJoin: 'sign-up',
    translationStatus: 'original',
    _status: 'published',
  }
  const { id } = (await api('webA', 'POST', '/events', event)).doc
  // Both instances look it up and keep it.
  assert.notEqual(await availability('webA', event.slug), null)
  assert.notEqual(await availability('webB', event.slug), null)
  await api('webB', 'PATCH', `/events/${id}`, { _status: 'draft' })
  assert.equal(await availability('webA', event.slug), null, 'web A still answered from its cache after web B unpublished')

  await api('webA', 'PATCH', `/events/${id}`, { _status: 'published' })
  assert.notEqual(await availability('webB', event.slug), null)
  await api('webA', 'PATCH', `/events/${id}`, { _status: 'draft' })
  assert.equal(await availability('webB', event.slug), null, 'web B still answered from its cache after web A unpublished')
})

test('a publish on a web instance makes exactly one site build, run by the worker', async () => {
  await idle()
  const before = (await siteBuilds()).length
  const page = (await api('webB', 'GET', '/pages?limit=1&depth=0&where[_status][equals]=published')).docs[0]
  assert.ok(page, 'the seed has published pages')
  await api('webB', 'PATCH', `/pages/${page.id}`, { _status: 'published' })
  const build = await until('the build to be queued', async () => (await siteBuilds())[before])
  await idle()
  // Two seconds more: a second runner would have queued or run a second build by then.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const builds = await siteBuilds()
  console.log(`site builds: ${builds.map(({ status, durationSeconds }) => `${status} ${durationSeconds ?? '?'} s`).join(', ')}`)
  assert.equal(builds.length, before + 1, JSON.stringify(builds.slice(before).map(({ status, trigger }) => ({ status, trigger }))))
  assert.ok(['succeeded', 'failed'].includes(builds[before].status), `build ${build.id} ended as ${builds[before].status}`)
  // Only the worker built: a web instance never made its releases folder.
  assert.ok(fs.existsSync(releasesDir('worker')), 'the worker built the site')
  assert.equal(fs.existsSync(releasesDir('webA')) || fs.existsSync(releasesDir('webB')), false, 'a web instance built the site')
})
