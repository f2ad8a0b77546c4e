import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Endpoint } from 'payload'

import type { LocaleDefinition } from '../../../core/locales'
import { repoRoot } from '../lib/paths'

type Script = NonNullable<LocaleDefinition['script']>

/**
 * The site's fonts for the scripts a phone may lack (Arabic, Ethiopic), served by the CMS itself
 * for its no-JavaScript signup pages: the same files and ranges as site/src/layouts/BaseLayout.astro.
 */
const fonts: Record<Script, { family: string; local: string; file: string; unicodeRange: string }> = {
  arabic: {
    family: 'Noto Sans Arabic Variable',
    local: 'Noto Sans Arabic',
    file: '@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2',
    unicodeRange: 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
  },
  ethiopic: {
    family: 'Noto Sans Ethiopic Variable',
    local: 'Noto Sans Ethiopic',
    file: '@fontsource-variable/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-wght-normal.woff2',
    unicodeRange: 'U+030E,U+1200-1399,U+2D80-2DDE,U+AB01-AB2E',
  },
}
export const fontFamilies = Object.values(fonts).map(({ family }) => `"${family}"`)

/**
 * The font list of the CMS's own pages (the error page, the cancel page): the script fonts first.
 * Each is limited to its script by unicode-range, so Latin text still takes the system font; put
 * after `system-ui`, Chromium drew bold Ethiopic (the heading, the button) as boxes on a machine
 * without an Ethiopic font of its own.
 */
export const pageFontList = `${fontFamilies.join(',')},system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif`

const loaded = new Map<Script, { bytes: Buffer; name: string } | null>()
/** The font's bytes and its file name with a content hash (so it can be cached for a year). */
function load(script: Script) {
  if (!loaded.has(script)) {
    try {
      const bytes = fs.readFileSync(path.join(repoRoot, 'node_modules', fonts[script].file))
      const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12)
      loaded.set(script, { bytes, name: `${script}-${hash}.woff2` })
    } catch {
      // Without the package the page falls back to the phone's own fonts.
      loaded.set(script, null)
    }
  }
  return loaded.get(script)
}

/** The @font-face rule for a page in this script (local font first, the CMS's copy otherwise); the page is the CMS's own. */
export function fontFaceCss(script: Script | undefined): string {
  if (!script) return ''
  const font = load(script)
  if (!font) return ''
  const { family, local, unicodeRange } = fonts[script]
  return `@font-face{font-family:'${family}';font-style:normal;font-display:swap;font-weight:100 900;src:local('${local}'),url(/api/signups/fonts/${font.name}) format('woff2-variations'),url(/api/signups/fonts/${font.name}) format('woff2');unicode-range:${unicodeRange}}`
}

/** GET /api/signups/fonts/<script>-<hash>.woff2 */
export const fontEndpoint: Endpoint = {
  path: '/fonts/:file',
  method: 'get',
  handler: async (req) => {
    const file = String(req.routeParams?.file ?? '')
    const script = file.split('-')[0] as Script
    const font = Object.hasOwn(fonts, script) ? load(script) : undefined
    if (!font || font.name !== file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
    return new Response(new Uint8Array(font.bytes), {
      headers: { 'Content-Type': 'font/woff2', 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    })
  },
}
