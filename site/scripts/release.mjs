#!/usr/bin/env node
// Atomic site releases. Each build goes into a new folder under releases/; only a build that
// completed and passed validation becomes `current` (a symlink, swapped with one rename). The
// last 3 releases are kept, so rolling back is one command. A failed build never touches the
// served site.
//
//   node site/scripts/release.mjs build      build, validate, publish (prints progress; last line is JSON)
//   node site/scripts/release.mjs rollback   serve the release before the current one
//   node site/scripts/release.mjs status     the current release and the ones kept
//
// Environment: CMS_URL (where content is read), SITE_URL, SITE_RELEASES_DIR (default site/releases).
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import * as pagefind from 'pagefind'

import { locales } from '../../content/locales.ts'

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(siteDir, '..')
export const releasesDir = path.resolve(process.env.SITE_RELEASES_DIR ?? path.join(siteDir, 'releases'))
export const currentLink = path.join(releasesDir, 'current')
const keep = 3

const releaseName = (name) => /^\d{8}T\d{6}Z(-\d+)?$/.test(name)

export function listReleases() {
  if (!fs.existsSync(releasesDir)) return []
  return fs.readdirSync(releasesDir).filter(releaseName).sort()
}

export function currentRelease() {
  try {
    return path.basename(fs.readlinkSync(currentLink))
  } catch {
    return null
  }
}

/** Points `current` at `name` in one atomic step (rename over the old symlink). */
function activate(name) {
  const temporary = path.join(releasesDir, `.current-${process.pid}`)
  fs.rmSync(temporary, { force: true })
  fs.symlinkSync(name, temporary)
  fs.renameSync(temporary, currentLink)
}

function prune() {
  const current = currentRelease()
  const releases = listReleases()
  for (const name of releases.slice(0, Math.max(0, releases.length - keep))) {
    if (name !== current) fs.rmSync(path.join(releasesDir, name), { recursive: true, force: true })
  }
  // Half-made builds from a crash (older versions named them <release>.building).
  for (const name of fs.readdirSync(releasesDir)) {
    if (/^\d.*\.building$/.test(name)) fs.rmSync(path.join(releasesDir, name), { recursive: true, force: true })
  }
}

/** Every page in the sitemap exists, and every internal link points at a file in the build. */
export function validate(dir) {
  const problems = []
  const exists = (pathname) => {
    const clean = decodeURIComponent(pathname.split('#')[0].split('?')[0])
    const file = path.join(dir, clean)
    if (!file.startsWith(dir)) return false
    if (clean.endsWith('/')) return fs.existsSync(path.join(file, 'index.html'))
    return fs.existsSync(file) || fs.existsSync(path.join(file, 'index.html'))
  }
  const index = path.join(dir, 'sitemap-index.xml')
  if (!fs.existsSync(index)) problems.push('sitemap-index.xml is missing')
  const sitemapPages = []
  if (fs.existsSync(index)) {
    for (const [, loc] of fs.readFileSync(index, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const sitemap = path.join(dir, new URL(loc).pathname)
      if (!fs.existsSync(sitemap)) {
        problems.push(`sitemap ${new URL(loc).pathname} is missing`)
        continue
      }
      for (const [, page] of fs.readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) sitemapPages.push(new URL(page).pathname)
    }
  }
  for (const page of sitemapPages) if (!exists(page)) problems.push(`page in the sitemap is missing: ${page}`)
  if (sitemapPages.length === 0) problems.push('the sitemap lists no pages')

  const htmlFiles = []
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.html')) htmlFiles.push(full)
    }
  }
  walk(dir)
  const broken = new Set()
  for (const file of htmlFiles) {
    const html = fs.readFileSync(file, 'utf8')
    for (const [, href] of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
      if (href.startsWith('//')) continue
      if (!exists(href)) broken.add(`${href} (in ${path.relative(dir, file)})`)
    }
  }
  for (const link of [...broken].slice(0, 20)) problems.push(`broken internal link: ${link}`)
  if (broken.size > 20) problems.push(`… and ${broken.size - 20} more broken links`)

  // Search: one Pagefind index per language (split by <html lang>).
  const entry = path.join(dir, 'pagefind', 'pagefind-entry.json')
  const indexed = fs.existsSync(entry) ? Object.keys(JSON.parse(fs.readFileSync(entry, 'utf8')).languages ?? {}) : []
  for (const { code } of locales) if (!indexed.includes(code)) problems.push(`the search index for ${code} is missing`)
  return { problems, pages: htmlFiles.length }
}

/** Pagefind's search index of the built pages, written into <dir>/pagefind/. */
async function buildSearchIndex(dir) {
  const { index, errors } = await pagefind.createIndex({})
  try {
    if (!index) throw new Error(errors.join('; '))
    // The language folders only: not the root redirect or the 404 page.
    const added = await index.addDirectory({ path: dir, glob: `{${locales.map(({ code }) => code).join(',')}}/**/*.html` })
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
    const problems = [...added.errors, ...written.errors]
    if (problems.length) throw new Error(`Søgeindekset kunne ikke laves: ${problems.join('; ')}`)
    process.stdout.write(`Search index: ${added.page_count} pages\n`)
  } finally {
    await pagefind.close()
  }
}

