#!/usr/bin/env node
// Writes deploy/nginx/site.conf from site/scripts/release/serving-rules.ts (`npm run nginx-conf -w site`).
// site/tests/serving-rules.test.ts fails while the committed file differs from what this writes.
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { nginxSiteConf } from './release/serving-rules.ts'

const file = fileURLToPath(new URL('../../deploy/nginx/site.conf', import.meta.url))
fs.writeFileSync(file, nginxSiteConf())
console.log(`Wrote ${file}`)
