import type { Loader } from 'astro/loaders'

import { fetchLocalized, fetchLocalizedGlobal, type PublicCollection, type PublicGlobal } from './localized'

/** Astro content-layer loader: one entry per document per locale, id `<locale>/<slug>`. */
export function collectionLoader(collection: PublicCollection): Loader {
  return {
    name: `payload:${collection}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      const entries = await fetchLocalized(collection)
      store.clear()
      for (const entry of entries) {
        const id = `${entry.locale}/${entry.slug}`
        const data = await parseData({ id, data: entry as unknown as Record<string, unknown> })
        store.set({ id, data, digest: generateDigest(data) })
      }
      logger.info(`${entries.length} entries (${collection})`)
    },
  }
}

/** A global (site settings, navigation) in every locale, id `<locale>`. */
export function globalLoader(slug: PublicGlobal): Loader {
  return {
    name: `payload:${slug}`,
    load: async ({ store, parseData, generateDigest }) => {
      const entries = await fetchLocalizedGlobal(slug)
      store.clear()
      for (const entry of entries) {
        const data = await parseData({ id: entry.locale, data: entry as unknown as Record<string, unknown> })
        store.set({ id: entry.locale, data, digest: generateDigest(data) })
      }
    },
  }
}
