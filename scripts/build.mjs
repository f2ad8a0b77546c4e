// `npm run build`: builds a new site release from the running CMS (CMS_URL, default :3000) and
// makes it the one `npm start` serves, if it builds and validates. The CMS does this by itself
// when content is published; this is the manual way.
import { cmsUrl, siteUrl } from '../core/defaults.ts'
import { buildRelease, ui } from './lib.mjs'

try {
  await buildRelease({ cmsUrl: cmsUrl(), siteUrl: siteUrl() })
} catch (error) {
  ui.fail(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
