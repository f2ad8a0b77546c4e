// @ts-check
import sitemap from '@astrojs/sitemap'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'astro/config'

import { defaultLocale, locales } from '../content/locales.ts'

const sitePort = Number(process.env.SITE_PORT ?? 4321)

export default defineConfig({
  site: process.env.SITE_URL ?? `http://localhost:${sitePort}`,
  output: 'static',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // Where the content store is kept between builds (release.mjs keeps one beside each releases folder).
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port: sitePort, host: true },
  i18n: {
    locales: locales.map((locale) => locale.code),
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    sitemap({
      // `/` only redirects to a language; the sitemap lists the real pages.
      filter: (page) => new URL(page).pathname !== '/',
      i18n: { defaultLocale, locales: Object.fromEntries(locales.map((locale) => [locale.code, locale.code])) },
    }),
  ],
  vite: { plugins: [tailwindcss()] },
})
