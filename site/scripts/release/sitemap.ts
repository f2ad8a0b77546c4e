import fs from 'node:fs'
import path from 'node:path'

import { SaxesParser } from 'saxes'

import { fileIdentity } from './file-identity.ts'

/**
 * The sitemap files as @astrojs/sitemap writes them (sitemap-index.xml listing sitemap-0.xml,
 * sitemap-1.xml…), read with an XML parser (saxes, strict: a broken file is an error, not an
 * empty list) and written as the sitemap package writes them: the partial build's merge, and the
 * release check's list of pages.
 */

const sitemapNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const declaration = '<?xml version="1.0" encoding="UTF-8"?>'
/** URLs per sitemap file, as @astrojs/sitemap splits them. */
export const sitemapChunk = 45_000

export const isSitemapFile = (name: string) => /^sitemap-\d+\.xml$/.test(name)

interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: (XmlElement | string)[]
}

/** The document's root element, with its children as a tree. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser()
  const document: XmlElement = { name: '', attributes: {}, children: [] }
  const open = [document]
  const current = () => open[open.length - 1]!
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [] }
    current().children.push(element)
    open.push(element)
  })
  parser.on('closetag', () => open.pop())
  parser.on('text', (text) => current().children.push(text))
  parser.on('cdata', (text) => current().children.push(text))
  parser.write(xml).close()
  const root = document.children.find((child) => typeof child !== 'string')
  if (!root) throw new Error('no root element')
  return root
}

const elements = (element: XmlElement, name: string) => element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name)
const textOf = (element: XmlElement | undefined): string => (element?.children ?? []).map((child) => (typeof child === 'string' ? child : textOf(child))).join('').trim()
const locOf = (element: XmlElement) => textOf(elements(element, 'loc')[0])

/** The addresses in a sitemap (`<url><loc>`) or a sitemap index (`<sitemap><loc>`). */
export function sitemapLocs(xml: string): string[] {
  const root = parseXml(xml)
  return elements(root, root.name === 'sitemapindex' ? 'sitemap' : 'url').map(locOf).filter(Boolean)
}

/**
 * Sitemap files read or written in this process, by file identity (device, inode, size, time):
 * at 10× scale the sitemaps are 76 MB, which take seconds to parse, and the build worker's next
 * partial build merges into the files the last one wrote (kept by hard links), which the release
 * check reads too. Kept as each entry's address and its XML text (not the parsed tree, which
 * takes several times the memory); only the latest six files (two releases' worth).
 */
interface ParsedSitemap {
  /** `urlset` or `sitemapindex`, and its attributes. */
  name: string
  attributes: Record<string, string>
  /** Each entry's address → its element as XML (`<url>…</url>`, `<sitemap>…</sitemap>`). */
  entries: Map<string, string>
}
const parsedSitemaps = new Map<string, ParsedSitemap>()
const remember = (key: string, parsed: ParsedSitemap): ParsedSitemap => {
  if (parsedSitemaps.size >= 6) parsedSitemaps.delete(parsedSitemaps.keys().next().value!)
  parsedSitemaps.set(key, parsed)
  return parsed
}
function readSitemap(file: string): ParsedSitemap {
  const key = fileIdentity(file)
  const known = parsedSitemaps.get(key)
  if (known) return known
  const root = parseXml(fs.readFileSync(file, 'utf8'))
  const entries = new Map<string, string>()
  for (const element of elements(root, root.name === 'sitemapindex' ? 'sitemap' : 'url')) {
    const loc = locOf(element)
    if (loc) entries.set(loc, elementXml(element))
  }
  return remember(key, { name: root.name, attributes: root.attributes, entries })
}

/** The addresses in a sitemap file (see sitemapLocs), parsed once per file. */
export const sitemapFileLocs = (file: string): string[] => [...readSitemap(file).entries.keys()]

/** Writes a sitemap file, and remembers what it holds. */
function writeSitemapFile(file: string, parsed: ParsedSitemap) {
  fs.writeFileSync(file, documentXml(parsed.name, parsed.attributes, [...parsed.entries.values()]))
  remember(fileIdentity(file), parsed)
}

