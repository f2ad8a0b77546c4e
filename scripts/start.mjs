// `npm start`: the whole thing on the embedded default. Migrates (SQLite; MongoDB needs none)
// and (on first start) seeds the database, builds and starts the CMS on :3000, builds the site
// from it and serves it on :4321. Ports: CMS_PORT, SITE_PORT. Database: DATABASE_URI (default data/drk.db).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { cmsPort as cmsPortOf, localUrl, sitePort as sitePortOf, siteUrl as siteUrlOf } from '../core/defaults.ts'
import {
  assertPortFree,
  bin,
  buildCmsIfNeeded,
  buildRelease,
  cmsDir,
  databaseSteps,
  releasesDir,
  root,
  run,
  startCmsProcess,
  stopProcess,
  ui,
  waitForHttp,
} from './lib.mjs'
import { createStaticServer, listen } from './static-server.mjs'

// The CMS started here is on this machine, whatever CMS_URL says.
const cmsPort = cmsPortOf()
const sitePort = sitePortOf()
const cmsUrl = localUrl(cmsPort)
const siteUrl = siteUrlOf()
const siteRoot = path.join(releasesDir(), 'current')
// The "create first user" screen asks for this one-time code (cms/src/auth/setupToken.ts), so that
// nobody but whoever sees this terminal can make themselves the first admin.
const setupToken = process.env.SETUP_TOKEN || crypto.randomBytes(18).toString('base64url')
const env = { CMS_PORT: String(cmsPort), SITE_PORT: String(sitePort), CMS_URL: cmsUrl, SITE_URL: siteUrl, SETUP_TOKEN: setupToken }
const started = Date.now()

let cms
let siteServer
async function shutdown(code = 0) {
  siteServer?.close()
  await stopProcess(cms)
  process.exit(code)
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

try {
  await assertPortFree(cmsPort, 'CMS')
  await assertPortFree(sitePort, 'site')
  // A MongoDB address may carry a password: never print it.
  const database = process.env.DATABASE_URI?.replace(/\/\/[^@/]*@/, '//…@') ?? 'SQLite in data/drk.db'
  console.log(ui.bold(`Røde Kors Integration – starting (database: ${database})`))

  // The database steps and the admin build do not depend on each other: run them side by side.
  await Promise.all([
    (async () => {
      // MongoDB: no migrations (lib.mjs, databaseSteps).
      for (const { label, args, quiet } of databaseSteps()) await run(label, bin('payload'), args, { cwd: cmsDir, env, quiet })
    })(),
    buildCmsIfNeeded(),
  ])

  ui.step(`Starting the CMS on ${cmsUrl}`)
  cms = startCmsProcess('cms', cmsPort, { env, quiet: true })
  await waitForHttp(`${cmsUrl}/api/activity-types?limit=1`, { child: cms })
  ui.ok('CMS is up')
  if (!process.env.TRUST_PROXY) {
    ui.warn('TRUST_PROXY is not set: signup limits count each connection\'s own address. Behind a reverse proxy, set TRUST_PROXY to its address (or 1 for one proxy in front), see README "Signups, e-mail and personal data".')
  }
  cms.on('exit', (code) => {
    ui.fail(`The CMS stopped (exit code ${code}). Last output:\n${cms.tail.join('\n')}`)
    shutdown(1)
  })

  try {
    await buildRelease({ cmsUrl, siteUrl })
  } catch (error) {
    // A failed build never replaces what is served: fall back to the last good release if there is one.
    if (!fs.existsSync(siteRoot)) throw error
    ui.warn(`${error.message}: serving the previous release`)
  }
  siteServer = await listen(createStaticServer(() => siteRoot), sitePort)

  const { initialized } = await fetch(`${cmsUrl}/api/users/init`).then((response) => response.json())
  const login = initialized
    ? 'log in with your user (new users: npm run create-user -- --email E --password P --role admin)'
    : `no users yet: open ${cmsUrl}/admin to create the first admin with the setup code ${ui.bold(setupToken)}\n             (good until the first user exists; SETUP_TOKEN sets it), or run:\n             npm run create-user -- --email you@example.org --password '...' --role admin`
  console.log(`
${ui.bold('Ready')} in ${((Date.now() - started) / 1000).toFixed(0)} s
  Site:      ${siteUrl}/da/   (all languages: /da/ /en/ /uk/ /ar/ /fa/ /ps/ /ti/ /so/)
  CMS admin: ${cmsUrl}/admin   ${login}
  REST API:  ${cmsUrl}/api
  Publishing in the CMS rebuilds the site by itself (status: CMS → Indstillinger → Opdateringer af siden).
  Roll back to the previous release: npm run rollback
  E-mail:    ${process.env.SMTP_URL ? 'sent over SMTP (SMTP_URL)' : `no SMTP_URL set, so e-mails are written to ${path.join(process.env.DATA_DIR ? path.resolve(root, process.env.DATA_DIR) : path.join(root, 'data'), 'outbox')} instead of being sent`}
  Stop with Ctrl+C.
`)
} catch (error) {
  ui.fail(error instanceof Error ? error.message : String(error))
  await shutdown(1)
}
