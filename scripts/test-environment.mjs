// Throw-away environments for tests: a temporary SQLite file, migrated and seeded, an admin
// user, the real CMS (next start) and, where asked, the built site served over HTTP.
//
// The end-to-end tests run in three independent environments (`environmentPlan`), so no test
// project waits for another to keep its data apart: the public site's readers, the admin and
// access tests (which add departments and users), and the tests that publish and rebuild the
// site. The database is migrated and seeded once and copied to each.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { assertPortFree, bin, buildCmsIfNeeded, buildRelease, cmsDir, run, startCmsProcess, stopProcess, ui, waitForHttp } from './lib.mjs'
import { createStaticServer, listen } from './static-server.mjs'
import { startMailSink } from './mail-sink.mjs'

/**
 * The end-to-end environments by name, with their ports. A Playwright project names the one it
 * runs in (`use.environment`); `site` is the default.
 */
export const environmentPlan = {
  // The public site on a phone: reads the site and the CMS, and signs up. The serving project
  // (e2e/tests/serving.spec.ts) has nginx serve the same release on nginxPort.
  site: { cmsPort: 3100, sitePort: 4400, nginxPort: 4480 },
  // The admin and the access tests: the CMS only (they add departments, users and drafts).
  admin: { cmsPort: 3120, sitePort: null },
  // Publishing journeys: they change published content and rebuild the site, one at a time.
  publishing: { cmsPort: 3140, sitePort: 4440 },
}

/**
 * Migrates and seeds a database once, with the tests' fixtures and an admin user, in a folder
 * that `startTestEnvironment({ template })` copies.
 */
