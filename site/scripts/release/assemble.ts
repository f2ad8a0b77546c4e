import fs from 'node:fs'
import path from 'node:path'

import { mergeSitemaps } from './sitemap.ts'

/**
 * A partial build's release, assembled: the pages it rendered, every other file hard-linked from
 * the served release (same disk, no copying), except the pages that went away, and the two
 * sitemaps merged. The search index is made afresh afterwards, as for a full build.
 */

/** The output file of a page path recorded by lib/partial.ts (`da/x/` → `da/x/index.html`). */
export const outputFile = (file: string) => (file.endsWith('/') ? `${file}index.html` : file)

/** Hard-links into `dir` every file of `baseDir` that `dir` lacks, except the `gone` pages, the search index and the sitemaps. Returns how many. */
export function fillFrom(baseDir: string, dir: string, gone: string[]): number {
  const skip = new Set(gone.map(outputFile))
  let linked = 0
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(baseDir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name)
      if (relative === '' && (entry.name === 'pagefind' || /^sitemap.*\.xml$/.test(entry.name))) continue
      const target = path.join(dir, name)
      if (entry.isDirectory()) {
        fs.mkdirSync(target, { recursive: true })
        walk(name)
      } else if (!skip.has(name) && !fs.existsSync(target)) {
        fs.linkSync(path.join(baseDir, name), target)
        linked++
      }
    }
  }
  walk('')
  return linked
}

export interface PartialAssembly {
  /** The served release the build is completed from. */
  baseDir: string
  /** The partial build's output. */
  dir: string
  /** Pages that went away since the served release. */
  gone: string[]
  /** Pages never in the sitemap (a redirect page may now stand where a listed page was). */
  unlisted: string[]
  siteUrl: string
}

/** Completes a partial build into a whole release; returns how many files were kept from the served one. */
export function assemblePartial({ baseDir, dir, gone, unlisted, siteUrl }: PartialAssembly): { linked: number } {
  const linked = fillFrom(baseDir, dir, gone)
  mergeSitemaps(baseDir, dir, [...gone, ...unlisted], siteUrl)
  return { linked }
}
