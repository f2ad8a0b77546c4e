import fs from 'node:fs'

import { sourceDigest } from '../../../scripts/lib.mjs'
import { rememberedHashes, rememberHashes } from './serving-files.ts'
import { rememberedLinks, rememberLinks } from './validate.ts'

/**
 * What the release check and the serving rules read from each page (its internal links, its
 * inline script and style hashes), kept with the release's record (`.info/<release>/pages.json`)
 * by file identity. A partial build's unchanged pages are hard links to the served release's (the
 * same identity), so a build worker that did not make the served release itself (it was
 * restarted, or the release came from the command line) need not read 121,000 pages again at
 * 10× scale: it reads this file.
 */

interface PageRecordsFile {
  version: 1
  /** The release code that read the pages (what a link or a hash is may change with it). */
  code: string
  release: string
  /** Every link and hash once; pages name them by position. */
  hrefs: string[]
  hashes: string[]
  /** key → [links (null: read the page each time), script hashes, style hashes] */
  pages: Record<string, [number[] | null, number[], number[]]>
}

/** The release whose records this process holds (it wrote or read them). */
let held: string | undefined

/** The release code this process runs, as it was when it started: records another version wrote are not used. */
const code = sourceDigest(['site/scripts/release'])

const indexer = () => {
  const list: string[] = []
  const positions = new Map<string, number>()
  return {
    list,
    of: (value: string) => {
      let position = positions.get(value)
      if (position === undefined) positions.set(value, (position = list.push(value) - 1))
      return position
    },
  }
}

/** Writes the records of a release's pages (`keys`, as the release check found them). */
export function writePageRecords(file: string, release: string, keys: string[]) {
  const hrefs = indexer()
  const hashes = indexer()
  const pages: PageRecordsFile['pages'] = {}
  for (const key of keys) {
    const found = rememberedHashes(key)
    if (!found) continue
    const links = rememberedLinks(key)
    pages[key] = [links ? links.map(hrefs.of) : null, found.scripts.map(hashes.of), found.styles.map(hashes.of)]
  }
  const record: PageRecordsFile = { version: 1, code, release, hrefs: hrefs.list, hashes: hashes.list, pages }
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(record))
  fs.renameSync(`${file}.${process.pid}`, file)
  held = release
}

/** Reads the records of the served release into this process's memory, unless it holds them. Returns how many pages. */
export function readPageRecords(file: string, release: string): number {
  if (held === release || !fs.existsSync(file)) return 0
  let record: PageRecordsFile
  try {
    record = JSON.parse(fs.readFileSync(file, 'utf8')) as PageRecordsFile
  } catch {
    return 0 // a record that cannot be read: the pages are read instead
  }
  if (record.version !== 1 || record.code !== code) return 0
  let count = 0
  for (const [key, [links, scripts, styles]] of Object.entries(record.pages)) {
    if (links) rememberLinks(key, links.map((n) => record.hrefs[n]!))
    rememberHashes(key, { scripts: scripts.map((n) => record.hashes[n]!), styles: styles.map((n) => record.hashes[n]!) })
    count++
  }
  held = release
  return count
}