// Escaped as the sitemap package (behind @astrojs/sitemap) escapes, so a merged file reads as a rendered one.
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttribute = (value: string) => escapeText(value).replace(/'/g, '&apos;').replace(/"/g, '&quot;')
const attributesXml = (attributes: Record<string, string>) => Object.entries(attributes).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')
const elementXml = (element: XmlElement): string =>
  element.children.length
    ? `<${element.name}${attributesXml(element.attributes)}>${element.children.map((child) => (typeof child === 'string' ? escapeText(child) : elementXml(child))).join('')}</${element.name}>`
    : `<${element.name}${attributesXml(element.attributes)}/>`
/** A document whose root element is always written with its closing tag (an empty urlset too); its children as XML. */
const documentXml = (name: string, attributes: Record<string, string>, children: string[]) => `${declaration}<${name}${attributesXml(attributes)}>${children.join('')}</${name}>`

const locElement = (name: string, loc: string): XmlElement => ({ name, attributes: {}, children: [{ name: 'loc', attributes: {}, children: [loc] }] })

/**
 * The sitemap of a partial build: the served release's entries, without the pages that went
 * away, with the entries of the pages this build rendered (new ones included) replacing theirs.
 * The sitemap plugin only saw the rendered pages, so its own files list just those. `gone` are
 * page paths as the routes record them (`da/arrangementer/x/`).
 */
export function mergeSitemaps(baseDir: string, dir: string, gone: string[], siteUrl: string, chunk = sitemapChunk) {
  const entries = new Map<string, string>()
  let urlsetAttributes: Record<string, string> | undefined
  const read = (folder: string) => {
    for (const name of fs.readdirSync(folder).filter(isSitemapFile)) {
      const urlset = readSitemap(path.join(folder, name))
      urlsetAttributes ??= urlset.attributes
      for (const [loc, xml] of urlset.entries) entries.set(loc, xml)
    }
  }
  read(baseDir)
  for (const file of gone) if (file.endsWith('/')) entries.delete(new URL(`/${file}`, siteUrl).href)
  read(dir)
  for (const name of fs.readdirSync(dir).filter((file) => /^sitemap.*\.xml$/.test(file))) fs.rmSync(path.join(dir, name))
  const locs = [...entries.keys()].sort()
  const files: string[] = []
  for (let n = 0; n * chunk < locs.length || n === 0; n++) {
    const name = `sitemap-${n}.xml`
    const urls = new Map(locs.slice(n * chunk, (n + 1) * chunk).map((loc) => [loc, entries.get(loc)!]))
    writeOrKeep(baseDir, dir, name, { name: 'urlset', attributes: urlsetAttributes ?? { xmlns: sitemapNamespace }, entries: urls })
    files.push(name)
  }
  const index = new Map(files.map((name) => new URL(`/${name}`, siteUrl).href).map((loc) => [loc, elementXml(locElement('sitemap', loc))]))
  writeOrKeep(baseDir, dir, 'sitemap-index.xml', { name: 'sitemapindex', attributes: { xmlns: sitemapNamespace }, entries: index })
}

const sameSitemap = (a: ParsedSitemap, b: ParsedSitemap) => {
  if (a.name !== b.name || a.entries.size !== b.entries.size || JSON.stringify(a.attributes) !== JSON.stringify(b.attributes)) return false
  const other = b.entries.entries()
  for (const [loc, xml] of a.entries) {
    const [otherLoc, otherXml] = other.next().value!
    if (loc !== otherLoc || xml !== otherXml) return false
  }
  return true
}

/**
 * Writes a merged sitemap file, or links the served release's file of that name when it holds the
 * very same entries: an edit that adds or removes no page changes no sitemap (at 10× scale
 * 76 MB written for nothing).
 */
function writeOrKeep(baseDir: string, dir: string, name: string, parsed: ParsedSitemap) {
  const base = path.join(baseDir, name)
  const file = path.join(dir, name)
  let same = false
  try {
    same = fs.existsSync(base) && sameSitemap(readSitemap(base), parsed)
  } catch {
    same = false // a served file that cannot be read: written anew
  }
  if (same) fs.linkSync(base, file)
  else writeSitemapFile(file, parsed)
}

/** The site's address as a release's sitemap index has it (when SITE_URL is not set). */
export function readSiteUrl(releaseDir: string): string {
  const [first] = sitemapLocs(fs.readFileSync(path.join(releaseDir, 'sitemap-index.xml'), 'utf8'))
  if (!first) throw new Error(`${path.join(releaseDir, 'sitemap-index.xml')} lists no sitemap`)
  return new URL(first).origin
}
