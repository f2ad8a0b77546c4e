// `npm test`: every test. Makes sure a browser and nginx are there, type-checks, runs the unit tests of
// core/ and the site (no CMS needed), the CMS integration tests on temporary SQLite files and
// the test of several CMS instances sharing one database and one Redis,
// then starts the test environments (CMS and built site: one for the public site's readers, one
// for the admin and access tests, one for the publishing journeys) for `astro check` and the
// Playwright journeys in Chromium.
import fs from 'node:fs'

import { bin, cmsDir, root, run, siteDir, ui } from './lib.mjs'
import { ensureNginx } from './nginx.mjs'
import { environmentsVariables, startTestEnvironments } from './test-environment.mjs'

const started = Date.now()
const debianChromium = '/usr/bin/chromium'

async function ensureBrowser() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return { CHROMIUM_PATH: process.env.CHROMIUM_PATH }
  if (fs.existsSync(debianChromium)) {
    ui.ok(`Browser: ${debianChromium}`)
    return { CHROMIUM_PATH: debianChromium }
  }
  const isRoot = process.getuid?.() === 0
  if (isRoot && fs.existsSync('/etc/debian_version')) {
    await run("Installing Debian's chromium (apt-get)", 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { quiet: true })
    return { CHROMIUM_PATH: debianChromium }
  }
  await run("Installing Playwright's Chromium", bin('playwright'), ['install', 'chromium'])
  return {}
}

let environments
let failed = false
try {
  const browserEnv = await ensureBrowser()
  // The serving project's host (e2e/tests/serving.spec.ts); the test starts it on its own port.
  ui.ok(`nginx: ${await ensureNginx(run)}`)
  await run('Type check: CMS (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: cmsDir, quiet: true })
  await run('Type check: end-to-end tests (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: `${root}/e2e`, quiet: true })
  await run('Type check: core (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: `${root}/core`, quiet: true })
  await run('Core unit tests (Vitest: time, signup contract, defaults)', bin('vitest'), ['run'], { cwd: `${root}/core`, env: { CI: '1' } })
  await run('Site unit tests (Vitest: site/src/lib, UI strings)', bin('vitest'), ['run'], { cwd: siteDir, env: { CI: '1' } })
  await run('CMS integration tests (Vitest, temporary SQLite)', bin('vitest'), ['run'], { cwd: cmsDir, env: { CI: '1' } })

  // Builds the CMS that the test environments then reuse; needs redis-server (installed if missing).
  await run('Several CMS instances (node:test: 2 web + 1 worker, one SQLite file, one Redis)', process.execPath, ['--test', 'scripts/multi-instance.test.mjs'], { cwd: root })

  environments = await startTestEnvironments()
  const env = { ...browserEnv, ...environmentsVariables(environments.environments), CMS_URL: environments.environments.site.cmsUrl }
  await run('Type check: site (astro check)', bin('astro'), ['check'], { cwd: siteDir, env, quiet: true })
  await run('End-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], { cwd: `${root}/e2e`, env })
} catch (error) {
  failed = true
  ui.fail(error instanceof Error ? error.message : String(error))
} finally {
  await environments?.stop()
}
const minutes = ((Date.now() - started) / 60000).toFixed(1)
if (failed) {
  ui.fail(`Tests failed after ${minutes} min`)
  process.exit(1)
}
ui.ok(`All tests passed in ${minutes} min`)
