import type { Loader, LoaderContext } from 'astro/loaders'

import { buildSettings, type ChangeRecord, writeChangeRecord } from '../../../../core/release'
import { beginCollection, keepCollection, type StoreEntry } from '../live-store'
import { cmsURL } from './client'
import { type DocumentStamp, fetchLocalized, fetchLocalizedGlobal, type PublicCollection, type PublicGlobal } from './localized'
import { omissionText, recordOmissions, showableStamps } from './shown'

/** Bump when what the loader stores changes shape, so the next build reloads everything (5: activities carry `previousDepartmentSlugs`, read by lib/redirects.ts). */
const storeVersion = '5'
/** Virtual fields that depend on the date (a listing's "not confirmed for 90 days") are refreshed by a full load at least this often. */
const fullLoadEveryMs = 20 * 60 * 60 * 1000
/** More changed documents than this: one full load is cheaper than a long `id in (...)` query. */
const maxIncremental = 200

interface SyncState {
  source: string
  version: string
  /** Each document's `updatedAt` at the last load, by ID. */
  stamps: Record<string, string>
  fullLoadAt: number
}

type Entry = { id: string | number; locale: string; slug?: string | null }

function readState(meta: LoaderContext['meta']): SyncState | undefined {
  const raw = meta.get('sync')
  if (!raw) return undefined
  try {
    return JSON.parse(raw) as SyncState
  } catch {
    return undefined
  }
}

/**
 * What this build's content sync changed, for the partial-build plan (`lib/partial.ts`): one
 * record per collection or global (core/release.ts), when the release code started the build.
 */
function recordChanges(source: string, record: Omit<ChangeRecord, 'source'>) {
  const settings = buildSettings()
  if (settings) writeChangeRecord(settings.changesDir, { source, ...record })
}

/** Why the whole collection must be loaded again, or null when only changes are needed. */
function fullLoadReason(state: SyncState | undefined, now: number): string | null {
  if (process.env.SITE_FULL_LOAD === '1') return 'SITE_FULL_LOAD=1'
  if (!state) return 'first build'
  if (state.source !== cmsURL) return 'another CMS'
  if (state.version !== storeVersion) return 'loader changed'
  if (now - state.fullLoadAt > fullLoadEveryMs) return 'daily full load'
  return null
}

/**
 * Keeps Astro from writing the whole content store while the loaders wait for the CMS.
 *
 * Astro writes the store 500 ms after its last change (a debounce that cannot be configured), and
 * the sync marks it changed before the loaders start (its own `meta.set`s): at 10× scale the timer
 * fired while the loaders waited for their first answer, and the store (42 MB) was written twice
 * per build, about 5 s each. Any change to the store restarts the timer, so each loader touches a
 * key of its own meta store while it works and deletes it when done; the sync's
 * `waitUntilSaveComplete` then writes the store once.
 */
export function holdStoreWrite(meta: LoaderContext['meta']): () => void {
  const hold = setInterval(() => meta.set('loading', '1'), 200)
  return () => {
    clearInterval(hold)
    meta.delete('loading')
  }
}

/**
 * Astro content-layer loader: one entry per document per locale, id `<locale>/<slug>`.
 *
 * Incremental between builds: Astro keeps the store on disk (in `cacheDir`), so after the first
 * build the loader asks the CMS only for each document's ID and `updatedAt`, reloads the
 * documents that changed (in every locale), and drops the ones that were unpublished or deleted.
 */
export function collectionLoader(collection: PublicCollection): Loader {
  return {
    name: `payload:${collection}`,
    load: async (context) => {
      const release = holdStoreWrite(context.meta)
      beginCollection(context.collection)
      try {
        await loadCollection(collection, context)
        keepCollection(context.collection, context.store.entries() as [string, StoreEntry][])
      } finally {
        release()
      }
    },
  }
}

