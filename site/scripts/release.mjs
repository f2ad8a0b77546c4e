#!/usr/bin/env node
// Atomic site releases. Each build goes into a new folder under releases/; only a build that
// completed and passed validation becomes `current` (a symlink, swapped with one rename). The
// last 3 releases are kept, so rolling back is one command. A failed build never touches the
// served site.
//
//   node site/scripts/release.mjs build      build, validate, publish (prints progress; last line is JSON)
//                                            (SITE_FULL_BUILD=1: render every page, never a partial build)
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

import { releasesDir as siteReleasesDir } from '../../core/defaults.ts'
import { locales } from '../../core/locales.ts'
import { copenhagenToday } from '../../core/time.ts'
import { sourceDigest } from '../../scripts/lib.mjs'

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(siteDir, '..')
export const releasesDir = siteReleasesDir(siteDir)
export const currentLink = path.join(releasesDir, 'current')
const keep = 3
/** The calendar day in Copenhagen: the first build of each day renders every page (next meeting dates, stale notices). */
const copenhagenDay = (date) => copenhagenToday(date)
/** What is kept about each release's build (beside the releases, never served): code digest, mode, when every page was last rendered, its routes' page lists. */
const infoDir = (name) => path.join(releasesDir, '.info', name)
/** The release last made from the content store in .cache (a partial build needs the served release to be that one). */
const storeReleaseFile = () => path.join(releasesDir, '.store-release')

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
    if (name !== current) {
      fs.rmSync(path.join(releasesDir, name), { recursive: true, force: true })
      fs.rmSync(infoDir(name), { recursive: true, force: true })
    }
  }
  // Half-made builds from a crash (older versions named them <release>.building).
  for (const name of fs.readdirSync(releasesDir)) {
    if (/^\d.*\.building$/.test(name)) fs.rmSync(path.join(releasesDir, name), { recursive: true, force: true })
  }
}

/** A digest of everything the site's pages are made from, except the content: a partial build needs the same code. */
const siteCodeDigest = () =>
  sourceDigest(['site/src', 'site/public', 'site/astro.config.mjs', 'site/package.json', 'core', 'cms/src/payload-types.ts', 'package-lock.json'])

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** Why this build must render every page, or null when it may render only what changed. */
function fullBuildReason(codeDigest) {
  if (process.env.SITE_FULL_BUILD === '1') return 'SITE_FULL_BUILD=1'
  const current = currentRelease()
  if (!current) return 'no release is served yet'
  const info = readJson(path.join(infoDir(current), 'info.json'))
  if (!info) return 'the served release has no build record'
  if (info.codeDigest !== codeDigest) return 'the site’s code changed'
  if (fs.existsSync(storeReleaseFile()) ? fs.readFileSync(storeReleaseFile(), 'utf8') !== current : true) {
    return 'the served release was not built from the current content store (a rollback or a failed build)'
  }
  if (!info.fullBuildAt || copenhagenDay(new Date(info.fullBuildAt)) !== copenhagenDay(new Date())) return 'the first build of the day renders every page'
  return null
}

/** Each route's pages (output file → tags) as a build recorded them (lib/partial.ts). */
function readPages(dir) {
  const pages = new Map()
  if (!fs.existsSync(dir)) return pages
  for (const name of fs.readdirSync(dir)) {
    if (!/^route-.*\.json$/.test(name)) continue
    for (const page of JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).pages) pages.set(page.file, page.tags)
  }
  return pages
}

/** Pages of routes never in the sitemap (lib/partial.ts `sitemap: false`): a redirect page may now stand where a listed page was. */
function unlistedPages(dir) {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => /^route-.*\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')))
    .filter((route) => route.sitemap === false)
    .flatMap((route) => route.pages.map((page) => page.file))
}

/**
 * Pages that appeared or went away since the base release. A partial build may add and remove
 * pages only of the documents it renders (a new event, an unpublished activity, a new slug);
 * anything else (an event that has ended, say) means the lists elsewhere change too: full build.
 */
