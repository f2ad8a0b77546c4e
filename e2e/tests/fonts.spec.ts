import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { declaredFonts, decodeEntities, pageWeight, samplePages } from '../../scripts/page-weight.mjs'
import { fontCodePoints, glyphShaper, scriptFonts, type Script } from '../../site/src/lib/font-subsets'
import { siteOutDir } from '../fixtures/cms'

// The built release's font subsets (site/src/lib/font-subsets.ts): each Arabic-script and
// Ethiopic page names its language's subset, the subset holds every character of the page that
// the whole font has, and a first visit stays small.
const scriptOf = { ar: 'arabic', fa: 'arabic', ps: 'arabic', ti: 'ethiopic' } as const satisfies Record<string, Script>
const locales = ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']
const kib = 1024

const codePointsOf = new Map<string, Promise<Set<number>>>()
const codePoints = (file: string) => {
  if (!codePointsOf.has(file)) codePointsOf.set(file, fontCodePoints(fs.readFileSync(file)).then((points) => new Set(points)))
  return codePointsOf.get(file)!
}

/** Every .html file under `dir`. */
function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).map((name) => path.join(dir, name))
}

/**
 * Characters of a page (its whole HTML: text, attributes, the map's and other scripts' data) that
 * the script's whole font draws and the subset does not: each would fall back to another font, and
 * in Arabic break the word's joining. Not the finder's place lookup: every language's spellings
 * of the towns, to match what a reader types, never shown.
 */
function missing(html: string, whole: Set<number>, subset: Set<number>): string[] {
  const shown = html.replace(/<script type="application\/json" data-finder-places>[\s\S]*?<\/script>/g, '')
  return [...new Set<string>(decodeEntities(shown))].filter((character) => {
    const point = character.codePointAt(0)!
    return whole.has(point) && !subset.has(point)
  })
}

for (const [lang, script] of Object.entries(scriptOf)) {
  test(`every character of every ${lang} page is in the ${lang} font subset`, async () => {
    const whole = await codePoints(scriptFonts[script].file)
    const pages = htmlFiles(path.join(siteOutDir(), lang))
    expect(pages.length).toBeGreaterThan(10)
    const problems: Record<string, string> = {}
    for (const file of pages) {
      const html = fs.readFileSync(file, 'utf8')
      const fonts = declaredFonts(html)
      expect(fonts.map((font) => font.family), file).toEqual([scriptFonts[script].family])
      // Preloaded, so it is there for the first paint and the text does not move when it comes.
      expect(html, file).toContain(`<link rel="preload" href="${fonts[0]!.url}" as="font" type="font/woff2" crossorigin="anonymous">`)
      const subset = await codePoints(path.join(siteOutDir(), fonts[0]!.url!))
      const lacking = missing(html, whole, subset)
      if (lacking.length) problems[path.relative(siteOutDir(), file)] = lacking.join(' ')
    }
    expect(problems).toEqual({})
  })
}

test('the coverage check finds a character the subset lacks', async () => {
  const whole = await codePoints(scriptFonts.arabic.file)
  const html = fs.readFileSync(path.join(siteOutDir(), 'ar', 'index.html'), 'utf8')
  const subset = await codePoints(path.join(siteOutDir(), declaredFonts(html)[0]!.url!))
  expect(missing(html, whole, subset)).toEqual([])
  // ڀ (beheh, a Sindhi letter) is in the whole font and no Arabic page uses it.
  expect(subset.has(0x680)).toBe(false)
  expect(missing(`${html}<p>ڀ</p>`, whole, subset)).toEqual(['ڀ'])
  // A subset without one of the page's letters.
  const letter = [...decodeEntities(html)].find((character) => subset.has(character.codePointAt(0)!) && /\p{Script=Arabic}/u.test(character))!
  expect(missing(html, whole, new Set([...subset].filter((point) => point !== letter.codePointAt(0))))).toEqual([letter])
})

test('the Arabic subset still joins letters: a word is drawn with its joined forms, not the isolated letters', async () => {
  const html = fs.readFileSync(path.join(siteOutDir(), 'ar', 'index.html'), 'utf8')
  const glyphs = await glyphShaper(fs.readFileSync(path.join(siteOutDir(), declaredFonts(html)[0]!.url!)))
  // "بيت" (house): beh and yeh join; each letter alone takes its isolated form.
  for (const word of ['بيت', 'مرحبا']) {
    const joined = glyphs(word)
    expect(joined).not.toContain(0)
    const isolated = [...word].flatMap((letter) => glyphs(letter))
    expect(isolated).not.toContain(0)
    expect(joined.slice().reverse(), word).not.toEqual(isolated)
  }
})

/**
 * The budget of a first visit: 30 KiB (HTML, CSS, the scripts and the chunks they import, and
 * fonts, compressed) for every sampled page in every language, the finder included (its filters'
 * script and index, and the map's, are fetched only when the reader reaches for them), each
 * subset at most 20 KiB.
 */
test('a first visit to a page loads at most 30 KiB, each font subset at most 20 KiB', async () => {
  const release = siteOutDir()
  const pages = samplePages(release)
  expect(Object.keys(pages)).toEqual(['home', 'finder', 'department', 'activity', 'event'])
  const over: string[] = []
  const subsets = new Set<string>()
  for (const lang of locales) {
    for (const page of Object.values(pages)) {
      const weight = pageWeight(release, `${lang}/${page}`)
      if (weight.total > 30 * kib) over.push(`/${lang}/${page}: ${(weight.total / kib).toFixed(1)} KiB (fonts ${(weight.fonts / kib).toFixed(1)} KiB)`)
      for (const font of declaredFonts(fs.readFileSync(path.join(release, lang, page, 'index.html'), 'utf8'))) subsets.add(font.url!)
      // A page in a script every system has declares no font; the others' fonts are each one subset.
      if (lang in scriptOf) expect(weight.fonts, `/${lang}/${page}`).toBeGreaterThan(0)
      else {
        expect(weight.fonts, `/${lang}/${page}`).toBe(0)
        expect(fs.readFileSync(path.join(release, lang, page, 'index.html'), 'utf8'), `/${lang}/${page}`).not.toContain('as="font"')
      }
      expect(weight.fonts, `/${lang}/${page}`).toBeLessThanOrEqual(20 * kib)
    }
  }
  expect(over).toEqual([])
  for (const url of subsets) expect(fs.statSync(path.join(release, url)).size, url).toBeLessThanOrEqual(20 * kib)
})
