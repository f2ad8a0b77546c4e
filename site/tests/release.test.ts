import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { locales } from '../../core/locales'
import { type BuildInfo, readBuildInfo, readPlan, readRouteRecords, writeBuildInfo, writePlan, writeRouteRecord } from '../../core/release'
import { afterPublish } from '../scripts/release/after-publish'
import { assemblePartial, fillFrom, startLinking } from '../scripts/release/assemble'
import { fileIdentity } from '../scripts/release/file-identity'
import { abandonBuild, holdsLock, lockReleases } from '../scripts/release/lock'
import { fullBuildReason, pageChanges, readPages, unlistedPages } from '../scripts/release/plan'
import { activate, currentRelease, infoDir, listReleases, newReleaseName, prune, publish, rollback, setStoreRelease } from '../scripts/release/releases'
import { mergeSitemaps, readSiteUrl, sitemapLocs } from '../scripts/release/sitemap'
import { sourceDigest } from '../../scripts/lib.mjs'
import { readPageRecords, writePageRecords } from '../scripts/release/page-records'
import { buildDeltaIndex, buildSearchIndex, type DeltaChanges, indexedPageIds } from '../scripts/release/search-index'
import { validate } from '../scripts/release/validate'

/** The release steps on small fake builds in temporary folders: no CMS, no Astro. */
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
function tempDir(prefix = 'release-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** Writes files (path → text) under `dir`. */
function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}

