import type { APIRoute } from 'astro'

import { getLocale } from '../../i18n'
import { siteSettings } from '../../lib/data'
import { localeUrl } from '../../lib/paths'
import { localeStaticPaths } from '../../lib/static-paths'

// Once per language, rendered by every build.
export const getStaticPaths = localeStaticPaths

/**
 * The web app manifest in the reader's language: installed from an Arabic page, the app opens on
 * the Arabic front page with its Arabic name. One app across languages (`scope` is the whole site).
 */
export const GET: APIRoute = async ({ locals }) => {
  const { lang, t } = locals
  const settings = await siteSettings(lang)
  const manifest = {
    id: localeUrl(lang, ''),
    name: settings.siteName,
    short_name: t('app.shortName'),
    lang,
    dir: getLocale(lang).dir,
    start_url: localeUrl(lang, ''),
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#b5121b',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } })
}
