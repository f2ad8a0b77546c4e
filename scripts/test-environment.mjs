// A complete, throw-away environment for tests: a temporary SQLite file, migrated and seeded,
// an admin user, the real CMS (next start) and the built site served over HTTP.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { assertPortFree, bin, buildCmsIfNeeded, buildRelease, cmsDir, run, startCmsProcess, stopProcess, ui, waitForHttp } from './lib.mjs'
import { createStaticServer, listen } from './static-server.mjs'
import { startMailSink } from './mail-sink.mjs'

export async function startTestEnvironment({ cmsPort = 3100, sitePort = 4400, quiet = true, settleMs = 500 } = {}) {
  await assertPortFree(cmsPort, 'test CMS')
  await assertPortFree(sitePort, 'test site')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-test-'))
  const cmsUrl = `http://localhost:${cmsPort}`
  const siteUrl = `http://localhost:${sitePort}`
  const releasesDir = path.join(dir, 'releases')
  const outDir = path.join(releasesDir, 'current')
  const admin = { email: 'admin@example.org', password: crypto.randomBytes(12).toString('base64url'), token: '' }
  // A real SMTP server: the CMS sends over SMTP, tests read what arrived (one .eml file per message).
  const mailDir = path.join(dir, 'mail')
  const mailSink = await startMailSink(mailDir)
  const env = {
    DATABASE_URI: `file:${path.join(dir, 'test.db')}`,
    DATA_DIR: dir,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
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

  await Promise.all([
    (async () => {
      await run('Test database: migrations', bin('payload'), ['migrate'], { cwd: cmsDir, env, quiet })
      await run('Test database: seed', bin('payload'), ['run', 'src/seed/cli.ts'], { cwd: cmsDir, env, quiet })
      // What the tests need beyond the demo data (an event that has ended).
      await run('Test database: test fixtures', bin('payload'), ['run', 'src/scripts/e2e-fixtures.ts'], { cwd: cmsDir, env, quiet })
      await run('Test database: admin user', bin('payload'), ['run', 'src/scripts/create-user.ts', '--', '--email', admin.email, '--password', admin.password, '--role', 'admin'], { cwd: cmsDir, env, quiet })
    })(),
    buildCmsIfNeeded(),
  ])

  let cms
  const startCms = async (extraEnv = {}) => {
    ui.step(`Starting the test CMS on ${cmsUrl}`)
    cms = startCmsProcess('test-cms', cmsPort, { env: { ...env, ...extraEnv }, quiet: true })
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
  await buildRelease({ cmsUrl, siteUrl, env, quiet })
  const server = await listen(createStaticServer(() => outDir), sitePort)
  ui.ok(`Test site on ${siteUrl}`)

  return {
    dir,
    mailDir,
    cmsUrl,
    siteUrl,
    outDir,
    admin,
    env,
    releasesDir,
    /** Stops and starts the CMS (same database, optionally other settings), to test outages and settings. */
    stopCms: () => stopProcess(cms),
    startCms,
    async stop() {
      server.close()
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