const site = 'https://integration.example.org'
const urlset = (pages: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${pages
    .map((page) => `<url><loc>${site}/${page}</loc><xhtml:link rel="alternate" hreflang="da" href="${site}/${page}?a=1&amp;b=2"/></url>`)
    .join('')}</urlset>`
const sitemapIndex = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site}/sitemap-0.xml</loc></sitemap></sitemapindex>`
const page = (links: string[] = []) => `<html lang="da"><body>${links.map((href) => `<a href="${href}">x</a>`).join('')}</body></html>`

/** A served release with its build record, as a finished build leaves it. */
function servedRelease(releasesDir: string, name: string, info: Partial<BuildInfo> = {}) {
  fs.mkdirSync(path.join(releasesDir, name), { recursive: true })
  writeBuildInfo(infoDir(releasesDir, name), { codeDigest: 'code-1', mode: 'full', builtAt: new Date().toISOString(), fullBuildAt: new Date().toISOString(), ...info })
  activate(releasesDir, name)
  setStoreRelease(releasesDir, name)
}

describe('planning: full or partial', () => {
  it('builds every page when forced, when nothing is served, or the served release has no build record', () => {
    const releasesDir = tempDir()
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-1', forceFull: true })).toBe('SITE_FULL_BUILD=1')
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-1' })).toBe('no release is served yet')
    fs.mkdirSync(path.join(releasesDir, '20270101T100000Z'))
    activate(releasesDir, '20270101T100000Z')
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-1' })).toBe('the served release has no build record')
  })

  it('builds every page when the code changed, after a rollback, and on the first build of the day; else it may be partial', () => {
    const releasesDir = tempDir()
    const now = new Date('2027-03-22T12:00:00Z')
    servedRelease(releasesDir, '20270322T090000Z', { fullBuildAt: '2027-03-22T09:00:00Z' })
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-1', now })).toBeNull()
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-2', now })).toBe('the site’s code changed')
    // 00:30 in Copenhagen is the next day.
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-1', now: new Date('2027-03-22T23:30:00Z') })).toBe('the first build of the day renders every page')
    setStoreRelease(releasesDir, null)
    expect(fullBuildReason({ releasesDir, codeDigest: 'code-1', now })).toMatch(/^the served release was not built from the current content store/)
  })

  it('lets pages appear or go away only when their documents changed', () => {
    const pathsDir = tempDir()
    writeRouteRecord(pathsDir, { route: '[lang]/arrangementer/[slug]/', sitemap: true, pages: [{ file: 'da/arrangementer/ny/', tags: ['event:9'] }, { file: 'da/arrangementer/fest/', tags: ['event:1'] }] })
    writeRouteRecord(pathsDir, { route: '[lang]/arrangementer/[ended]/index.html', sitemap: false, pages: [{ file: 'da/arrangementer/slut/', tags: ['event:2'] }] })
    const now = readPages(pathsDir)
    expect(unlistedPages(pathsDir)).toEqual(['da/arrangementer/slut/'])
    const before = new Map([
      ['da/arrangementer/fest/', ['event:1']],
      ['da/arrangementer/gammel/', ['event:3']],
    ])
    expect(pageChanges(before, now, new Set(['event:9', 'event:2', 'event:3']))).toEqual({ added: ['da/arrangementer/slut/', 'da/arrangementer/ny/'], gone: ['da/arrangementer/gammel/'], unexplained: [] })
    // Event 3 ended without an edit: its page went away, which this change does not explain.
    expect(pageChanges(before, now, new Set(['event:9', 'event:2'])).unexplained).toEqual(['da/arrangementer/gammel/'])
  })

  it('reads back the plan and route records the build wrote', () => {
    const pathsDir = tempDir()
    writePlan(pathsDir, { mode: 'partial', reason: 'events: 1 new', tags: ['event:9'] })
    writeRouteRecord(pathsDir, { route: '[lang]/x/[slug]/', sitemap: true, pages: [] })
    expect(readPlan(pathsDir)).toEqual({ mode: 'partial', reason: 'events: 1 new', tags: ['event:9'] })
    expect(readRouteRecords(pathsDir).map((route) => route.route)).toEqual(['[lang]/x/[slug]/'])
    expect(readPlan(tempDir())).toBeUndefined()
  })
})

describe('assembling a partial build', () => {
  it('hard-links every file the build did not render (the full build’s search index too), except the pages that went away, the sitemaps and the search index of the changed pages', () => {
    const base = tempDir()
    const dir = tempDir()
    write(base, {
      'da/index.html': 'old front page',
      'da/aktiviteter/cafe/index.html': 'café',
      'da/arrangementer/gammel/index.html': 'gone',
      'da/kalender/x.ics': 'BEGIN:VCALENDAR',
      'sitemap-0.xml': urlset([]),
      'sitemap-index.xml': sitemapIndex,
      'pagefind/pagefind-entry.json': '{}',
      'pagefind-delta/changes.json': '{}',
    })
    write(dir, { 'da/index.html': 'new front page' })
    expect(fillFrom(base, dir, ['da/arrangementer/gammel/']).linked).toBe(3)
    expect(fs.readFileSync(path.join(dir, 'da/index.html'), 'utf8')).toBe('new front page')
    expect(fs.statSync(path.join(dir, 'da/aktiviteter/cafe/index.html')).ino).toBe(fs.statSync(path.join(base, 'da/aktiviteter/cafe/index.html')).ino)
    expect(fs.existsSync(path.join(dir, 'da/arrangementer/gammel/index.html'))).toBe(false)
    expect(fs.statSync(path.join(dir, 'pagefind/pagefind-entry.json')).ino).toBe(fs.statSync(path.join(base, 'pagefind/pagefind-entry.json')).ino)
    expect(fs.existsSync(path.join(dir, 'pagefind-delta'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'sitemap-0.xml'))).toBe(false)
  })

  it.each([
    ['linked after rendering', false],
    ['linked in a thread of their own while the pages rendered', true],
  ])('makes a release that passes the check from the served one and the rendered pages (served files %s)', async (_, whileRendering) => {
    const base = tempDir()
    const dir = tempDir()
    const releasesDir = tempDir()
    write(base, {
      'da/index.html': page(['/da/aktiviteter/cafe/']),
      'da/aktiviteter/cafe/index.html': page(),
      'da/arrangementer/gammel/index.html': page(),
      'sitemap-0.xml': urlset(['da/', 'da/aktiviteter/cafe/', 'da/arrangementer/gammel/']),
      'sitemap-index.xml': sitemapIndex,
    })
    // Linked while the pages are rendered, as a partial build starts it.
    const linking = whileRendering ? startLinking(base, path.join(releasesDir, '.linking')) : undefined
    write(dir, { 'da/index.html': page(['/da/aktiviteter/cafe/', '/da/arrangementer/ny/']), 'da/arrangementer/ny/index.html': page(), 'sitemap-0.xml': urlset(['da/', 'da/arrangementer/ny/']) })
    const assembled = await assemblePartial({ baseDir: base, dir, gone: ['da/arrangementer/gammel/'], unlisted: [], siteUrl: site, linking })
    expect(assembled.linked).toBe(1)
    expect(sitemapLocs(fs.readFileSync(path.join(dir, 'sitemap-0.xml'), 'utf8'))).toEqual([`${site}/da/`, `${site}/da/aktiviteter/cafe/`, `${site}/da/arrangementer/ny/`])
    const walked = validate(dir, { searchIndex: false })
    expect(walked.problems).toEqual([])
    if (whileRendering) {
      // The assembly's listing is what a walk of the release finds, with the same identities.
      const { files } = assembled
      expect(files).toBeDefined()
      const listed = (folder: string, relative = ''): string[] =>
        fs.readdirSync(path.join(folder, relative), { withFileTypes: true }).flatMap((entry) => {
          const name = relative ? `${relative}/${entry.name}` : entry.name
          return entry.isDirectory() ? [name, ...listed(folder, name)] : [name]
        })
      expect([...files!.present].sort()).toEqual(listed(dir).sort())
      expect([...files!.pages.keys()].sort()).toEqual(['da/aktiviteter/cafe/index.html', 'da/arrangementer/ny/index.html', 'da/index.html'])
      // The linked page has the served file's identity; the rendered ones are found by the check.
      expect(files!.pages.get('da/aktiviteter/cafe/index.html')).toBe(fileIdentity(path.join(dir, 'da/aktiviteter/cafe/index.html')))
      expect(files!.pages.get('da/index.html')).toBeUndefined()
      const fromListing = validate(dir, { searchIndex: false, files })
      expect(fromListing.problems).toEqual([])
      expect(fromListing.pages).toBe(walked.pages)
      expect(new Map(fromListing.files.map((file, n) => [file, fromListing.keys[n]]))).toEqual(new Map(walked.files.map((file, n) => [file, walked.keys[n]])))
      // A link to the page that went away is found from the listing too.
      fs.writeFileSync(path.join(dir, 'da/arrangementer/ny/index.html'), page(['/da/arrangementer/gammel/']))
      files!.pages.set('da/arrangementer/ny/index.html', undefined)
      expect(validate(dir, { searchIndex: false, files }).problems).toEqual(['broken internal link: /da/arrangementer/gammel/ (in da/arrangementer/ny/index.html)'])
    }
    // The rendered front page replaced its link; the served one is as it was.
    expect(fs.readFileSync(path.join(dir, 'da/index.html'), 'utf8')).toContain('/da/arrangementer/ny/')
    expect(fs.readFileSync(path.join(base, 'da/index.html'), 'utf8')).not.toContain('/da/arrangementer/ny/')
    expect(fs.statSync(path.join(dir, 'da/aktiviteter/cafe/index.html')).ino).toBe(fs.statSync(path.join(base, 'da/aktiviteter/cafe/index.html')).ino)
    expect(fs.existsSync(path.join(dir, 'da/arrangementer/gammel/index.html'))).toBe(false)
    expect(fs.readdirSync(releasesDir)).toEqual([])
  })
})

describe('merging sitemaps', () => {
  it('keeps the served entries, drops the pages that went away and the unlisted ones, and takes the rendered pages’ entries', () => {
    const base = tempDir()
    const dir = tempDir()
    write(base, { 'sitemap-0.xml': urlset(['da/', 'da/a/', 'da/gammel/', 'da/flyttet/']), 'sitemap-index.xml': sitemapIndex })
    write(dir, {
      'sitemap-0.xml': urlset(['da/', 'da/ny/']).replace(`<loc>${site}/da/</loc>`, `<loc>${site}/da/</loc><lastmod>2027-03-22</lastmod>`),
      'sitemap-index.xml': sitemapIndex,
    })
    mergeSitemaps(base, dir, ['da/gammel/', 'da/flyttet/', 'da/kalender/x.ics'], site)
    const merged = fs.readFileSync(path.join(dir, 'sitemap-0.xml'), 'utf8')
    expect(sitemapLocs(merged)).toEqual([`${site}/da/`, `${site}/da/a/`, `${site}/da/ny/`])
    // The rendered page's entry wins; entries are written as the sitemap plugin writes them.
    expect(merged).toContain(`<url><loc>${site}/da/</loc><lastmod>2027-03-22</lastmod><xhtml:link rel="alternate" hreflang="da" href="${site}/da/?a=1&amp;b=2"/></url>`)
    expect(merged.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8')).toBe(sitemapIndex)
    expect(readSiteUrl(dir)).toBe(site)
  })

  it('splits the addresses into files of at most 45,000 (here 2), all listed in the index', () => {
    const base = tempDir()
    const dir = tempDir()
    write(base, { 'sitemap-0.xml': urlset(['da/a/', 'da/b/', 'da/c/']) })
    fs.mkdirSync(dir, { recursive: true })
    mergeSitemaps(base, dir, [], site, 2)
    expect(sitemapLocs(fs.readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8'))).toEqual([`${site}/sitemap-0.xml`, `${site}/sitemap-1.xml`])
    expect(sitemapLocs(fs.readFileSync(path.join(dir, 'sitemap-1.xml'), 'utf8'))).toEqual([`${site}/da/c/`])
  })

  it('links the served file of each part whose entries are unchanged, and writes the parts that changed', () => {
    const base = tempDir()
    write(base, { 'sitemap-0.xml': urlset(['da/a/', 'da/b/']), 'sitemap-1.xml': urlset(['da/c/', 'da/d/']) })
    // The served release as a partial build leaves it (its files written by the merge).
    const served = tempDir()
    mergeSitemaps(base, served, [], site, 2)
    const inode = (folder: string, name: string) => fs.statSync(path.join(folder, name)).ino
    // An edit of one page: its entry is as it was, so no part changes.
    const edited = tempDir()
    write(edited, { 'sitemap-0.xml': urlset(['da/c/']) })
    mergeSitemaps(served, edited, [], site, 2)
    for (const name of ['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']) expect(inode(edited, name)).toBe(inode(served, name))
    // A page gone from the second part: the first is kept, the second and the index are new files.
    const removed = tempDir()
    fs.mkdirSync(removed, { recursive: true })
    mergeSitemaps(served, removed, ['da/d/'], site, 2)
    expect(inode(removed, 'sitemap-0.xml')).toBe(inode(served, 'sitemap-0.xml'))
    expect(inode(removed, 'sitemap-1.xml')).not.toBe(inode(served, 'sitemap-1.xml'))
    expect(sitemapLocs(fs.readFileSync(path.join(removed, 'sitemap-1.xml'), 'utf8'))).toEqual([`${site}/da/c/`])
    expect(fs.readFileSync(path.join(served, 'sitemap-1.xml'), 'utf8')).toContain(`${site}/da/d/`)
    // A changed entry (its page's language versions): its part is written again.
    const changed = tempDir()
    write(changed, { 'sitemap-0.xml': urlset(['da/a/']).replace(`<loc>${site}/da/a/</loc>`, `<loc>${site}/da/a/</loc><lastmod>2027-03-22</lastmod>`) })
    mergeSitemaps(served, changed, [], site, 2)
    expect(inode(changed, 'sitemap-0.xml')).not.toBe(inode(served, 'sitemap-0.xml'))
    expect(fs.readFileSync(path.join(changed, 'sitemap-0.xml'), 'utf8')).toContain('<lastmod>2027-03-22</lastmod>')
    expect(inode(changed, 'sitemap-1.xml')).toBe(inode(served, 'sitemap-1.xml'))
  })
})

describe('the release check', () => {
  it('finds a page missing from the sitemap, a broken link, a redirect to nowhere and a missing search index', () => {
    const dir = tempDir()
    write(dir, {
      'sitemap-index.xml': sitemapIndex,
      'sitemap-0.xml': urlset(['da/', 'en/']),
      'da/index.html': page(['/da/findes-ikke/', '/da/', '//cdn.example.org/x.js']),
      _redirects: '/da/gammel/ /da/ 301\n/da/gaaet/ /da/vaek/ 301\n',
    })
    const { problems, pages } = validate(dir)
    expect(pages).toBe(1)
    expect(problems).toEqual([
      'page in the sitemap is missing: /en/',
      'broken internal link: /da/findes-ikke/ (in da/index.html)',
      'broken internal link: /da/vaek/ (redirect from /da/gaaet/)',
      ...locales.map(({ code }) => `the search index for ${code} is missing`),
    ])
  })

  it('refuses a build without a sitemap, and names a sitemap that is not XML', () => {
    const empty = tempDir()
    expect(validate(empty, { searchIndex: false }).problems).toEqual(['sitemap-index.xml is missing', 'the sitemap lists no pages'])
    const broken = tempDir()
    write(broken, { 'sitemap-index.xml': sitemapIndex, 'sitemap-0.xml': '<urlset><url><loc>' })
    expect(validate(broken, { searchIndex: false }).problems[0]).toMatch(/^sitemap-0\.xml is not valid XML/)
  })

  it('reads a page kept from the served release (a hard link) once, and still finds its link to a page that went away', () => {
    const served = tempDir()
    write(served, { 'sitemap-index.xml': sitemapIndex, 'sitemap-0.xml': urlset(['da/', 'da/b/']), 'da/index.html': page(['/da/b/']), 'da/b/index.html': page(['/da/']) })
    expect(validate(served, { searchIndex: false }).problems).toEqual([])
    // The next (partial) build keeps da/index.html and no longer has /da/b/.
    const dir = tempDir()
    write(dir, { 'sitemap-index.xml': sitemapIndex, 'sitemap-0.xml': urlset(['da/']) })
    fs.mkdirSync(path.join(dir, 'da'))
    fs.linkSync(path.join(served, 'da/index.html'), path.join(dir, 'da/index.html'))
    const read = vi.spyOn(fs, 'readFileSync')
    try {
      expect(validate(dir, { searchIndex: false }).problems).toEqual(['broken internal link: /da/b/ (in da/index.html)'])
      const files = read.mock.calls.map(([file]) => path.relative(dir, String(file)))
      expect(files).toContain('sitemap-0.xml')
      expect(files.filter((file) => file.endsWith('.html'))).toEqual([])
    } finally {
      read.mockRestore()
    }
  })

  it('takes what it read of the served release’s pages from the release’s record when another process made the release', () => {
    const served = tempDir()
    write(served, { 'sitemap-index.xml': sitemapIndex, 'sitemap-0.xml': urlset(['da/']), 'da/index.html': page(['/da/b/']) })
    const stat = fs.statSync(path.join(served, 'da/index.html'))
    const key = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`
    // A record as a build in another process wrote it: this page links /da/c/ (a record, not what the file says, to see which was used).
    const records = path.join(tempDir(), 'pages.json')
    const code = sourceDigest(['site/scripts/release'])
    const record = { version: 1, code, release: 'r1', hrefs: ['/da/c/'], hashes: ['sha256-x'], pages: { [key]: [[0], [0], []] } }
    // Written by another version of the release code: what it read may mean something else now.
    fs.writeFileSync(records, JSON.stringify({ ...record, code: 'other' }))
    expect(readPageRecords(records, 'r1')).toBe(0)
    fs.writeFileSync(records, JSON.stringify(record))
    expect(readPageRecords(records, 'r1')).toBe(1)
    // Held now: not read twice.
    expect(readPageRecords(records, 'r1')).toBe(0)
    const read = vi.spyOn(fs, 'readFileSync')
    try {
      const result = validate(served, { searchIndex: false })
      expect(result.problems).toEqual(['broken internal link: /da/c/ (in da/index.html)'])
      expect(read.mock.calls.map(([file]) => String(file)).filter((file) => file.endsWith('.html'))).toEqual([])
      expect(result.keys).toEqual([key])
      // Written back as read.
      const again = path.join(path.dirname(records), 'again.json')
      writePageRecords(again, 'r2', result.keys)
      expect(JSON.parse(fs.readFileSync(again, 'utf8'))).toEqual({ ...record, release: 'r2' })
    } finally {
      read.mockRestore()
    }
  })

  it('shows a link to an unpublished page as text, in a new file (never through a hard link into the served release)', () => {
    const served = tempDir()
    const dir = tempDir()
    write(served, { 'da/index.html': '<p><a data-content-link href="/da/kladde/">Kladden</a></p>' })
    write(dir, { 'sitemap-index.xml': sitemapIndex, 'sitemap-0.xml': urlset(['da/']) })
    fs.mkdirSync(path.join(dir, 'da'))
    fs.linkSync(path.join(served, 'da/index.html'), path.join(dir, 'da/index.html'))
    const { problems, unlinked } = validate(dir, { searchIndex: false })
    expect(problems).toEqual([])
    expect(unlinked).toEqual(['Linket til /da/kladde/ på da/index.html vises uden link: siden findes ikke på den offentlige side.'])
    expect(fs.readFileSync(path.join(dir, 'da/index.html'), 'utf8')).toBe('<p><span>Kladden</span></p>')
    expect(fs.readFileSync(path.join(served, 'da/index.html'), 'utf8')).toContain('data-content-link')
  })
})

/** A page Pagefind reads (marked for search), in a language. */
const searchable = (lang: string, title: string) => `<html lang="${lang}"><body><main data-pagefind-body><h1>${title}</h1><p>${title} tekst</p></main></body></html>`

describe('the release check’s link lookups', () => {
  it('looks links up in the files it walked, as a browser resolves them, without asking the disk for each', () => {
    const dir = tempDir()
    const links = ['/da/', '/da/b', '/da/b/', '/feed.ics', '/da/../da/b/', '/da/b/#top', '/da/b/?q=1', '/_astro']
    write(dir, {
      'sitemap-index.xml': sitemapIndex,
      'sitemap-0.xml': urlset(['da/', 'da/b/']),
      'da/index.html': page(links),
      'da/b/index.html': page(['/da/c/', '/da/%E0%A4%A/', '/feed.ics/', '/da/index.html/']),
      'feed.ics': 'BEGIN:VCALENDAR',
      '_astro/app.js': '',
    })
    const asked = vi.spyOn(fs, 'existsSync')
    try {
      const { problems, files, keys } = validate(dir, { searchIndex: false })
      // A page that is not there, an address that cannot be decoded, a file addressed as a folder, a file as a folder's page.
      expect(problems.sort()).toEqual(
        ['/da/%E0%A4%A/', '/da/c/', '/da/index.html/', '/feed.ics/'].map((href) => `broken internal link: ${href} (in da/b/index.html)`).sort(),
      )
      // The sitemaps and the redirect rules only: no look-up per link.
      expect(asked.mock.calls.map(([file]) => path.relative(dir, String(file))).filter((file) => !/^(sitemap-[\w-]+\.xml|_redirects)$/.test(file))).toEqual([])
      expect(asked.mock.calls.length).toBeGreaterThan(0)
      // The pages it checked, for the serving rules: every one, each with its identity.
      expect(files.map((file) => path.relative(dir, file)).sort()).toEqual(['da/b/index.html', 'da/index.html'])
      expect(keys).toHaveLength(2)
    } finally {
      asked.mockRestore()
    }
  })
})

describe('the search index', () => {
  it('indexes the searchable pages of every language, and reads neither the posters nor the root pages', async () => {
    const dir = tempDir()
    write(dir, {
      'index.html': searchable('da', 'Omdirigering'),
      '404.html': searchable('da', 'Roden'),
      'da/index.html': searchable('da', 'Forside'),
      'da/afdelinger/holbaek/index.html': searchable('da', 'Holbæk'),
      'ar/afdelinger/holbaek/index.html': searchable('ar', 'هولبيك'),
      'da/plakat/aktivitet/lektiecafe/index.html': searchable('da', 'Plakat'),
      'ar/plakat/afdeling/holbaek/index.html': searchable('ar', 'ملصق'),
    })
    const log: string[] = []
    await buildSearchIndex(dir, () => undefined, (line) => log.push(line))
    // Three pages read: the poster pages (here marked searchable, to see that they are skipped) and the root pages are not.
    expect(log).toEqual(['Search index: 3 pages'])
    // No changed pages' index yet, said so to the search page.
    expect(fs.readFileSync(path.join(dir, 'pagefind-delta', 'changes.json'), 'utf8')).toBe('{}')
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages).sort()).toEqual(['ar', 'da'])
  })
  it('indexes the pages changed since the full build on their own, and names the full index’s pages they replace', async () => {
    const dir = tempDir()
    write(dir, {
      'da/aktiviteter/cafe/index.html': searchable('da', 'Lektiecafé'),
      'da/aktiviteter/cykel/index.html': searchable('da', 'Cykelkursus'),
      'da/arrangementer/tur/index.html': searchable('da', 'Skovtur'),
      'ar/aktiviteter/cafe/index.html': searchable('ar', 'مقهى'),
    })
    await buildSearchIndex(dir, () => undefined, () => undefined)
    const base = indexedPageIds(path.join(dir, 'pagefind'))
    expect([...base.keys()].sort()).toEqual(['/ar/aktiviteter/cafe/', '/da/aktiviteter/cafe/', '/da/aktiviteter/cykel/', '/da/arrangementer/tur/'])

    // A partial build: the café's text changed, a new event, the trip went away; the bike course was rendered again unchanged, and an earlier partial build rendered the Arabic café.
    write(dir, { 'da/aktiviteter/cafe/index.html': searchable('da', 'Lektiecafé med ny tekst'), 'da/arrangementer/fest/index.html': searchable('da', 'Sommerfest') })
    fs.rmSync(path.join(dir, 'da/arrangementer/tur'), { recursive: true })
    const log: string[] = []
    const { state, result } = await buildDeltaIndex(
      {
        dir,
        before: { touched: ['ar/aktiviteter/cafe/index.html'] },
        rendered: ['da/aktiviteter/cafe/index.html', 'da/aktiviteter/cykel/index.html', 'da/arrangementer/fest/index.html', 'da/plakat/aktivitet/cafe/index.html'],
        gone: ['da/arrangementer/tur/index.html'],
        log: (line) => log.push(line),
      },
      () => 'checked',
    )
    expect(result).toBe('checked')
    expect(state.touched).toEqual(['ar/aktiviteter/cafe/index.html', 'da/aktiviteter/cafe/index.html', 'da/aktiviteter/cykel/index.html', 'da/arrangementer/fest/index.html', 'da/arrangementer/tur/index.html', 'da/plakat/aktivitet/cafe/index.html'])
    // The poster is not searched; the trip is gone.
    expect(log).toEqual(['Search index: 4 pages changed since the full build, in pagefind-delta/'])
    const delta = indexedPageIds(path.join(dir, 'pagefind-delta'))
    expect([...delta.keys()].sort()).toEqual(['/ar/aktiviteter/cafe/', '/da/aktiviteter/cafe/', '/da/aktiviteter/cykel/', '/da/arrangementer/fest/'])
    const changes = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-delta', 'changes.json'), 'utf8')) as DeltaChanges
    // The full index's old café and the trip are left out; the unchanged bike course and Arabic café have the same id in both, so they stay (once).
    expect(changes.da).toEqual({ indexed: true, drop: [base.get('/da/aktiviteter/cafe/'), base.get('/da/arrangementer/tur/')].sort() })
    expect(delta.get('/da/aktiviteter/cykel/')).toBe(base.get('/da/aktiviteter/cykel/'))
    expect(changes.ar).toEqual({ indexed: true, drop: [] })
    expect(changes.ti).toEqual({ indexed: false, drop: [] })
  })
})

describe('the full index’s page ids', () => {
  const fragment = (json: unknown) => zlib.gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(json)}`))
  it('are read from the start of each fragment, and from the whole one when the start does not hold the address', () => {
    const dir = tempDir()
    const folder = path.join(dir, 'fragment')
    fs.mkdirSync(folder, { recursive: true })
    // An address of 3,000 characters that hardly compress: its closing quote is past the first kilobyte.
    const long = `/da/${Array.from({ length: 3000 }, (_, n) => String.fromCharCode(97 + ((n * 7919 + (n >> 3)) % 26))).join('')}/`
    // Text that does not compress, after the address: the first kilobyte holds only part of a long one.
    const noise = Array.from({ length: 4000 }, (_, n) => String.fromCharCode(0x1200 + ((n * 7919) % 300))).join('')
    fs.writeFileSync(path.join(folder, 'da_1111111.pf_fragment'), fragment({ url: '/da/a/', content: noise }))
    fs.writeFileSync(path.join(folder, 'da_2222222.pf_fragment'), fragment({ url: long, content: noise }))
    fs.writeFileSync(path.join(folder, 'da_3333333.pf_fragment'), fragment({ url: '/da/\u00e6ble/', content: 'x' }))
    // A group of fragments in one file, by id.
    fs.writeFileSync(path.join(folder, 'da_group.pf_fragment'), fragment({ da_4444444: { url: '/da/d/' }, da_5555555: { url: '/da/e/' } }))
    expect(Object.fromEntries(indexedPageIds(dir))).toEqual({
      '/da/a/': 'da_1111111',
      [long]: 'da_2222222',
      '/da/\u00e6ble/': 'da_3333333',
      '/da/d/': 'da_4444444',
      '/da/e/': 'da_5555555',
    })
  })
})

describe('the search index of the changed pages, when ids meet', () => {
  it('refuses a delta whose page has the id the full index gives another page (the search page tells pages apart by id)', async () => {
    const party = searchable('da', 'Sommerfest')
    // The id Pagefind gives this page.
    const scratch = tempDir()
    write(scratch, { 'pagefind/pagefind-entry.json': '{}', 'da/fest/index.html': party })
    await buildDeltaIndex({ dir: scratch, before: { touched: [] }, rendered: ['da/fest/index.html'], gone: [], log: () => undefined }, () => undefined)
    const [id] = indexedPageIds(path.join(scratch, 'pagefind-delta')).values()
    expect(id).toMatch(/^da_/)
    // A full index where another page has that id.
    const dir = tempDir()
    const fragment = zlib.gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url: '/da/en-anden-side/', content: 'x' }))]))
    write(dir, { 'pagefind/pagefind-entry.json': '{"languages":{}}', 'da/fest/index.html': party })
    fs.mkdirSync(path.join(dir, 'pagefind/fragment'))
    fs.writeFileSync(path.join(dir, `pagefind/fragment/${id}.pf_fragment`), fragment)
    expect(indexedPageIds(path.join(dir, 'pagefind')).get('/da/en-anden-side/')).toBe(id)
    await expect(buildDeltaIndex({ dir, before: { touched: [] }, rendered: ['da/fest/index.html'], gone: [], log: () => undefined }, () => undefined)).rejects.toThrow(`/da/fest/ has the id (${id}) that /da/en-anden-side/ has in the full index`)
  })
})

