// `npm run build`: rebuilds the static site from the running CMS (CMS_URL, default :3000) into
// site/dist, which `npm start` serves. The CMS admin is built by `npm start` when it changed.
import path from 'node:path'

import { buildSite, root, ui } from './lib.mjs'

const cmsUrl = process.env.CMS_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`
const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`
try {
  await buildSite({ cmsUrl, siteUrl, outDir: process.env.SITE_OUT_DIR ?? path.join(root, 'site', 'dist') })
} catch (error) {
  ui.fail(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
