// `npm run build`: builds a new site release from the running CMS (CMS_URL, default :3000) and
// makes it the one `npm start` serves, if it builds and validates. The CMS does this by itself
// when content is published; this is the manual way.
import { buildRelease, ui } from './lib.mjs'

const cmsUrl = process.env.CMS_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`
const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`
try {
  await buildRelease({ cmsUrl, siteUrl })
} catch (error) {
  ui.fail(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
