import fs from 'node:fs'
import path from 'node:path'

import * as pagefind from 'pagefind'

import { locales } from '../../../core/locales.ts'

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