describe('the releases folder', () => {
  it('publishes a build atomically, keeps three releases (the old ones deleted in the background), and rolls back to the one before', async () => {
    const releasesDir = tempDir()
    const names: string[] = []
    for (let n = 0; n < 5; n++) {
      const name = newReleaseName(releasesDir, new Date(Date.UTC(2027, 2, 22, 9, n)))
      const building = path.join(releasesDir, '.building')
      const pathsDir = path.join(releasesDir, '.paths')
      write(building, { 'da/index.html': `release ${n}` })
      writePlan(pathsDir, { mode: 'full', reason: 'test', tags: [] })
      await publish(releasesDir, { building, name, pathsDir, info: { codeDigest: 'c', mode: 'full', builtAt: '2027-03-22T09:00:00Z', fullBuildAt: '2027-03-22T09:00:00Z' } }).pruned
      names.push(name)
    }
    expect(listReleases(releasesDir)).toEqual(names.slice(2))
    // The old releases' files are gone, not only their names.
    expect(fs.readdirSync(releasesDir).filter((name) => name.startsWith('.removing-'))).toEqual([])
    expect(currentRelease(releasesDir)).toBe(names[4])
    expect(readBuildInfo(infoDir(releasesDir, names[4]!))?.mode).toBe('full')
    expect(fs.existsSync(infoDir(releasesDir, names[0]!))).toBe(false)
    expect(fs.readFileSync(path.join(releasesDir, 'current', 'da/index.html'), 'utf8')).toBe('release 4')
    expect(rollback(releasesDir)).toEqual({ ok: true, release: names[3], from: names[4] })
    expect(fs.readFileSync(path.join(releasesDir, 'current', 'da/index.html'), 'utf8')).toBe('release 3')
    // The served release is never pruned, even when it is the oldest.
    expect(rollback(releasesDir)).toMatchObject({ ok: true, release: names[2] })
    expect(rollback(releasesDir)).toEqual({ ok: false, error: `No release before ${names[2]} is kept; nothing changed.` })
    fs.mkdirSync(path.join(releasesDir, `${names[4]}-1`))
    // A release a stopped process was removing is removed by the next prune.
    fs.mkdirSync(path.join(releasesDir, '.removing-20270101T000000Z', 'da'), { recursive: true })
    await prune(releasesDir)
    expect(fs.existsSync(path.join(releasesDir, '.removing-20270101T000000Z'))).toBe(false)
    expect(currentRelease(releasesDir)).toBe(names[2])
  })

  it('names a release by its build time, with a counter when that folder exists', () => {
    const releasesDir = tempDir()
    const at = new Date('2027-03-22T09:00:00.123Z')
    expect(newReleaseName(releasesDir, at)).toBe('20270322T090000Z')
    fs.mkdirSync(path.join(releasesDir, '20270322T090000Z'))
    fs.mkdirSync(path.join(releasesDir, '20270322T090000Z-1'))
    expect(newReleaseName(releasesDir, at)).toBe('20270322T090000Z-2')
  })
})

