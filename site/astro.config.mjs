// @ts-check
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import sitemap from '@astrojs/sitemap'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'astro/config'

import { sitePort, siteUrl } from '../core/defaults.ts'
import { defaultLocale, locales } from '../core/locales.ts'
import { contentStoreFromFile } from './src/lib/content-store-plugin.ts'
import { fontSubsets } from './src/lib/font-subsets.ts'
import { sitemapAlternates } from './src/lib/sitemap-alternates.ts'
import { serviceWorker } from './src/offline/service-worker-plugin.ts'
import { lazyChunksWithoutPreload } from './src/lib/lazy-chunks.ts'
import { saveMasks, startMaskBuild } from './src/lib/qr-masks.ts'
import { endLiveStore, sealLiveStore, startLiveStore } from './src/lib/live-store.ts'

// Where the content store is kept between builds (the release code keeps one beside each releases folder).
const cacheDir = process.env.SITE_CACHE_DIR ? path.resolve(process.env.SITE_CACHE_DIR) : fileURLToPath(new URL('./node_modules/.astro/', import.meta.url))
/** The build's output folder as Astro resolved it (set when the config is done, before any page is built). */
let builtPagesDir = ''
// `/` only redirects to a language; the sitemap lists the real pages, not the noindex ones, each
// with its language versions (sitemap-alternates.ts, in place of the plugin's `i18n`).
const alternates = sitemapAlternates(
  siteUrl(),
  locales.map((locale) => locale.code),
  defaultLocale,
  (page) => new URL(page).pathname !== '/' && !markedNoindex(new URL(page).pathname),
)

/**
 * Whether a built page tells robots not to index it (a 404 page, an ended event's page): such
 * pages stay out of the sitemap. The meta tag is near the top of <head> (BaseLayout), so the
 * first few kilobytes are read; the sitemap is made after the pages are written.
 * @param {string} pathname
 */
function markedNoindex(pathname) {
  let fd
  try {
    fd = fs.openSync(path.join(builtPagesDir, decodeURIComponent(pathname), 'index.html'), 'r')
    const head = Buffer.alloc(4096)
    const length = fs.readSync(fd, head, 0, head.length, 0)
    return /<meta name="robots" content="noindex"/.test(head.subarray(0, length).toString('utf8'))
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

export default defineConfig({
  site: siteUrl(),
  output: 'static',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir,
  trailingSlash: 'always',
  // Four pages in flight: while one page's file is written (in libuv's threads) the next is
  // rendered. One at a time, the 10× build sat idle about 100 s of its 8 minutes waiting for writes.
  build: { format: 'directory', concurrency: 4 },
  server: { port: sitePort(), host: true },
  i18n: {
    locales: locales.map((locale) => locale.code),
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    {
      name: 'drk-build-state',
      hooks: {
        'astro:config:done': ({ config }) => {
          builtPagesDir = fileURLToPath(config.outDir)
          alternates.reset()
          // The content sync comes next; its loaders hand their collections over (src/lib/live-store.ts).
          startLiveStore()
        },
        'astro:build:start': () => {
          sealLiveStore()
          // The posters' QR masks, remembered beside the content store (src/lib/qr-masks.ts).
          startMaskBuild(cacheDir)
        },
        'astro:build:done': () => {
          endLiveStore()
          saveMasks()
        },
      },
    },
    sitemap({ filter: alternates.filter, serialize: alternates.serialize }),
  ],
  vite: { plugins: [tailwindcss(), contentStoreFromFile(cacheDir), fontSubsets(cacheDir), serviceWorker(), lazyChunksWithoutPreload()] },
})
