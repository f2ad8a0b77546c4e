import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { localeCodes } from '../../../core/locales.ts'
import { mapTileUrl, publicCmsUrl } from '../../src/lib/public-urls.ts'
import { contentSecurityPolicy, headersFile, nginxHeadersMap, notFoundPages, notFoundRedirects, originOf, type PagePolicy } from './serving-rules.ts'
import { fileIdentity } from './file-identity.ts'

/**
 * The release step that writes the serving rules (serving-rules.ts) into a finished release:
 * `_headers`, `headers.nginx.conf`, the 404 lines of `_redirects`, and `<lang>/404.html` beside
 * each language's 404 page. Runs on the whole release, after a partial build was completed from
 * the served one, because the policy lists the hashes of the inline scripts of every page.
 */

/** `<script>` types a browser runs; data blocks (`application/ld+json`, `application/json`) are not scripts to a policy. */
const runnable = /^(|module|text\/javascript|application\/javascript)$/i
const elementPattern = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi
const attribute = (attributes: string, name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes)

const sha256 = (text: string) => `sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}`

/** The hashes of the inline scripts and `<style>` elements of one page (as the browser hashes them: the text between the tags). */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = []
  const styles: string[] = []
  for (const [, element, attributes = '', body = ''] of html.matchAll(elementPattern)) {
    if (element!.toLowerCase() === 'style') {
      styles.push(sha256(body))
      continue
    }
    if (attribute(attributes, 'src')) continue
    const type = attribute(attributes, 'type')
    if (!runnable.test((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim())) continue
    scripts.push(sha256(body))
  }
  return { scripts, styles }
}

/** Each page's inline hashes, by file identity (device, inode, size, time), as validate.ts remembers links. */
const pageHashes = new Map<string, { scripts: string[]; styles: string[] }>()

/** Remembers a page's inline hashes; validate.ts calls it for every page it reads, so that releaseHashes need not read them again. */
export function notePageHashes(key: string, html: string): { scripts: string[]; styles: string[] } {
  const found = inlineHashes(html)
  rememberHashes(key, found)
  return found
}

/** A page's inline hashes as remembered, and remembering them (page-records.ts). */
export const rememberedHashes = (key: string) => pageHashes.get(key)
export function rememberHashes(key: string, found: { scripts: string[]; styles: string[] }) {
  if (pageHashes.size >= 200_000) pageHashes.delete(pageHashes.keys().next().value!)
  pageHashes.set(key, found)
}

/** A release's HTML files with their file identities (validate.ts lists them as it checks them). */
export interface ReleasePages {
  files: string[]
  keys: string[]
}

/** Every HTML file of a release with its identity, by walking it. */
function walkPages(releaseDir: string): ReleasePages {
  const pages: ReleasePages = { files: [], keys: [] }
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.html')) {
        pages.files.push(file)
        pages.keys.push(fileIdentity(file))
      }
    }
  }
  walk(releaseDir)
  return pages
}

/**
 * Every inline script and style hash of the release's HTML, sorted (the same release gives the
 * same files). `pages`: the release's pages as the check listed them, so it is not walked again.
 */
export function releaseHashes(releaseDir: string, pages: ReleasePages = walkPages(releaseDir)): { scriptHashes: string[]; styleHashes: string[] } {
  const scripts = new Set<string>()
  const styles = new Set<string>()
  pages.files.forEach((file, index) => {
    // A page kept from the served release (a hard link: the same file) is not read again in the build worker.
    const key = pages.keys[index]!
    const found = pageHashes.get(key) ?? notePageHashes(key, fs.readFileSync(file, 'utf8'))
    for (const hash of found.scripts) scripts.add(hash)
    for (const hash of found.styles) styles.add(hash)
  })
  return { scriptHashes: [...scripts].sort(), styleHashes: [...styles].sort() }
}

/** The origins the pages reach, as the build that made them was configured (lib/public-urls.ts). */
export function pageOrigins(env: Record<string, string | undefined> = process.env): Pick<PagePolicy, 'cmsOrigin' | 'tileOrigin'> {
  return { cmsOrigin: originOf(publicCmsUrl(env)), tileOrigin: originOf(mapTileUrl(env)) }
}

/**
 * Replaces a file by a new one: a partial build's release shares files with the served one by
 * hard links, and writing into such a file would change the served release too.
 */
export function replaceFile(file: string, text: string) {
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, text)
  fs.renameSync(temporary, file)
}

function replaceLink(existing: string, link: string) {
  const temporary = `${link}.${process.pid}.tmp`
  fs.rmSync(temporary, { force: true })
  fs.linkSync(existing, temporary)
  fs.renameSync(temporary, link)
}

const notFoundMarker = "# A missing page under a language: that language's 404 page (Netlify; Cloudflare Pages finds <lang>/404.html by itself)."

/** Writes the serving rules into a release. Returns the Content-Security-Policy written. */
export function writeServingRules(releaseDir: string, env: Record<string, string | undefined> = process.env, pages?: ReleasePages): { csp: string; scriptHashes: number; styleHashes: number } {
  const hashes = releaseHashes(releaseDir, pages)
  const csp = contentSecurityPolicy({ ...pageOrigins(env), ...hashes })
  replaceFile(path.join(releaseDir, '_headers'), headersFile(csp))
  replaceFile(path.join(releaseDir, 'headers.nginx.conf'), nginxHeadersMap(csp))
  // The Astro build wrote the old addresses; the 404 rules come after them (Netlify takes the first match).
  const redirectsFile = path.join(releaseDir, '_redirects')
  const written = fs.existsSync(redirectsFile) ? fs.readFileSync(redirectsFile, 'utf8') : ''
  // Once only, should the file be one kept from the served release.
  const redirects = written.split(notFoundMarker)[0]!.trimEnd()
  replaceFile(redirectsFile, [...(redirects ? [redirects] : []), notFoundMarker, ...notFoundRedirects(), ''].join('\n'))
  for (const lang of localeCodes) {
    const page = path.join(releaseDir, lang, '404', 'index.html')
    if (fs.existsSync(page)) replaceLink(page, path.join(releaseDir, notFoundPages.perLanguage(lang)))
  }
  return { csp, scriptHashes: hashes.scriptHashes.length, styleHashes: hashes.styleHashes.length }
}