describe('after a release is served (SITE_AFTER_PUBLISH)', () => {
  it('runs the command with the release named, and logs a failure without failing', async () => {
    const dir = tempDir()
    const lines: string[] = []
    const log = (line: string) => lines.push(line)
    expect(await afterPublish(path.join(dir, 'r1'), 'r1', log, `echo "$RELEASE $RELEASE_DIR" > ${dir}/ran; echo reloaded`)).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'ran'), 'utf8').trim()).toBe(`r1 ${path.join(dir, 'r1')}`)
    expect(lines).toEqual(['SITE_AFTER_PUBLISH done: reloaded.'])
    expect(await afterPublish(dir, 'r2', log, 'echo "nginx: [emerg] bad config" >&2; exit 3')).toBe(false)
    expect(lines[1]).toBe('SITE_AFTER_PUBLISH failed (exit code 3): nginx: [emerg] bad config. The new release is served.')
    expect(await afterPublish(dir, 'r3', log, '')).toBeNull()
    expect(lines).toHaveLength(2)
  })
})

describe('the releases folder’s lock (one build at a time, across processes)', () => {
  const lockFile = (dir: string) => path.join(dir, '.build-lock')
  const start = (pid: number) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  }

  it('is taken from a holder that is gone, or whose process id another process now has; waits for a live one', async () => {
    const dir = tempDir()
    // A process id nobody has (the highest possible), then this process's id with another start time (a reused id).
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 4_194_304, started: '1' }))
    const release = await lockReleases(dir, { waitMs: 0 })
    expect(holdsLock(dir)).toBe(true)
    release()
    expect(fs.existsSync(lockFile(dir))).toBe(false)
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.ppid, started: '1' }))
    ;(await lockReleases(dir, { waitMs: 0 }))()
    // The parent process, alive and the same: waited for, then given up with a message.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.ppid, started: start(process.ppid) }))
    const lines: string[] = []
    await expect(lockReleases(dir, { waitMs: 600, log: (line) => lines.push(line) })).rejects.toThrow(/En tidligere opdatering af siden kører stadig/)
    expect(lines).toEqual([`Waiting for the build in process ${process.ppid} to finish.`])
    expect(holdsLock(dir)).toBe(false)
  })

  it('an abandoned build removes its half-made folders only while it holds the lock', async () => {
    const dir = tempDir()
    const folders = ['.building', '.changes', '.paths'].map((name) => path.join(dir, name))
    for (const folder of folders) fs.mkdirSync(folder)
    // Another (live) process holds the lock: its folders stay.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.ppid, started: start(process.ppid) }))
    abandonBuild(dir)
    expect(folders.every((folder) => fs.existsSync(folder))).toBe(true)
    fs.rmSync(lockFile(dir))
    await lockReleases(dir, { waitMs: 0 })
    abandonBuild(dir)
    expect(folders.some((folder) => fs.existsSync(folder))).toBe(false)
    expect(fs.existsSync(lockFile(dir))).toBe(false)
  })
})
