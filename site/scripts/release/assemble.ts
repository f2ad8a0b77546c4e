import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import { fileIdentity } from './file-identity.ts'
import { removeInBackground } from './remove.ts'
import { mergeSitemaps } from './sitemap.ts'

/**
 * A partial build's release, assembled: the pages it rendered, every other file hard-linked from
 * the served release (same disk, no copying), except the pages that went away, and the two
 * sitemaps merged. The search index of the pages changed since the full build is made afterwards (search-index.ts).
 */

/** The output file of a page path recorded by lib/partial.ts (`da/x/` → `da/x/index.html`). */
export const outputFile = (file: string) => (file.endsWith('/') ? `${file}index.html` : file)

/** The pages a partial build rendered (output files, `da/x/index.html`), before it is completed from the served release. */
export function renderedPages(dir: string): string[] {
  const pages: string[] = []
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(name)
      else if (entry.name.endsWith('.html')) pages.push(name)
    }
  }
  walk('')
  return pages
}

/**
 * What a partial build's release holds, as its assembly made it: every file and folder (relative
 * paths), and its pages with their file identities where known (a page linked from the served
 * release has the served file's identity; a rendered one is undefined). The release check takes
 * it instead of walking the release again (validate.ts): at 10× scale that walk and the pages'
 * identities were 6.5 s of each partial build.
 */
export interface ReleaseFiles {
  present: Set<string>
  pages: Map<string, string | undefined>
}

/** What fillFrom made, as lists (they cross from the linking thread). */
export interface LinkedFiles {
  linked: number
  paths: string[]
  pages: [string, string][]
}

/**
 * Hard-links into `dir` every file of `baseDir` that `dir` lacks, except the `gone` pages, the
 * sitemaps and the search index of the pages changed since the full build (`pagefind-delta`, made
 * anew); the full build's index (`pagefind`) is kept. Returns how many, and what it made.
 */
export function fillFrom(baseDir: string, dir: string, gone: string[]): LinkedFiles {
  const skip = new Set(gone.map(outputFile))
  const made: LinkedFiles = { linked: 0, paths: [], pages: [] }
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(baseDir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name
      if (relative === '' && (entry.name === 'pagefind-delta' || /^sitemap.*\.xml$/.test(entry.name))) continue
      const target = path.join(dir, name)
      if (entry.isDirectory()) {
        fs.mkdirSync(target, { recursive: true })
        made.paths.push(name)
        walk(name)
      } else if (!skip.has(name) && !fs.existsSync(target)) {
        const source = path.join(baseDir, name)
        fs.linkSync(source, target)
        made.linked++
        made.paths.push(name)
        // A hard link is the same file: its identity is the served file's.
        if (entry.name.endsWith('.html')) made.pages.push([name, fileIdentity(source)])
      }
    }
  }
  walk('')
  return made
}

/** Served files being hard-linked into a folder of their own (startLinking). */
export interface Linking {
  dir: string
  /** What was linked, once all are (see fillFrom). */
  done: Promise<LinkedFiles>
  /** Stops and removes the folder (a build that renders every page after all). */
  discard: () => void
}

/**
 * Starts hard-linking every file of the served release (see fillFrom) into `linkedDir`, in a
 * thread of its own, while Astro renders the changed pages: at 10× scale that is 215,000 links
 * and 15 s, which no longer wait for the rendering nor it for them.
 */
export function startLinking(baseDir: string, linkingDir: string): Linking {
  // A folder of its own: one a discarded linking leaves is removed in the background (and by prune, should the process stop).
  const linkedDir = `${linkingDir}-${process.pid}-${Date.now()}`
  fs.mkdirSync(linkedDir, { recursive: true })
  const worker = new Worker(new URL('./link-thread.ts', import.meta.url), { workerData: { baseDir, linkedDir } })
  const done = new Promise<LinkedFiles>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`Linking the served release's files stopped (exit code ${code})`)))
  })
  // A discarded or failed linking is never waited for.
  done.catch(() => undefined)
  return {
    dir: linkedDir,
    done,
    discard: () => {
      void worker.terminate().then(() => removeInBackground([linkedDir]))
    },
  }
}

/**
 * Completes the rendered files in `dir` with the linked ones: each rendered file is moved over
 * its link (a rename: the served file is not touched), the pages that went away are removed,
 * and the linked folder becomes `dir`. Returns how many served files were kept, and what the
 * release then holds.
 */
async function overlay(dir: string, linking: Linking, gone: string[]): Promise<{ linked: number; files: ReleaseFiles }> {
  const made = await linking.done
  let kept = made.linked
  const present = new Set(made.paths)
  const pages = new Map<string, string | undefined>(made.pages)
  const move = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name
      present.add(name)
      // The served sitemaps and changed pages' search index are not kept (see fillFrom): only the rendered ones are moved.
      if (entry.isDirectory()) {
        fs.mkdirSync(path.join(linking.dir, name), { recursive: true })
        move(name)
      } else {
        const target = path.join(linking.dir, name)
        if (fs.existsSync(target)) kept--
        fs.renameSync(path.join(dir, name), target)
        // Rendered: a new file, whose identity the check finds.
        if (entry.name.endsWith('.html')) pages.set(name, undefined)
      }
    }
  }
  move('')
  for (const file of new Set(gone.map(outputFile))) {
    const target = path.join(linking.dir, file)
    if (fs.existsSync(target)) {
      fs.rmSync(target)
      present.delete(file)
      pages.delete(file)
      kept--
    }
  }
  fs.rmSync(dir, { recursive: true, force: true })
  fs.renameSync(linking.dir, dir)
  return { linked: kept, files: { present, pages } }
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
  /** The served files, linked while the pages rendered (else they are linked now). */
  linking?: Linking
}

/**
 * Completes a partial build into a whole release; returns how many files were kept from the
 * served one, and (when they were linked while it rendered) what the release holds, for the release check.
 */
export async function assemblePartial({ baseDir, dir, gone, unlisted, siteUrl, linking }: PartialAssembly): Promise<{ linked: number; files?: ReleaseFiles }> {
  const assembled: { linked: number; files?: ReleaseFiles } = linking ? await overlay(dir, linking, gone) : { linked: fillFrom(baseDir, dir, gone).linked }
  mergeSitemaps(baseDir, dir, [...gone, ...unlisted], siteUrl)
  // The merged sitemaps, in place of the rendered ones.
  if (assembled.files) {
    for (const name of assembled.files.present) if (/^sitemap[^/]*\.xml$/.test(name)) assembled.files.present.delete(name)
    for (const name of fs.readdirSync(dir)) assembled.files.present.add(name)
  }
  return assembled
}