function pageChanges(basePages, newPages, planTags) {
  const added = [...newPages.keys()].filter((file) => !basePages.has(file))
  const gone = [...basePages.keys()].filter((file) => !newPages.has(file))
  const explained = (tags) => tags.some((value) => planTags.has(value))
  const unexplained = [...added.filter((file) => !explained(newPages.get(file))), ...gone.filter((file) => !explained(basePages.get(file)))]
  return { added, gone, unexplained }
}

/** The output file of a page path recorded by lib/partial.ts. */
const outputFile = (file) => (file.endsWith('/') ? `${file}index.html` : file)

/**
 * Completes a partial build with the served release: every file the partial build did not render
 * is hard-linked from it (same disk, no copying), except the pages that went away. The search
 * index is made afresh; the sitemap is merged (see mergeSitemaps).
 */
function fillFrom(baseDir, dir, gone) {
  const skip = new Set(gone.map(outputFile))
  let linked = 0
  const walk = (relative) => {
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

/** URLs per sitemap file, as @astrojs/sitemap splits them. */
const sitemapChunk = 45_000

/**
 * The sitemap of a partial build: the served release's entries, without the pages that went
 * away, with the entries of the pages this build rendered (new ones included) replacing theirs.
 * The sitemap plugin only saw the rendered pages, so its own files list just those.
 */
function mergeSitemaps(baseDir, dir, gone, siteUrl) {
  const entries = new Map()
  let header = ''
  const read = (folder) => {
    for (const name of fs.readdirSync(folder).filter((file) => /^sitemap-\d+\.xml$/.test(file))) {
      const xml = fs.readFileSync(path.join(folder, name), 'utf8')
      header ||= xml.slice(0, xml.indexOf('<url>'))
      for (const [block, loc] of xml.matchAll(/<url><loc>([^<]+)<\/loc>.*?<\/url>/g)) entries.set(loc, block)
    }
  }
  read(baseDir)
  for (const file of gone) if (file.endsWith('/')) entries.delete(new URL(`/${file}`, siteUrl).href)
  read(dir)
  for (const name of fs.readdirSync(dir).filter((file) => /^sitemap.*\.xml$/.test(file))) fs.rmSync(path.join(dir, name))
  const locs = [...entries.keys()].sort()
  const files = []
  for (let n = 0; n * sitemapChunk < locs.length || n === 0; n++) {
    const name = `sitemap-${n}.xml`
    fs.writeFileSync(path.join(dir, name), `${header}${locs.slice(n * sitemapChunk, (n + 1) * sitemapChunk).map((loc) => entries.get(loc)).join('')}</urlset>`)
    files.push(name)
  }
  const index = files.map((name) => `<sitemap><loc>${new URL(`/${name}`, siteUrl).href}</loc></sitemap>`).join('')
  fs.writeFileSync(path.join(dir, 'sitemap-index.xml'), `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index}</sitemapindex>`)
}

/** The site's address as the served release's sitemap index has it (when SITE_URL is not set). */
function readSiteUrl(baseDir) {
  const xml = fs.readFileSync(path.join(baseDir, 'sitemap-index.xml'), 'utf8')
  return new URL(/<loc>([^<]+)<\/loc>/.exec(xml)[1]).origin
}

/** Every page in the sitemap exists, and every internal link points at a file in the build. */
export function validate(dir, { searchIndex = true } = {}) {
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
  const unlinked = []
  for (const file of htmlFiles) {
    let html = fs.readFileSync(file, 'utf8')
    if (html.includes('data-content-link')) {
      // A link an editor wrote to a page that is not published: shown as text, and said so in the log.
      const fixed = html.replace(/<a data-content-link href="(\/[^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (whole, href, text) => {
        if (exists(href)) return whole
        unlinked.push(`Linket til ${href} på ${path.relative(dir, file)} vises uden link: siden findes ikke på den offentlige side.`)
        return `<span>${text}</span>`
      })
      if (fixed !== html) {
        // A new file, never a write through a hard link into the served release (partial builds).
        const temporary = `${file}.${process.pid}.tmp`
        fs.writeFileSync(temporary, fixed)
        fs.renameSync(temporary, file)
        html = fixed
      }
    }
    for (const [, href] of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
      if (href.startsWith('//')) continue
      if (!exists(href)) broken.add(`${href} (in ${path.relative(dir, file)})`)
    }
  }
  // Where the rules send an old address (lib/redirects.ts) is a page or feed of this build, as a link is.
  const rules = path.join(dir, '_redirects')
  if (fs.existsSync(rules)) {
    for (const [, from, to] of fs.readFileSync(rules, 'utf8').matchAll(/^(\/\S*)\s+(\/\S*)/gm)) if (!exists(to)) broken.add(`${to} (redirect from ${from})`)
  }
  for (const link of [...broken].slice(0, 20)) problems.push(`broken internal link: ${link}`)
  if (broken.size > 20) problems.push(`… and ${broken.size - 20} more broken links`)

  if (searchIndex) problems.push(...searchIndexProblems(dir))
  return { problems, pages: htmlFiles.length, unlinked }
}

/**
 * Pagefind's search index of the built pages, written into <dir>/pagefind/. `meanwhile` runs
 * while Pagefind (a process of its own) reads the pages: the page and link checks, on the other core.
 */
async function buildSearchIndex(dir, meanwhile = () => undefined) {
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
    process.stdout.write(`Search index: ${added.page_count} pages\n`)
    return result
  } finally {
    await pagefind.close()
  }
}

