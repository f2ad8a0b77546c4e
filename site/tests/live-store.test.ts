import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import { holdStoreWrite } from '../src/lib/cms/loader'
import { storeTexts } from '../src/lib/font-subsets'
import {
  beginCollection,
  charactersByLocale,
  endLiveStore,
  keepCollection,
  liveStore,
  liveStoreModule,
  sealLiveStore,
  startLiveStore,
  type StoreEntry,
} from '../src/lib/live-store'

const require = createRequire(import.meta.url)
/** Astro's own store class (not among its package's exports: imported by its file). */
const astroFile = (file: string) => pathToFileURL(path.join(path.dirname(require.resolve('astro/package.json')), file)).href

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-live-store-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  endLiveStore()
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const entry = (id: string, locale: string, title: string, digest = `${id}:${title}`): [string, StoreEntry] => [id, { id, data: { locale, title }, digest }]
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the content store in memory', () => {
  it('is sealed only when every loader that started handed its collection over, sorted as the file is', () => {
    startLiveStore()
    beginCollection('events')
    beginCollection('activities')
    keepCollection('events', [entry('da/b', 'da', 'B'), entry('da/a', 'da', 'A')])
    sealLiveStore()
    expect(liveStore()).toBeUndefined()

    startLiveStore()
    beginCollection('events')
    beginCollection('activities')
    keepCollection('events', [entry('da/b', 'da', 'B'), entry('ar/a', 'ar', 'A'), entry('da/a', 'da', 'A')])
    keepCollection('activities', [entry('da/x', 'da', 'X')])
    // A collection no loader started on is not taken.
    keepCollection('pages', [entry('da/p', 'da', 'P')])
    sealLiveStore()
    const live = liveStore()
    expect([...live!.collections.keys()]).toEqual(['activities', 'events'])
    expect([...live!.collections.get('events')!.keys()]).toEqual(['ar/a', 'da/a', 'da/b'])

    // Sealed: a late loader changes nothing; the build's end drops it.
    keepCollection('activities', [])
    expect(liveStore()!.collections.get('activities')!.size).toBe(1)
    endLiveStore()
    expect(liveStore()).toBeUndefined()
  })

  it('is what the bundle’s content module gives when it is this build’s, else the store’s file', async () => {
    const dir = tempDir()
    const storeFile = path.join(dir, 'data-store.json')
    fs.writeFileSync(storeFile, JSON.stringify([1, 'from the file']))
    startLiveStore()
    beginCollection('events')
    keepCollection('events', [entry('da/a', 'da', 'A')])
    sealLiveStore()
    const token = liveStore()!.token
    let n = 0
    const load = async (source: string) => {
      const file = path.join(dir, `module-${n++}.mjs`)
      fs.writeFileSync(file, source)
      return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown }).default
    }
    expect(await load(liveStoreModule(token, storeFile))).toBe(liveStore()!.collections)
    // An earlier build's bundle, or no store in memory: the file.
    expect(await load(liveStoreModule('another build', storeFile))).toEqual([1, 'from the file'])
    endLiveStore()
    expect(await load(liveStoreModule(token, storeFile))).toEqual([1, 'from the file'])
    expect(await load(liveStoreModule(token, path.join(dir, 'none.json')))).toEqual(new Map())
  })

  it('gives the font subsets the same characters as the store’s file, walking only changed entries again', async () => {
    const dir = tempDir()
    const storeFile = path.join(dir, 'data-store.json')
    const devalue = createRequire(require.resolve('astro/package.json'))('devalue') as typeof import('devalue')
    const events = new Map([entry('ar/a', 'ar', 'مرحبا'), entry('da/a', 'da', 'Hej æø'), entry('ti/a', 'ti', 'ሰላም')])
    fs.writeFileSync(storeFile, devalue.stringify(new Map([['events', events]])))
    const fromFile = (await storeTexts(storeFile, 'ar')).join('')

    startLiveStore()
    beginCollection('events')
    keepCollection('events', events)
    sealLiveStore()
    const fromMemory = (await storeTexts(storeFile, 'ar')).join('')
    expect(new Set(fromMemory)).toEqual(new Set(fromFile))
    // Every string of the Arabic entries (its locale's code among them), none of the others'.
    expect(new Set(fromMemory)).toEqual(new Set('arمرحبا'))

    // The same digest: not walked again (a data object that counts its reads).
    let reads = 0
    const counted = (title: string, digest: string): [string, StoreEntry] => [
      'ar/b',
      {
        id: 'ar/b',
        digest,
        get data() {
          reads++
          return { locale: 'ar', title }
        },
      },
    ]
    charactersByLocale(new Map([['events', new Map([counted('سلام', 'one')])]]))
    const readsFirst = reads
    expect(readsFirst).toBeGreaterThan(0)
    expect(charactersByLocale(new Map([['events', new Map([counted('سلام', 'one')])]])).get('ar')).toEqual([[...new Set('arسلام')].join('')])
    expect(reads).toBe(readsFirst)
    // A new digest: walked, and its new characters are there.
    expect(charactersByLocale(new Map([['events', new Map([counted('شكرا', 'two')])]])).get('ar')).toEqual([[...new Set('arشكرا')].join('')])
    expect(reads).toBeGreaterThan(readsFirst)
  })
})

describe('Astro’s store while the loaders wait for the CMS', () => {
  it('is written once, after the loaders, however long they wait', async () => {
    const { MutableDataStore } = (await import(/* @vite-ignore */ astroFile('dist/content/mutable-data-store.js'))) as {
      MutableDataStore: { fromFile(file: URL): Promise<{ metaStore(name?: string): Parameters<typeof holdStoreWrite>[0]; waitUntilSaveComplete(): Promise<void> }> }
    }
    const dir = tempDir()
    const storeFile = path.join(dir, 'data-store.json')
    const store = await MutableDataStore.fromFile(pathToFileURL(storeFile))
    const writes = () => (fs.existsSync(storeFile) ? fs.statSync(storeFile).mtimeMs : 0)

    // Without holding: Astro's own change at the start of a sync is written 500 ms later, while a loader still waits.
    store.metaStore().set('astro-version', 'x')
    await sleep(900)
    expect(fs.existsSync(storeFile)).toBe(true)
    fs.rmSync(storeFile)

    // Held: nothing is written while the loader waits, and its change is written once, at the sync's end.
    store.metaStore().set('astro-version', 'y')
    const release = holdStoreWrite(store.metaStore('events'))
    await sleep(1200)
    expect(fs.existsSync(storeFile)).toBe(false)
    store.metaStore('events').set('sync', 'done')
    release()
    await store.waitUntilSaveComplete()
    const written = writes()
    expect(written).toBeGreaterThan(0)
    const saved = fs.readFileSync(storeFile, 'utf8')
    expect(saved).toContain('done')
    expect(saved).not.toContain('loading')
    await sleep(700)
    expect(writes()).toBe(written)
  })
})
