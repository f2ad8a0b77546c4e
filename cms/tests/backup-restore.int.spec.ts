import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { startCmsProcess, stopProcess, waitForHttp } from '../../scripts/lib.mjs'
import { startTestEnvironment } from '../../scripts/test-environment.mjs'
import { adminGet, postSignup, runScript, signupForm, testPort } from './processes'
import { tinyPng } from './rest'

/**
 * The restore drill (issue 17, item 7): `npm run backup` while signups keep arriving, then
 * `npm run restore` into a fresh folder, a CMS on the restored data, and the site built from it.
 * Everything runs as an operator would run it: the real CMS (cms/server.mjs), the scripts as
 * child processes, signups over HTTP.
 */
type Environment = Awaited<ReturnType<typeof startTestEnvironment>>
let environment: Environment
let work: string
let restoredCms: ReturnType<typeof startCmsProcess> | undefined

// Public content, uploads and users: what the restored CMS must hold exactly as it was.
const collections = ['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages', 'media', 'users']
const globals = ['site-settings', 'navigation']

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-restore-drill-'))
  environment = await startTestEnvironment({ cmsPort: await testPort(), sitePort: null })
}, 20 * 60_000)

afterAll(async () => {
  await stopProcess(restoredCms)
  await environment?.stop()
  if (work) fs.rmSync(work, { recursive: true, force: true })
})

interface Sent {
  email: string
  status: number
  answeredAt: number
}

/** Posts signups from `workers` clients in parallel until `stop()` is called. */
function keepSigningUp(workers = 3) {
  const sent: Sent[] = []
  let running = true
  let counter = 0
  const worker = async () => {
    while (running) {
      const n = counter++
      const email = `drill-${n}-${Date.now().toString(36)}@example.org`
      const response = await postSignup(environment.cmsUrl, environment.siteUrl, signupForm({ name: `Drill ${n}`, email }), `10.77.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`)
      await response.body?.cancel()
      sent.push({ email, status: response.status, answeredAt: Date.now() })
    }
  }
  const all = Array.from({ length: workers }, worker)
  return { sent, stop: async () => ((running = false), await Promise.all(all)) }
}

const snapshotOf = async (cmsUrl: string, token: string) => {
  const docs: Record<string, string[]> = {}
  for (const collection of collections) {
    const { docs: found } = await adminGet<{ docs: { id: unknown; updatedAt: string }[] }>(cmsUrl, token, `/${collection}?pagination=false&depth=0&draft=true&select[updatedAt]=true&sort=id`)
    docs[collection] = found.map((doc) => `${String(doc.id)}@${doc.updatedAt}`)
  }
  for (const global of globals) docs[global] = [JSON.stringify(await adminGet(cmsUrl, token, `/globals/${global}?depth=0&locale=all&draft=true`))]
  return docs
}

