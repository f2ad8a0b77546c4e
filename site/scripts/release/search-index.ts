import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import * as pagefind from 'pagefind'

import { localeCodes as localeCodeList, locales } from '../../../core/locales.ts'
import { fileIdentity } from './file-identity.ts'

const localeCodes = new Set<string>(localeCodeList)

/**
 * Sections whose pages are never searchable (they carry no data-pagefind-body), so Pagefind need
 * not read them: the posters are over a third of the pages at 10× scale.
 */
const unsearchedSections = new Set(['plakat'])

/** The pages Pagefind reads: the language folders only (not the root redirect or the 404 page), without the unsearched sections. */
export function searchGlob(dir: string): string {
  const codes = locales.map(({ code }) => code)
  const sections = new Set<string>()
  for (const code of codes) {
    const folder = path.join(dir, code)
    if (!fs.existsSync(folder)) continue
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory() && !unsearchedSections.has(entry.name)) sections.add(entry.name)
  }
  const languages = `{${codes.join(',')}}`
  return sections.size ? `${languages}/{*.html,{${[...sections].sort().join(',')}}/**/*.html}` : `${languages}/*.html`
}

/** Whether Pagefind reads this page (an output file, `da/x/index.html`): as searchGlob chooses. */
export function isSearched(file: string): boolean {
  const [lang, section, ...rest] = file.split('/')
  if (!lang || !localeCodes.has(lang) || !file.endsWith('.html')) return false
  return rest.length === 0 ? true : !unsearchedSections.has(section!)
}

/**
 * Pagefind's search index of the built pages, written into <dir>/pagefind/. `meanwhile` runs
 * while Pagefind (a process of its own) reads the pages: the page and link checks, on the other core.
 */
export async function buildSearchIndex<T>(dir: string, meanwhile: () => T, log: (line: string) => void): Promise<T> {
  const { index, errors } = await pagefind.createIndex({})
  try {
    if (!index) throw new Error(errors.join('; '))
    const adding = index.addDirectory({ path: dir, glob: searchGlob(dir) })
    const result = meanwhile()
    const added = await adding
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
    const problems = [...added.errors, ...written.errors]
    if (problems.length) throw new Error(`Søgeindekset kunne ikke laves: ${problems.join('; ')}`)
    // No pages changed since: the search page asks, and is told so (rather than by a 404 in the reader's console).
    fs.mkdirSync(path.join(dir, deltaFolder), { recursive: true })
    fs.writeFileSync(path.join(dir, deltaFolder, 'changes.json'), '{}')
    log(`Search index: ${added.page_count} pages`)
    return result
  } finally {
    await pagefind.close()
  }
}

/** Pagefind wrote one index per language (split by <html lang>). */
export function searchIndexProblems(dir: string): string[] {
  const entry = path.join(dir, 'pagefind', 'pagefind-entry.json')
  const indexed = fs.existsSync(entry) ? Object.keys((JSON.parse(fs.readFileSync(entry, 'utf8')) as { languages?: Record<string, unknown> }).languages ?? {}) : []
  return locales.filter(({ code }) => !indexed.includes(code)).map(({ code }) => `the search index for ${code} is missing`)
}

/**
 * A partial build's search index. Pagefind cannot change one page of an index it wrote, and
 * indexing every page again takes minutes at 10× scale. So a release's search is the last full
 * build's index (`pagefind/`, kept as it was) plus a small index of the pages rendered since
 * (`pagefind-delta/`), merged by the search page (components/SearchResults.astro), which leaves
 * out the base index's entries for those pages (`pagefind-delta/changes.json`, by Pagefind's page
 * ids). The first build of each day renders every page and folds it all back into one index.
 */
export const deltaFolder = 'pagefind-delta'

/** What a partial build's search needs of the builds before it; kept with the release's record (.info/<release>/search.json), never served. */
export interface SearchState {
  /** Pages rendered or gone since the full build whose index is `pagefind/` (output files: `da/x/index.html`). */
  touched: string[]
}

/** Beyond this many pages changed since the full build, a partial build indexes every page again (a delta that size is no longer small). */
export const maxDeltaPages = 5000

/** What the search page reads: per language, whether the delta has an index for it, and the base index's page ids to leave out. */
export type DeltaChanges = Record<string, { indexed: boolean; drop: string[] }>

/** A fragment: gzip of "pagefind_dcd" and the JSON of one page (its URL first), or of a group of pages by id. */
const urlInHead = /^pagefind_dcd\{"url":"((?:[^"\\]|\\.)*)"/

/** The URL of one page's fragment from its first bytes (the whole index's fragments are 185 MB at 10× scale), or undefined when they do not hold it. */
function urlFromHead(file: string): string | undefined {
  const fd = fs.openSync(file, 'r')
  try {
    const head = Buffer.alloc(1024)
    const length = fs.readSync(fd, head, 0, head.length, 0)
    // What the first bytes decode to: a truncated gzip stream, read as far as it goes.
    const text = zlib.gunzipSync(head.subarray(0, length), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8')
    const found = urlInHead.exec(text)
    return found ? (JSON.parse(`"${found[1]}"`) as string) : undefined
  } catch {
    return undefined
  } finally {
    fs.closeSync(fd)
  }
}

/** Pagefind's page ids of an index folder, by page URL (its fragments name them: `da_1a2b3c4`). */
export function indexedPageIds(indexDir: string): Map<string, string> {
  const ids = new Map<string, string>()
  const folder = path.join(indexDir, 'fragment')
  if (!fs.existsSync(folder)) return ids
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith('.pf_fragment')) continue
    const file = path.join(folder, name)
    const url = urlFromHead(file)
    if (url !== undefined) {
      ids.set(url, name.slice(0, -'.pf_fragment'.length))
      continue
    }
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')
    const json = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string } | Record<string, { url: string }>
    if (typeof json.url === 'string') ids.set(json.url, name.slice(0, -'.pf_fragment'.length))
    else for (const [id, fragment] of Object.entries(json as Record<string, { url: string }>)) ids.set(fragment.url, id)
  }
  return ids
}