/** Pagefind wrote one index per language (split by <html lang>). */
function searchIndexProblems(dir) {
  const entry = path.join(dir, 'pagefind', 'pagefind-entry.json')
  const indexed = fs.existsSync(entry) ? Object.keys(JSON.parse(fs.readFileSync(entry, 'utf8')).languages ?? {}) : []
  return locales.filter(({ code }) => !indexed.includes(code)).map(({ code }) => `the search index for ${code} is missing`)
}

function runAstroBuild(outDir, extraEnv = {}) {
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
      env: { ...process.env, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: path.join(releasesDir, '.cache'), ASTRO_TELEMETRY_DISABLED: '1', NODE_COMPILE_CACHE: path.join(siteDir, '.build-work', '.compile-cache'), ...extraEnv },
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
  // The server could not write the new release: say so in words, not as a system error with its paths.
  const disk = /\b(ENOSPC|EACCES|EPERM|EROFS|ENOTDIR|EISDIR|EEXIST)\b/.exec(text)?.[1]
  if (disk) {
    const why = { ENOSPC: 'disken er fuld', EACCES: 'den må ikke skrive i sidens mapper', EPERM: 'den må ikke skrive i sidens mapper', EROFS: 'sidens mapper er skrivebeskyttede' }[disk] ?? 'en fil ligger, hvor den skulle bruge en mappe'
    return `Serveren kunne ikke gemme den nye udgave af siden: ${why} (${disk}). Den offentlige side blev ikke ændret. Kontakt den, der driver serveren.`
  }
  const lastError = tail.filter((line) => /error/i.test(line)).pop()
  return `Opdateringen af siden stoppede (kode ${code})${lastError ? `: ${lastError.trim()}` : ''}. Den offentlige side blev ikke ændret.`
}

/** The "Udeladt" lines the content loaders wrote (site/src/lib/cms/shown.ts). */
function readOmissions(changesDir) {
  if (!fs.existsSync(changesDir)) return []
  return fs
    .readdirSync(changesDir)
    .filter((name) => /^omitted-.*\.json$/.test(name))
    .sort()
    .flatMap((name) => readJson(path.join(changesDir, name)) ?? [])
}