it('a backup taken while signups arrive restores every document and every answered signup, and the site builds from it', async () => {
  const { cmsUrl, admin, env } = environment
  // An upload, and a secret kept in the data folder as `npm start` keeps it: the one goes in, the other never.
  const upload = new FormData()
  upload.append('file', new Blob([tinyPng], { type: 'image/png' }), 'drill.png')
  upload.append('_payload', JSON.stringify({ alt: 'Øvelse' }))
  const uploaded = await fetch(`${cmsUrl}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${admin.token}` }, body: upload })
  expect(uploaded.status).toBe(201)
  const media = ((await uploaded.json()) as { doc: { filename: string } }).doc
  fs.writeFileSync(path.join(environment.dir, '.payload-secret'), env.PAYLOAD_SECRET)
  const before = await snapshotOf(cmsUrl, admin.token)

  const signups = keepSigningUp()
  await expect.poll(() => signups.sent.filter((s) => s.status === 201).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(10)
  const backupStarted = Date.now()
  const backupsDir = path.join(work, 'backups')
  const backup = await runScript('scripts/backup.mjs', ['--out', backupsDir], { DATA_DIR: env.DATA_DIR, DATABASE_URI: env.DATABASE_URI })
  const backupEnded = Date.now()
  // Signups go on arriving after it, too: the backup has an end, the signups don't.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await signups.stop()
  expect(backup.code, backup.output).toBe(0)
  expect(signups.sent.every((s) => s.status === 201), JSON.stringify(signups.sent.filter((s) => s.status !== 201).slice(0, 3))).toBe(true)
  // The CMS was taking signups while the backup ran.
  expect(signups.sent.filter((s) => s.answeredAt > backupStarted && s.answeredAt < backupEnded).length).toBeGreaterThan(0)

  const [name, ...others] = fs.readdirSync(backupsDir)
  expect(others).toEqual([])
  const backupDir = path.join(backupsDir, name!)
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'))
  expect(manifest.uploads.files).toBeGreaterThan(0)
  expect(fs.readFileSync(path.join(backupDir, 'NOT-INCLUDED.txt'), 'utf8')).toContain('PAYLOAD_SECRET')
  // The secret is in no file of the backup, and only its owner can read the backup (it holds personal data).
  const files = fs.readdirSync(backupDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  for (const file of files) expect(fs.readFileSync(path.join(file.parentPath, file.name)).includes(env.PAYLOAD_SECRET!), file.name).toBe(false)
  expect(fs.statSync(backupDir).mode & 0o077).toBe(0)

  // Not over the data of a running CMS, not even with --force.
  for (const args of [[backupDir], [backupDir, '--force']]) {
    const refused = await runScript('scripts/restore.mjs', args, { DATA_DIR: env.DATA_DIR, DATABASE_URI: env.DATABASE_URI })
    expect(refused.code).not.toBe(0)
    expect(refused.output).toContain('in use')
  }

  const fresh = path.join(work, 'restored')
  const freshEnv = { DATA_DIR: fresh, DATABASE_URI: `file:${path.join(fresh, 'drk.db')}` }
  const restored = await runScript('scripts/restore.mjs', [backupDir], freshEnv)
  expect(restored.code, restored.output).toBe(0)
  // Not over data that is there, unless --force; then what was there is kept aside.
  const again = await runScript('scripts/restore.mjs', [backupDir], freshEnv)
  expect(again.code).not.toBe(0)
  expect(again.output).toContain('--force')
  const forced = await runScript('scripts/restore.mjs', [backupDir, '--force'], freshEnv)
  expect(forced.code, forced.output).toBe(0)
  expect(fs.readdirSync(fresh).some((entry) => entry.startsWith('replaced-'))).toBe(true)

  // A CMS on the restored data, with the secret kept apart from the backup (so the admin's login works).
  const port = await testPort()
  const restoredUrl = `http://localhost:${port}`
  restoredCms = startCmsProcess('restored-cms', port, {
    env: { ...env, ...freshEnv, CMS_PORT: String(port), CMS_URL: restoredUrl, SITE_RELEASES_DIR: path.join(work, 'releases'), DISABLE_JOBS: 'true' },
  })
  await waitForHttp(`${restoredUrl}/api/activity-types?limit=1`, { child: restoredCms })
  const login = await fetch(`${restoredUrl}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: admin.password }) })
  expect(login.status).toBe(200)
  const token = ((await login.json()) as { token: string }).token

  expect(await snapshotOf(restoredUrl, token)).toEqual(before)
  const file = await fetch(`${restoredUrl}/api/media/file/${media.filename}`, { headers: { Authorization: `JWT ${token}` } })
  expect(file.status).toBe(200)
  expect(Buffer.from(await file.arrayBuffer()).equals(tinyPng)).toBe(true)

  const { docs } = await adminGet<{ docs: { email: string }[] }>(restoredUrl, token, '/signups?pagination=false&depth=0&select[email]=true')
  const restoredEmails = new Set(docs.map((doc) => doc.email))
  const answeredBefore = signups.sent.filter((s) => s.answeredAt < backupStarted)
  expect(answeredBefore.length).toBeGreaterThanOrEqual(10)
  expect(answeredBefore.filter((s) => !restoredEmails.has(s.email)).map((s) => s.email)).toEqual([])
  expect(manifest.database.rows.signups).toBe(docs.length)

  // The site builds from the restored CMS (the release command an external build runs).
  const build = await runScript('site/scripts/release.mjs', ['build'], {
    CMS_URL: restoredUrl,
    SITE_URL: environment.siteUrl,
    SITE_RELEASES_DIR: path.join(work, 'releases'),
  })
  expect(build.code, build.output.slice(-3000)).toBe(0)
  expect(fs.existsSync(path.join(work, 'releases', 'current', 'da', 'index.html'))).toBe(true)
}, 20 * 60_000)