/** The full index's ids by URL and its URLs by id, per index folder (the full build's `pagefind/`, hard-linked into each partial release: the same inode). */
let baseIdsRead: { key: string; ids: Map<string, string>; urls: Map<string, string> } | undefined
function baseIds(indexDir: string): { ids: Map<string, string>; urls: Map<string, string> } {
  const key = fileIdentity(path.join(indexDir, 'pagefind-entry.json'))
  if (baseIdsRead?.key !== key) {
    const ids = indexedPageIds(indexDir)
    baseIdsRead = { key, ids, urls: new Map([...ids].map(([url, id]) => [id, url])) }
  }
  return baseIdsRead
}

/** The URL Pagefind gives an output file (`da/x/index.html` → `/da/x/`). */
const pageUrl = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`

export interface DeltaIndex {
  /** The release being built: the base index already in `pagefind/`, the rendered and kept pages in place. */
  dir: string
  /** The served release's search state (empty after a full build). */
  before: SearchState
  /** Output files this build rendered, and pages that went away. */
  rendered: string[]
  gone: string[]
  log: (line: string) => void
}

/**
 * Writes `pagefind-delta/` for a partial build: an index of every searchable page rendered since
 * the full build (this build's and the earlier partial builds', whose files are current), and the
 * base ids they replace. Returns the new search state, with `meanwhile`'s result.
 */
export async function buildDeltaIndex<T>({ dir, before, rendered, gone, log }: DeltaIndex, meanwhile: () => T): Promise<{ state: SearchState; result: T }> {
  const touched = [...new Set([...before.touched, ...rendered, ...gone])].sort()
  const { index, errors } = await pagefind.createIndex({})
  let result: T
  try {
    if (!index) throw new Error(errors.join('; '))
    const pages = touched.filter((file) => isSearched(file) && fs.existsSync(path.join(dir, file)))
    // Sent in batches (Pagefind reads them in its own process); the first batch is read while `meanwhile` runs.
    let added = 0
    const problems: string[] = []
    const send = (files: string[]) =>
      files.flatMap((file) => {
        const content = fs.readFileSync(path.join(dir, file), 'utf8')
        // Only pages marked for search: with none marked, Pagefind would read whole pages.
        if (!content.includes('data-pagefind-body')) return []
        added++
        return [index.addHTMLFile({ sourcePath: file, content }).then((response) => problems.push(...response.errors))]
      })
    const batch = 200
    const first = Promise.all(send(pages.slice(0, batch)))
    result = meanwhile()
    await first
    for (let start = batch; start < pages.length; start += batch) await Promise.all(send(pages.slice(start, start + batch)))
    const output = path.join(dir, deltaFolder)
    const written = added ? await index.writeFiles({ outputPath: output }) : { errors: [] }
    if (problems.length || written.errors.length) throw new Error(`Søgeindekset kunne ikke laves: ${[...problems, ...written.errors].join('; ')}`)
    const deltaIds = indexedPageIds(output)
    const base = baseIds(path.join(dir, 'pagefind'))
    // Pagefind's ids are short (7 hex digits) and unique only within one index: the search page
    // tells pages apart by id, so an id the full index gives another page means one index for this build.
    for (const [url, id] of deltaIds) {
      const owner = base.urls.get(id)
      if (owner !== undefined && owner !== url) throw new Error(`${url} has the id (${id}) that ${owner} has in the full index`)
    }
    const changes: DeltaChanges = {}
    for (const { code } of locales) changes[code] = { indexed: false, drop: [] }
    for (const id of deltaIds.values()) {
      const language = changes[id.split('_')[0]!]
      if (language) language.indexed = true
    }
    for (const file of touched) {
      const url = pageUrl(file)
      const id = base.ids.get(url)
      // A page whose text did not change has the same id in both: it stays, once.
      if (id && deltaIds.get(url) !== id) changes[id.split('_')[0]!]?.drop.push(id)
    }
    for (const language of Object.values(changes)) language.drop.sort()
    fs.mkdirSync(output, { recursive: true })
    fs.writeFileSync(path.join(output, 'changes.json'), JSON.stringify(changes))
    log(`Search index: ${added} pages changed since the full build, in ${deltaFolder}/`)
  } finally {
    await pagefind.close()
  }
  return { state: { touched }, result }
}

/** A release's search state, or undefined when it has none that can be read. */
export const readSearchState = (infoDir: string): SearchState | undefined => {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(infoDir, 'search.json'), 'utf8')) as Partial<SearchState>
    return Array.isArray(state.touched) && state.touched.every((file) => typeof file === 'string') ? { touched: state.touched } : undefined
  } catch {
    return undefined
  }
}
