// @ts-check
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import sitemap from '@astrojs/sitemap'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'astro/config'

import { defaultLocale, locales } from '../content/locales.ts'
import { contentStoreFromFile } from './src/lib/content-store-plugin.ts'

const sitePort = Number(process.env.SITE_PORT ?? 4321)
// Where the content store is kept between builds (release.mjs keeps one beside each releases folder).
const cacheDir = process.env.SITE_CACHE_DIR ? path.resolve(process.env.SITE_CACHE_DIR) : fileURLToPath(new URL('./node_modules/.astro/', import.meta.url))

export default defineConfig({
  site: process.env.SITE_URL ?? `http://localhost:${sitePort}`,
  output: 'static',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir,
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
  vite: { plugins: [tailwindcss(), contentStoreFromFile(cacheDir)] },
})
