import fs from 'node:fs'
import path from 'node:path'

import * as pagefind from 'pagefind'

import { locales } from '../../../core/locales.ts'

/**
 * Pagefind's search index of the built pages, written into <dir>/pagefind/. `meanwhile` runs
 * while Pagefind (a process of its own) reads the pages: the page and link checks, on the other core.
 */
export async function buildSearchIndex<T>(dir: string, meanwhile: () => T, log: (line: string) => void): Promise<T> {
  const { index, errors } = await pagefind.createIndex({})
  try {
    if (!index) throw new Error(errors.join('; '))
    // The language folders only: not the root redirect or the 404 page.
    const adding = index.addDirectory({ path: dir, glob: `{${locales.map(({ code }) => code).join(',')}}/**/*.html` })
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
