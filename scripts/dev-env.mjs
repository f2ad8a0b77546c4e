// A throw-away test environment (temporary SQLite, migrated and seeded, CMS + built site) that
// stays up until stopped, for running single Playwright files while developing:
//   node scripts/dev-env.mjs --cms-port 3110 --site-port 4410 --out /tmp/env.json
//   env $(jq -r 'to_entries|map("\(.key)=\(.value)")|join(" ")' /tmp/env.json) npx playwright test ...
import fs from 'node:fs'
import { parseArgs } from 'node:util'

import { ui } from './lib.mjs'
import { environmentVariables, startTestEnvironment } from './test-environment.mjs'

const { values } = parseArgs({
  options: {
    'cms-port': { type: 'string', default: '3100' },
    'site-port': { type: 'string', default: '4400' },
    out: { type: 'string', default: '.tmp/dev-env.json' },
  },
})
const environment = await startTestEnvironment({ cmsPort: Number(values['cms-port']), sitePort: Number(values['site-port']), quiet: true })
const variables = { ...environmentVariables(environment), CMS_URL: environment.cmsUrl, CHROMIUM_PATH: '/usr/bin/chromium' }
fs.writeFileSync(values.out, JSON.stringify(variables, null, 2))
ui.ok(`Environment up; variables in ${values.out}. Ctrl-C stops it and removes its files.`)
const stop = async () => {
  await environment.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