function runAstroBuild(outDir) {
  return new Promise((resolve, reject) => {
    // Astro's CLI under this same Node (the Node 24 from npm), whatever `node` is on the PATH.
    const astro = fs.realpathSync(path.join(root, 'node_modules', '.bin', 'astro'))
    // Astro writes its temporary server chunks into <working directory>/.astro/ when the output
    // folder is outside the working directory. Each releases folder gets its own working
    // directory inside site/ (so the chunks still resolve packages from node_modules): two
    // builds for different sites at once (tests, benchmarks) do not trip over each other.
    const workDir = path.join(siteDir, '.build-work', crypto.createHash('sha256').update(releasesDir).digest('hex').slice(0, 12))
    fs.mkdirSync(workDir, { recursive: true })
    const child = spawn(process.execPath, [astro, 'build', '--root', siteDir], {
      cwd: workDir,
      // The content store lives beside the releases (one per served site), and the output folder
      // has a fixed name: Astro clears its store when its config (outDir included) changes, and
      // the store is what lets the next build load only the content that changed.
      env: { ...process.env, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: path.join(releasesDir, '.cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const tail = []
    const keepLine = (chunk) => {
      // Plain text: colour codes (FORCE_COLOR in some parents) mean nothing in the admin's build log.
      for (const line of String(chunk).replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
        if (!line.trim() || /Unknown user config "nodedir"/.test(line)) continue
        // One line per page (thousands) would bury what matters in the build log; Astro's own
        // summary ("N page(s) built in …") stays.
        if (/^\s*(\S+\s+)?[├└]─ /.test(line) || /^\s*\(\+\d+(\.\d+)?m?s\)\s*$/.test(line)) continue
        process.stdout.write(`${line}\n`)
        tail.push(line)
        if (tail.length > 30) tail.shift()
      }
    }
    child.stdout.on('data', keepLine)
    child.stderr.on('data', keepLine)
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(explain(tail, code)))))
  })
}

/** A failed build's error in words an editor can act on. */
function explain(tail, code) {
  const text = tail.join('\n')
  if (/Could not load .* from the CMS|ECONNREFUSED|fetch failed/.test(text)) {
    return 'Siden kunne ikke hente indholdet fra CMS’et (det svarede ikke). Den offentlige side blev ikke ændret. Prøv igen om et minut; bliver det ved, skal CMS’et genstartes.'
  }
  const lastError = tail.filter((line) => /error/i.test(line)).pop()
  return `Opdateringen af siden stoppede (kode ${code})${lastError ? `: ${lastError.trim()}` : ''}. Den offentlige side blev ikke ændret.`
}

export async function build() {
  const started = Date.now()
  fs.mkdirSync(releasesDir, { recursive: true })
  let name = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  for (let n = 1; fs.existsSync(path.join(releasesDir, name)); n++) name = `${name.split('-')[0]}-${n}`
  const building = path.join(releasesDir, '.building')
  fs.rmSync(building, { recursive: true, force: true })
  try {
    await runAstroBuild(building)
    await buildSearchIndex(building)
    const { problems, pages } = validate(building)
    if (problems.length) {
      throw new Error(`Den nye udgave bestod ikke kontrollen, så den offentlige side blev ikke ændret:\n- ${problems.join('\n- ')}`)
    }
    fs.renameSync(building, path.join(releasesDir, name))
    activate(name)
    prune()
    return { ok: true, release: name, pages, durationMs: Date.now() - started }
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true })
    return { ok: false, error: error instanceof Error ? error.message : String(error), durationMs: Date.now() - started }
  }
}

export function rollback() {
  const current = currentRelease()
  const releases = listReleases()
  const index = releases.indexOf(current)
  const previous = index > 0 ? releases[index - 1] : undefined
  if (!previous) return { ok: false, error: `No release before ${current ?? '(none)'} is kept; nothing changed.` }
  activate(previous)
  return { ok: true, release: previous, from: current }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const command = process.argv[2] ?? 'status'
  if (command === 'build') {
    const result = await build()
    console.log(JSON.stringify(result))
    process.exit(result.ok ? 0 : 1)
  } else if (command === 'rollback') {
    const result = rollback()
    console.log(result.ok ? `Now serving ${result.release} (was ${result.from}).` : result.error)
    process.exit(result.ok ? 0 : 1)
  } else if (command === 'status') {
    const current = currentRelease()
    console.log(`Releases in ${releasesDir}:`)
    for (const name of listReleases()) console.log(`  ${name === current ? '*' : ' '} ${name}`)
    if (!current) console.log('  (none is being served yet)')
  } else {
    console.error('Usage: release.mjs build | rollback | status')
    process.exit(2)
  }
}
