import path from 'node:path'

import type { Plugin } from 'vite'

import { liveStore, liveStoreModule } from './live-store'

const resolvedId = '\0astro:data-layer-content'

/**
 * In a build, Astro turns the whole content store (every document in every language) into one
 * JavaScript object literal that Rollup then parses and tree-shakes: the largest part of bundling,
 * and it grows with the content (about 0.7 MB at real scale, ten times that at 10×). Nothing in it
 * can be shaken off, and a static build runs the bundle only here, right after bundling, so the
 * bundle takes the store the sync left in memory (lib/live-store.ts), or reads the store's own
 * file when there is none: the same data (devalue's flat form, which Astro unflattens), without the parse.
 */
export function contentStoreFromFile(cacheDir: string): Plugin {
  const storeFile = path.join(cacheDir, 'data-store.json')
  return {
    name: 'drk:content-store-from-file',
    apply: 'build',
    enforce: 'pre',
    load: {
      // Before Astro's own loader of this module (its plugin is also `enforce: 'pre'`).
      order: 'pre',
      handler(id) {
        if (id !== resolvedId) return undefined
        // This build's store, still in memory after the sync (lib/live-store.ts), else its file.
        return liveStoreModule(liveStore()?.token ?? 'none', storeFile)
      },
    },
  }
}
