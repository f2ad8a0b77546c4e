/**
 * The content store of the build in progress, as the loaders left it in memory.
 *
 * Astro syncs the content (lib/cms/loader.ts), writes the whole store to its file
 * (`<cacheDir>/data-store.json`), and then the bundle and the font subsets read that file back:
 * at 10× scale 42 MB of devalue, about 3 s to parse and hydrate for each of them. In the same
 * process the objects are still there: each loader hands its collection over when it is done
 * (keepCollection), astro.config.mjs opens the record when the build's config is done
 * (startLiveStore) and seals it when the sync is over (sealLiveStore), and lib/content-store-plugin.ts
 * and lib/font-subsets.ts use it only when it is sealed and is this build's. Anything else (a
 * loader that did not finish, `astro sync`, the unit tests) falls back to the file.
 *
 * Kept on `globalThis`: astro.config.mjs, the content config and the bundle are each their own
 * module instances (Vite's module runner, the worker's fresh bundle per build).
 */
import type { LocaleCode } from '../../../core/locales'

/** An entry as Astro keeps it: `{ id, data, digest, … }`. */
export interface StoreEntry {
  id: string
  data: Record<string, unknown>
  digest?: string | number
}

export type Collections = Map<string, Map<string, StoreEntry>>

interface LiveStore {
  /** Which build this is: the bundle names it, so a later build never takes an earlier one's store. */
  token: string
  begun: Set<string>
  collections: Collections
  sealed: boolean
}

const slot = Symbol.for('drk.liveStore')
const textSlot = Symbol.for('drk.liveStoreTexts')
type WithLiveStore = typeof globalThis & { [slot]?: LiveStore; [textSlot]?: Map<string, EntryCharacters> }

const global = () => globalThis as WithLiveStore

/** A build's config is done: a new, empty record (astro.config.mjs, `astro:config:done`). */
export function startLiveStore(): void {
  global()[slot] = { token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`, begun: new Set(), collections: new Map(), sealed: false }
}

/** A loader started on `collection`: until it hands it over, the record cannot be sealed. */
export function beginCollection(collection: string): void {
  const live = global()[slot]
  if (live && !live.sealed) live.begun.add(collection)
}

/**
 * A loader is done: its collection as the store holds it, in the order the store's file has it
 * (Astro's writer sorts each collection's entries by ID with `localeCompare`), so what the pages
 * get from memory is what they would get from the file, in the same order.
 */
export function keepCollection(collection: string, entries: Iterable<[string, StoreEntry]>): void {
  const live = global()[slot]
  if (!live || live.sealed || !live.begun.has(collection)) return
  live.collections.set(collection, new Map([...entries].sort(([a], [b]) => a.localeCompare(b))))
}

/**
 * The sync is over (`astro:build:start`): sealed when every loader that started handed its
 * collection over. Collections in name order, as in the file.
 */
export function sealLiveStore(): void {
  const live = global()[slot]
  if (!live || live.sealed) return
  if (live.begun.size === 0 || [...live.begun].some((name) => !live.collections.has(name))) {
    global()[slot] = undefined
    return
  }
  live.collections = new Map([...live.collections].sort(([a], [b]) => a.localeCompare(b)))
  live.sealed = true
}

/** The build is over (`astro:build:done`): the worker does not keep its store until the next one. */
export function endLiveStore(): void {
  global()[slot] = undefined
}

/** This build's sealed store, or undefined (then the file is read). */
export function liveStore(): { token: string; collections: Collections } | undefined {
  const live = global()[slot]
  return live?.sealed ? { token: live.token, collections: live.collections } : undefined
}

/**
 * The source of `astro:data-layer-content` when this build's store is in memory: the module takes
 * it if it is still the same build's when the bundle runs (Astro's runtime accepts a Map as the
 * module's default), else reads the file.
 */
export function liveStoreModule(token: string, storeFile: string): string {
  return [
    `import { existsSync, readFileSync } from 'node:fs'`,
    `const live = globalThis[Symbol.for('drk.liveStore')]`,
    `const file = ${JSON.stringify(storeFile)}`,
    `export default live?.sealed && live.token === ${JSON.stringify(token)} ? live.collections : existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map()`,
  ].join('\n')
}

interface EntryCharacters {
  digest: string | number | undefined
  locale: string | undefined
  /** The distinct characters of every string in the entry's data. */
  characters: string
}

/** Every string in a value (a document's data: titles, rich text's nodes, …), depth first. */
export function collectStrings(value: unknown, into: string[]) {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into)
  else if (value instanceof Map) for (const item of value.values()) collectStrings(item, into)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into)
}

/**
 * The characters of each locale's entries in a store, one string per entry (its distinct
 * characters). An entry whose digest is unchanged since the last call in this process is not
 * walked again: after an edit the warm worker walks only the changed documents.
 */
export function charactersByLocale(collections: Collections): Map<LocaleCode | string, string[]> {
  const previous = global()[textSlot] ?? new Map<string, EntryCharacters>()
  const next = new Map<string, EntryCharacters>()
  const byLocale = new Map<string, string[]>()
  for (const [name, entries] of collections) {
    for (const [id, entry] of entries) {
      const key = `${name}\0${id}`
      let known = previous.get(key)
      if (!known || known.digest === undefined || known.digest !== entry.digest) {
        const locale = typeof entry?.data?.locale === 'string' ? entry.data.locale : undefined
        const texts: string[] = []
        if (locale) collectStrings(entry.data, texts)
        known = { digest: entry?.digest, locale, characters: [...new Set(texts.join(''))].join('') }
      }
      next.set(key, known)
      if (!known.locale) continue
      let list = byLocale.get(known.locale)
      if (!list) byLocale.set(known.locale, (list = []))
      list.push(known.characters)
    }
  }
  global()[textSlot] = next
  return byLocale
}