export async function prepareTestDatabase({ quiet = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-test-template-'))
  const admin = { email: 'admin@example.org', password: crypto.randomBytes(12).toString('base64url') }
  const secret = crypto.randomBytes(24).toString('hex')
  const env = { DATABASE_URI: `file:${path.join(dir, 'test.db')}`, DATA_DIR: dir, PAYLOAD_SECRET: secret }
  await Promise.all([
    (async () => {
      await run('Test database: migrations', bin('payload'), ['migrate'], { cwd: cmsDir, env, quiet })
      await run('Test database: seed', bin('payload'), ['run', 'src/seed/cli.ts'], { cwd: cmsDir, env, quiet })
      // What the tests need beyond the demo data (an event that has ended).
      await run('Test database: test fixtures', bin('payload'), ['run', 'src/scripts/e2e-fixtures.ts'], { cwd: cmsDir, env, quiet })
      await run('Test database: admin user', bin('payload'), ['run', 'src/scripts/create-user.ts', '--', '--email', admin.email, `--password=${admin.password}`, '--role', 'admin'], { cwd: cmsDir, env, quiet })
    })(),
    buildCmsIfNeeded(),
  ])
  return { dir, admin, secret, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/**
 * One environment. With `template` (from `prepareTestDatabase`) its data folder starts as a copy
 * of the template's; without, it prepares its own. `sitePort: null` starts no site. `cmsLogFile`
 * gets everything the CMS writes.
 * @param {{ cmsPort?: number, sitePort?: number | null, quiet?: boolean, settleMs?: number, template?: Awaited<ReturnType<typeof prepareTestDatabase>>, cmsLogFile?: string }} [options]
 */
export async function startTestEnvironment({ cmsPort = 3100, sitePort = 4400, quiet = true, settleMs = 500, template, cmsLogFile } = {}) {
  await assertPortFree(cmsPort, 'test CMS')
  if (sitePort !== null) await assertPortFree(sitePort, 'test site')
  const own = template ? null : await prepareTestDatabase({ quiet })
  const source = template ?? own
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-test-'))
  // The database was closed by the scripts that wrote it: its file (and any journal) is complete.
  fs.cpSync(source.dir, dir, { recursive: true })
  own?.remove()
  const cmsUrl = `http://localhost:${cmsPort}`
  // Without a site of its own, links still need an address (e-mails, previews): nothing answers there.
  const siteUrl = `http://localhost:${sitePort ?? cmsPort + 1300}`
  const releasesDir = path.join(dir, 'releases')
  const outDir = path.join(releasesDir, 'current')
  const admin = { ...source.admin, token: '' }
  // A real SMTP server: the CMS sends over SMTP, tests read what arrived (one .eml file per message).
  const mailDir = path.join(dir, 'mail')
  const mailSink = await startMailSink(mailDir)
  const env = {
    DATABASE_URI: `file:${path.join(dir, 'test.db')}`,
    DATA_DIR: dir,
    PAYLOAD_SECRET: source.secret,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort ?? ''),
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    SITE_RELEASES_DIR: releasesDir,
    // Tests publish in bursts: build as soon as they settle.
    SITE_BUILD_SETTLE_MS: String(settleMs),
    SMTP_URL: `smtp://127.0.0.1:${mailSink.port}`,
    // Signup tests give each test its own client address (X-Forwarded-For), as a proxy on this
    // machine would: 127.0.0.1 and ::1 are trusted proxies. Other loopback addresses (127.0.0.2)
    // are direct clients whose X-Forwarded-For is not believed (the spoofing tests). Browsers share one.
    TRUST_PROXY: '127.0.0.1,::1',
    SIGNUP_RATE_LIMIT: '100',
    SIGNUP_RATE_WINDOW_SECONDS: '60',
    // Ceilings other tests never reach; the per-address one is small enough for its own test to reach.
    SIGNUP_GLOBAL_RATE_LIMIT: '100000',
    SIGNUP_TARGET_RATE_LIMIT: '100000',
    SIGNUP_CONTACT_RATE_LIMIT: '8',
    SIGNUP_CHALLENGE_DIFFICULTY: '8',
  }

  let cms
  const startCms = async (extraEnv = {}) => {
    ui.step(`Starting the test CMS on ${cmsUrl}`)
    cms = startCmsProcess('test-cms', cmsPort, { env: { ...env, ...extraEnv }, quiet: true, logFile: cmsLogFile })
    await waitForHttp(`${cmsUrl}/api/activity-types?limit=1`, { child: cms })
  }
  await startCms()
  // One admin session for all test workers: parallel logins of the same user race on Payload's session list.
  const login = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  })
  if (!login.ok) throw new Error(`test admin could not log in: ${login.status} ${await login.text()}`)
  admin.token = (await login.json()).token
  let server
  if (sitePort !== null) {
    await buildRelease({ cmsUrl, siteUrl, env, quiet })
    server = await listen(createStaticServer(() => outDir), sitePort)
    ui.ok(`Test site on ${siteUrl}`)
  }

  return {
    dir,
    mailDir,
    cmsUrl,
    siteUrl,
    outDir,
    admin,
    env,
    releasesDir,
    /** The CMS server's process ID (the benchmark reads its CPU time). */
    cmsPid: () => cms?.pid,
    /** Stops and starts the CMS (same database, optionally other settings), to test outages and settings. */
    stopCms: () => stopProcess(cms),
    startCms,
    async stop() {
      server?.close()
      await stopProcess(cms)
      await mailSink.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The variables that tell Playwright (and `astro check`) where the environment is. */
export function environmentVariables(environment) {
  return {
    E2E_CMS_URL: environment.cmsUrl,
    E2E_SITE_URL: environment.siteUrl,
    E2E_SITE_OUT_DIR: environment.outDir,
    E2E_SITE_RELEASES_DIR: environment.releasesDir,
    E2E_ADMIN_EMAIL: environment.admin.email,
    E2E_ADMIN_PASSWORD: environment.admin.password,
    E2E_ADMIN_TOKEN: environment.admin.token,
    E2E_MAIL_DIR: environment.mailDir,
    E2E_SIGNUP_RATE_LIMIT: environment.env.SIGNUP_RATE_LIMIT,
    E2E_SIGNUP_CONTACT_RATE_LIMIT: environment.env.SIGNUP_CONTACT_RATE_LIMIT,
  }
}

/**
 * The end-to-end environments of `environmentPlan` (or the named ones), from one migrated and
 * seeded database. If one fails to start, those that did are stopped.
 */
export async function startTestEnvironments({ names = Object.keys(environmentPlan), quiet = true } = {}) {
  const template = await prepareTestDatabase({ quiet })
  let results
  try {
    results = await Promise.allSettled(names.map((name) => startTestEnvironment({ ...environmentPlan[name], quiet, template })))
  } finally {
    template.remove()
  }
  const environments = Object.fromEntries(names.flatMap((name, i) => (results[i].status === 'fulfilled' ? [[name, results[i].value]] : [])))
  const stop = () => Promise.all(Object.values(environments).map((environment) => environment.stop()))
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) {
    await stop()
    throw failure.reason
  }
  return { environments, stop }
}

/**
 * The variables for several environments: `E2E_ENVIRONMENTS` maps each name to its variables
 * (the tests pick their project's), and the `site` environment's are also set directly (for
 * `astro check`, and for a test file run on its own).
 */
export function environmentsVariables(environments) {
  const byName = Object.fromEntries(Object.entries(environments).map(([name, environment]) => [name, environmentVariables(environment)]))
  return { ...byName.site, E2E_ENVIRONMENTS: JSON.stringify(byName) }
}
