import fs from 'node:fs'
import path from 'node:path'

import { searchIndexProblems } from './search-index.ts'
import { notePageHashes, replaceFile } from './serving-files.ts'
import { sitemapFileLocs } from './sitemap.ts'
import type { ReleaseFiles } from './assemble.ts'
import { fileIdentity } from './file-identity.ts'

export interface Validation {
  /** Why this build must not be served; empty when it may. */
  problems: string[]
  /** HTML files in the build. */
  pages: number
  /** Links an editor wrote to a page that is not published, now shown as text (for the log). */
  unlinked: string[]
  /** Each page's file identity (see pageLinks), for the release's page records (page-records.ts). */
  keys: string[]
  /** The HTML files (absolute paths), in the order of `keys`: the serving rules read their hashes from these (serving-files.ts), without walking the release again. */
  files: string[]
}

/**
 * The internal links of each page a build has read, by file identity (device, inode, size, time):
 * a partial build's unchanged pages are hard links to the served release's, so in the build
 * worker (a process that stays up) they are not read and parsed again. Bounded; the oldest go first.
 */
const pageLinks = new Map<string, string>()
const maxRemembered = 200_000
export function rememberLinks(key: string, hrefs: string[]) {
  if (pageLinks.size >= maxRemembered) pageLinks.delete(pageLinks.keys().next().value!)
  // One new string, not the matches: V8 keeps a piece cut from a page as a view of the whole page.
  pageLinks.set(key, hrefs.join('\n'))
}

/** A page's internal links as remembered (undefined: read it). */
export const rememberedLinks = (key: string): string[] | undefined => {
  const known = pageLinks.get(key)
  return known === undefined ? undefined : known ? known.split('\n') : []
}

/**
 * The release check: every page in the sitemap exists, every internal link and every redirect
 * target points at a file in the build, and (unless told not to) the search index has every
 * language. Links an editor wrote to unpublished pages are turned into text, not refused.
 */
export function validate(dir: string, { searchIndex = true, files }: { searchIndex?: boolean; files?: ReleaseFiles } = {}): Validation {
  const problems: string[] = []
  // One walk of the release: its HTML files to check, and every file and folder in it, which the
  // links are looked up in (at 10× scale 215,000 files, and about as many addresses linked: one
  // system call each was seconds of a partial build). A partial build's assembly has listed them
  // already (assemble.ts), with the identities of the pages it linked from the served release.
  const htmlFiles: string[] = []
  const knownKeys: (string | undefined)[] = []
  let present = new Set<string>()
  const walk = (folder: string, relative: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      const name = relative ? `${relative}/${entry.name}` : entry.name
      present.add(name)
      if (entry.isDirectory()) walk(full, name)
      else if (entry.name.endsWith('.html')) htmlFiles.push(full)
    }
  }
  if (files) {
    present = files.present
    for (const [name, key] of files.pages) {
      htmlFiles.push(path.join(dir, name))
      knownKeys.push(key)
    }
  } else walk(dir, '')
  // Every page links the same menus and language versions: each address is looked up once.
  const found = new Map<string, boolean>()
  const exists = (pathname: string) => {
    let answer = found.get(pathname)
    if (answer === undefined) found.set(pathname, (answer = inRelease(pathname)))
    return answer
  }
  /** Whether an address names a file or folder of the release (a folder's address ending in `/` names its index.html). */
  const inRelease = (pathname: string) => {
    let clean: string
    try {
      clean = decodeURIComponent(pathname.split('#')[0]!.split('?')[0]!)
    } catch {
      return false
    }
    const relative = path.posix.normalize(`/${clean}`).slice(1)
    if (relative.startsWith('..')) return false
    if (relative === '' || relative.endsWith('/')) return present.has(`${relative}index.html`)
    return present.has(relative) || present.has(`${relative}/index.html`)
  }
  const readLocs = (file: string) => {
    try {
      return sitemapFileLocs(file)
    } catch (error) {
      problems.push(`${path.relative(dir, file)} is not valid XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
      return []
    }
  }
  const index = path.join(dir, 'sitemap-index.xml')
  if (!fs.existsSync(index)) problems.push('sitemap-index.xml is missing')
  const sitemapPages: string[] = []
  if (fs.existsSync(index)) {
    for (const loc of readLocs(index)) {
      const sitemap = path.join(dir, new URL(loc).pathname)
      if (!fs.existsSync(sitemap)) {
        problems.push(`sitemap ${new URL(loc).pathname} is missing`)
        continue
      }
      for (const page of readLocs(sitemap)) sitemapPages.push(new URL(page).pathname)
    }
  }
  for (const page of sitemapPages) if (!exists(page)) problems.push(`page in the sitemap is missing: ${page}`)
  if (sitemapPages.length === 0) problems.push('the sitemap lists no pages')

  const broken = new Set<string>()
  const unlinked: string[] = []
  const keys: string[] = []
  for (const [n, file] of htmlFiles.entries()) {
    // A page kept from the served release (a hard link: the same file) has the links it had.
    const key = knownKeys[n] ?? fileIdentity(file)
    keys.push(key)
    const known = pageLinks.get(key)
    if (known !== undefined) {
      for (const href of known ? known.split('\n') : []) if (!exists(href)) broken.add(`${href} (in ${path.relative(dir, file)})`)
      continue
    }
    let html = fs.readFileSync(file, 'utf8')
    const contentLinks = html.includes('data-content-link')
    if (contentLinks) {
      // A link an editor wrote to a page that is not published: shown as text, and said so in the log.
      const fixed = html.replace(/<a data-content-link href="(\/[^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (whole, href: string, text: string) => {
        if (exists(href)) return whole
        unlinked.push(`Linket til ${href} på ${path.relative(dir, file)} vises uden link: siden findes ikke på den offentlige side.`)
        return `<span>${text}</span>`
      })
      if (fixed !== html) {
        // A new file, never a write through a hard link into the served release (partial builds).
        replaceFile(file, fixed)
        html = fixed
        keys[keys.length - 1] = fileIdentity(file)
      }
    }
    // The serving rules need each page's inline script hashes: taken from this reading.
    if (!contentLinks) notePageHashes(key, html)
    const hrefs = new Set<string>()
    for (const [, href] of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) if (!href!.startsWith('//')) hrefs.add(href!)
    for (const href of hrefs) if (!exists(href)) broken.add(`${href} (in ${path.relative(dir, file)})`)
    // Pages with an editor's link are read each time: the page it names may have gone since.
    if (!contentLinks) rememberLinks(key, [...hrefs])
  }
  // Where the rules send an old address (lib/redirects.ts) is a page or feed of this build, as a link is.
  const rules = path.join(dir, '_redirects')
  if (fs.existsSync(rules)) {
    for (const [, from, to] of fs.readFileSync(rules, 'utf8').matchAll(/^(\/\S*)\s+(\/\S*)/gm)) if (!exists(to!)) broken.add(`${to} (redirect from ${from})`)
  }
  for (const link of [...broken].slice(0, 20)) problems.push(`broken internal link: ${link}`)
  if (broken.size > 20) problems.push(`… and ${broken.size - 20} more broken links`)

  if (searchIndex) problems.push(...searchIndexProblems(dir))
  return { problems, pages: htmlFiles.length, unlinked, keys, files: htmlFiles }
}