async function loadCollection(collection: PublicCollection, { store, meta, parseData, generateDigest, logger }: LoaderContext) {
  const now = Date.now()
  const state = readState(meta)
  // Published documents that cannot be shown (their department is unpublished…) are treated as unpublished.
  const { stamps, omitted } = await showableStamps(collection)
  const shown = new Set(stamps.map((stamp) => String(stamp.id)))
  for (const omission of omitted) logger.warn(`Udeladt: ${omissionText(omission)}`)
  recordOmissions(collection, omitted)
  const reason = fullLoadReason(state, now)
  const changed = reason ? [] : stamps.filter((stamp) => state?.stamps[String(stamp.id)] !== stamp.updatedAt)
  const full = reason !== null || changed.length > maxIncremental

  const put = async (entry: Entry) => {
    const id = `${entry.locale}/${entry.slug}`
    const data = await parseData({ id, data: entry as unknown as Record<string, unknown> })
    store.set({ id, data, digest: generateDigest(data) })
  }

  if (full) {
    const entries = (await fetchLocalized(collection)).filter((entry) => shown.has(String(entry.id)))
    store.clear()
    for (const entry of entries) await put(entry as Entry)
    logger.info(`${entries.length} entries (${collection}, full load: ${reason ?? `${changed.length} changed`})`)
    recordChanges(collection, { full: true, reason: reason ?? `${changed.length} changed`, changed: [], removed: [] })
  } else {
    const published = new Set(stamps.map((stamp) => String(stamp.id)))
    const reload = new Set(changed.map((stamp) => String(stamp.id)))
    // Drop every entry of a changed document (its slug may have changed) and of a gone one.
    const removed = new Set<string>()
    const before = new Map<string, Record<string, unknown>>()
    for (const [key, value] of store.entries()) {
      const documentId = String((value.data as { id: string | number }).id)
      if (!before.has(documentId) && (reload.has(documentId) || !published.has(documentId))) before.set(documentId, value.data)
      if (reload.has(documentId) || !published.has(documentId)) {
        store.delete(key)
        if (!reload.has(documentId)) removed.add(documentId)
      }
    }
    const entries = changed.length ? await fetchLocalized(collection, { ids: changed.map((stamp) => stamp.id) }) : []
    for (const entry of entries) await put(entry as Entry)
    logger.info(`${collection}: ${changed.length} changed, ${removed.size} removed, ${stamps.length - changed.length} unchanged`)
    recordChanges(collection, {
      full: false,
      changed: [...reload].map((id) => ({ id, before: before.get(id) })),
      removed: [...removed].map((id) => ({ id, before: before.get(id) })),
    })
  }

  const next: SyncState = {
    source: cmsURL,
    version: storeVersion,
    stamps: Object.fromEntries(stamps.map((stamp: DocumentStamp) => [String(stamp.id), stamp.updatedAt])),
    fullLoadAt: full ? now : (state?.fullLoadAt ?? now),
  }
  meta.set('sync', JSON.stringify(next))
}

/** A global (site settings, navigation) in every locale, id `<locale>`: small, always reloaded. */
export function globalLoader(slug: PublicGlobal): Loader {
  return {
    name: `payload:${slug}`,
    load: async ({ store, meta, parseData, generateDigest, collection }) => {
      const release = holdStoreWrite(meta)
      beginCollection(collection)
      try {
        await loadGlobal(slug, { store, parseData, generateDigest })
        keepCollection(collection, store.entries() as [string, StoreEntry][])
      } finally {
        release()
      }
    },
  }
}

async function loadGlobal(slug: PublicGlobal, { store, parseData, generateDigest }: Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'>) {
  const entries = await fetchLocalizedGlobal(slug)
  const previous = new Map([...store.entries()].map(([id, entry]) => [id, entry.digest]))
  store.clear()
  let changed = previous.size !== entries.length
  for (const entry of entries) {
    const data = await parseData({ id: entry.locale, data: entry as unknown as Record<string, unknown> })
    const digest = generateDigest(data)
    if (previous.get(entry.locale) !== digest) changed = true
    store.set({ id: entry.locale, data, digest })
  }
  // A global shows on every page: any change means a full build.
  recordChanges(slug, { full: changed, reason: changed ? `${slug} changed` : undefined, changed: [], removed: [] })
}