export async function build() {
  const started = Date.now()
  fs.mkdirSync(releasesDir, { recursive: true })
  let name = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  for (let n = 1; fs.existsSync(path.join(releasesDir, name)); n++) name = `${name.split('-')[0]}-${n}`
  const building = path.join(releasesDir, '.building')
  const changesDir = path.join(releasesDir, '.changes')
  const pathsDir = path.join(releasesDir, '.paths')
  const codeDigest = siteCodeDigest()
  const base = currentRelease()
  const whyFull = fullBuildReason(codeDigest)
  // Until this build is served, the content store is ahead of the served release.
  fs.rmSync(storeReleaseFile(), { force: true })
  const clean = () => {
    for (const dir of [building, changesDir, pathsDir]) fs.rmSync(dir, { recursive: true, force: true })
  }
  clean()
  try {
    await runAstroBuild(building, {
      SITE_CHANGES_DIR: changesDir,
      SITE_PATHS_DIR: pathsDir,
      ...(whyFull ? { SITE_PARTIAL: '0', SITE_PARTIAL_WHY: whyFull } : { SITE_PARTIAL: '1' }),
    })
    const plan = readJson(path.join(pathsDir, '_plan.json')) ?? { partial: false }
    let partial = plan.partial
    const baseDir = base ? path.join(releasesDir, base) : undefined
    const buildEveryPage = async (why) => {
      process.stdout.write(`${why}: building every page.\n`)
      for (const dir of [building, pathsDir]) fs.rmSync(dir, { recursive: true, force: true })
      await runAstroBuild(building, { SITE_CHANGES_DIR: changesDir, SITE_PATHS_DIR: pathsDir, SITE_PARTIAL: '0', SITE_PARTIAL_WHY: why })
      partial = false
    }
    if (partial) {
      const { added, gone, unexplained } = pageChanges(readPages(path.join(infoDir(base), 'paths')), readPages(pathsDir), new Set(plan.tags))
      if (unexplained.length) {
        await buildEveryPage(`Pages appeared or went away that this change does not explain (${unexplained.slice(0, 3).join(', ')}${unexplained.length > 3 ? ', …' : ''})`)
      } else {
        const linked = fillFrom(baseDir, building, gone)
        mergeSitemaps(baseDir, building, [...gone, ...unlistedPages(pathsDir)], process.env.SITE_URL ?? readSiteUrl(baseDir))
        process.stdout.write(`Kept ${linked} unchanged files from release ${base}; ${added.length} new and ${gone.length} removed pages.\n`)
      }
    }
    const check = async () => {
      const result = await buildSearchIndex(building, () => validate(building, { searchIndex: false }))
      return { problems: [...result.problems, ...searchIndexProblems(building)], pages: result.pages, unlinked: result.unlinked }
    }
    let { problems, pages, unlinked } = await check()
    if (problems.length && partial) {
      // A partial build that does not hold together (a link to a page that went away): never publish it, build every page.
      await buildEveryPage(`The partial build failed its check (${problems[0]})`)
      ;({ problems, pages, unlinked } = await check())
    }
    // What the content sync left out (a listing whose department page is unpublished…) and links shown as text: the build goes on without them.
    const omitted = [...readOmissions(changesDir), ...unlinked]
    if (omitted.length) process.stdout.write(`Udeladt:\n${omitted.map((line) => `- ${line}`).join('\n')}\n`)
    if (problems.length) {
      throw new Error(`Den nye udgave bestod ikke kontrollen, så den offentlige side blev ikke ændret:\n- ${problems.join('\n- ')}`)
    }
    const baseInfo = partial ? readJson(path.join(infoDir(base), 'info.json')) : undefined
    fs.rmSync(infoDir(name), { recursive: true, force: true })
    fs.mkdirSync(infoDir(name), { recursive: true })
    fs.renameSync(pathsDir, path.join(infoDir(name), 'paths'))
    fs.writeFileSync(
      path.join(infoDir(name), 'info.json'),
      JSON.stringify({ codeDigest, mode: partial ? 'partial' : 'full', basedOn: partial ? base : undefined, builtAt: new Date().toISOString(), fullBuildAt: baseInfo?.fullBuildAt ?? new Date(started).toISOString() }),
    )
    fs.renameSync(building, path.join(releasesDir, name))
    activate(name)
    fs.writeFileSync(storeReleaseFile(), name)
    prune()
    return { ok: true, release: name, pages, partial, omitted, durationMs: Date.now() - started }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), durationMs: Date.now() - started }
  } finally {
    clean()
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
