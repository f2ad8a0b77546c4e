/**
 * The other origins a reader's browser talks to from the site's pages: the CMS (signup forms post
 * there, the places figure asks it) and the map's tile server. The pages and the release's
 * Content-Security-Policy (scripts/release/serving-rules.ts) both read them here, so the policy
 * allows exactly what the pages use.
 *
 * Node runs this file directly from the release scripts (stripping its types): erasable
 * TypeScript only, and imports with their `.ts` extension.
 */
import { cmsUrl } from '../../../core/defaults.ts'

type Env = Record<string, string | undefined>

/** The CMS's public address (PUBLIC_CMS_URL; it can differ from CMS_URL, where the build reads content). */
export const publicCmsUrl = (env: Env = process.env): string => (env.PUBLIC_CMS_URL || cmsUrl(env)).replace(/\/+$/, '')

/** OpenStreetMap's own tiles unless PUBLIC_MAP_TILE_URL names another server (Leaflet's `{z}/{x}/{y}` template). */
export const defaultMapTileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'

export const mapTileUrl = (env: Env = process.env): string => env.PUBLIC_MAP_TILE_URL || defaultMapTileUrl
