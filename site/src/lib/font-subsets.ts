/**
 * Font subsets per language, made at build time. Arabic-script and Ethiopic pages need a font
 * many phones lack; the whole variable fonts (Arabic ~162 KB, Ethiopic ~194 KB) were most of
 * such a page's first load. Each language gets its own subset holding the characters its pages
 * can show: every text of that locale in the content store (Danish fallbacks included), its UI
 * strings, what Intl writes for it (month and weekday names, digits, list words), the names of
 * languages in their own scripts (core/locales, core/languages), its names of towns (core/places)
 * and the script's punctuation. HarfBuzz's subsetter (subset-font, WASM) keeps
 * the layout features of the kept glyphs, so Arabic still joins.
 *
 * The weight axis is narrowed to the weights the CSS uses (400 to 700: normal, font-semibold,
 * font-bold), one file for all of them: smaller than the two static instances (400 and 700) that
 * a page with bold text would both load (measured at demo scale, without kerning: Arabic 14.8 KB
 * against 8.2 + 8.6 KB, Persian 16.7 against 9.2 + 9.6, Ethiopic 14.7 against 7.1 + 7.1; the
 * whole axis 100 to 900 was 1.6 to 1.8 times the narrowed one).
 *
 * Used by astro.config.mjs (the Vite plugin below), by site/tests and by e2e/tests/fonts.spec.ts.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Plugin } from 'vite'

import { spokenLanguages } from '../../../core/languages'
import { locales, type LocaleCode } from '../../../core/locales'
import { placeNames } from '../../../core/places'
import { charactersByLocale, collectStrings, liveStore } from './live-store'
import { virtualModule } from './virtual-module'

const require = createRequire(import.meta.url)
const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const root = path.resolve(siteDir, '..')

export type Script = 'arabic' | 'ethiopic'

interface ScriptFont {
  /** The family the CSS names (global.css). */
  family: string
  /** The same font installed on the reader's system: used before any download. */
  local: string
  /** The whole variable font (Fontsource's file for this script), the source of each subset. */
  file: string
  /** Characters a page of the script may show whatever its text: punctuation, joiners, marks of direction. */
  always: string
  /**
   * Layout features to keep: all the font has (joining, ligatures, mark positioning) but `kern`,
   * and `pnum`/`tnum` (other digit widths, off unless CSS asks for them; the site never does:
   * 0.4 KB of the Persian and Pashto subsets). Kerning is the finest spacing, not shaping; in
   * Ethiopic its pairs were more than a third of the subset (23.3 KB with, 14.7 KB without, at
   * demo scale), in Arabic-script subsets 0.7 KB of 17.4. Without the three, Persian and Pashto
   * department pages stay under 30 KiB.
   */
  features: string[]
}

export const scriptFonts: Record<Script, ScriptFont> = {
  arabic: {
    family: 'Noto Sans Arabic Variable',
    local: 'Noto Sans Arabic',
    file: require.resolve('@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2'),
    // Comma, semicolon, question mark; ZWNJ, ZWJ, LRM, RLM. (Digits and separators come from Intl, per language.)
    always: '،؛؟\u200c\u200d\u200e\u200f',
    features: ['ccmp', 'fina', 'init', 'liga', 'locl', 'medi', 'rlig', 'mark', 'mkmk'],
  },
  ethiopic: {
    family: 'Noto Sans Ethiopic Variable',
    local: 'Noto Sans Ethiopic',
    file: require.resolve('@fontsource-variable/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-wght-normal.woff2'),
    // Word space, full stop, comma, semicolon, colon, preface colon, question mark, paragraph separator.
    always: '፡።፣፤፥፦፧፨',
    features: ['calt', 'mark', 'mkmk'],
  },
}

/** The weights global.css and the components use: normal (400), font-semibold (600), font-bold and <strong> (700). */
export const weightRange = { min: 400, max: 700 } as const

/**
 * The texts of one locale in Astro's content store file (`<cacheDir>/data-store.json`, devalue's
 * flat form): every string of every entry whose `data.locale` is `lang`, Danish fallbacks
 * included (withDanishFallback puts them into the entry). The file is read once for all
 * languages (at 10× scale it is 42 MB, 1.2 s to read for each of four languages).
 */
export async function storeTexts(storeFile: string, lang: LocaleCode): Promise<string[]> {
  // This build's store in memory (lib/live-store.ts): the same entries, without reading the file.
  const live = liveStore()
  if (live) {
    if (storeTextsRead?.key !== live.token) storeTextsRead = { key: live.token, byLocale: charactersByLocale(live.collections) }
    return storeTextsRead.byLocale.get(lang) ?? []
  }
  if (!fs.existsSync(storeFile)) return []
  const stat = fs.statSync(storeFile)
  const key = `${storeFile}:${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`
  if (storeTextsRead?.key !== key) storeTextsRead = { key, byLocale: readStoreTexts(storeFile) }
  return storeTextsRead.byLocale.get(lang) ?? []
}

/** The store file last read (a build reads one; the build worker's next build, a new one). */
let storeTextsRead: { key: string; byLocale: Map<string, string[]> } | undefined

function readStoreTexts(storeFile: string): Map<string, string[]> {
  // devalue is Astro's (the store's own format), not the site's dependency: resolved through Astro.
  // Required, not imported: astro.config's modules run in a Vite module runner that is closed by
  // the time the plugin's hook runs, and it would take over an import().
  const devalue = createRequire(require.resolve('astro/package.json'))('devalue') as typeof import('devalue')
  const store = devalue.unflatten(JSON.parse(fs.readFileSync(storeFile, 'utf8'))) as Map<string, Map<string, { data?: { locale?: string } }>>
  const byLocale = new Map<string, string[]>()
  for (const entries of store.values()) {
    for (const entry of entries.values()) {
      const locale = entry?.data?.locale
      if (typeof locale !== 'string') continue
      let texts = byLocale.get(locale)
      if (!texts) byLocale.set(locale, (texts = []))
      collectStrings(entry.data, texts)
    }
  }
  return byLocale
}

/** The UI strings of one language: site/src/i18n/ui/**\/<lang>.json and core/strings/*\/<lang>.json. */
export function uiTexts(lang: LocaleCode): string[] {
  const texts: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name === `${lang}.json`) collectStrings(JSON.parse(fs.readFileSync(file, 'utf8')), texts)
    }
  }
  walk(path.join(siteDir, 'src', 'i18n', 'ui'))
  walk(path.join(root, 'core', 'strings'))
  return texts
}

/**
 * What Intl writes for the language on the site's pages (i18n/index.ts, i18n/numbers.ts,
 * lib/schedule.ts, lib/events.ts and the browser's counts): month and weekday names, dates and
 * times, digits and separators, "and"/"or" of lists. Built in the same Node that renders the pages.
 */
export function intlTexts(lang: LocaleCode): string[] {
  const { numberingSystem } = locales.find((locale) => locale.code === lang)!
  const texts: string[] = []
  for (const system of new Set([numberingSystem, 'latn'])) {
    const common = { timeZone: 'Europe/Copenhagen', calendar: 'gregory', numberingSystem: system } as const
    const formats = [
      new Intl.DateTimeFormat(lang, { ...common, hourCycle: 'h23', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
      new Intl.DateTimeFormat(lang, { ...common, day: 'numeric', month: 'long', year: 'numeric' }),
      new Intl.DateTimeFormat(lang, { ...common, month: 'long', year: 'numeric' }),
      new Intl.DateTimeFormat(lang, { ...common, weekday: 'long' }),
    ]
    // Every month, every weekday (1 to 7 of each month covers them), morning and evening.
    for (let month = 0; month < 12; month++) {
      for (let day = 1; day <= 7; day++) for (const date of [new Date(Date.UTC(2026, month, day, 8, 5)), new Date(Date.UTC(2026, month, day, 19, 59))]) texts.push(...formats.map((format) => format.format(date)))
    }
    const number = new Intl.NumberFormat(lang, { numberingSystem: system })
    texts.push(number.format(1234567.89), number.format(-0.5), ...Array.from({ length: 10 }, (_, digit) => number.format(digit)))
    texts.push(new Intl.NumberFormat(lang, { numberingSystem: system, style: 'percent' }).format(0.5))
  }
  for (const type of ['conjunction', 'disjunction', 'unit'] as const) texts.push(new Intl.ListFormat(lang, { type }).format(['a', 'b', 'c']), new Intl.ListFormat(lang, { type }).format(['a', 'b']))
  return texts
}

/** Everything a page in `lang` may show, as one string of distinct characters. */
export async function localeCharacters(lang: LocaleCode, storeFile: string): Promise<string> {
  const locale = locales.find((candidate) => candidate.code === lang)
  const script = locale && 'script' in locale ? locale.script : undefined
  const texts = [
    ...(await storeTexts(storeFile, lang)),
    ...uiTexts(lang),
    ...intlTexts(lang),
    // Names pages show in their own script whatever the page's language: the language switcher's
    // (on a Persian page "پښتو", whose ښ is Pashto's only) and the languages spoken at an activity.
    ...locales.map((candidate) => candidate.label),
    ...spokenLanguages.map((language) => language.native),
    // The towns' names in the language (the finder's place box, its lists and links). The other
    // languages' spellings are in the finder's lookup for what a reader types, never shown.
    ...Object.values(placeNames).flatMap((names) => (lang === 'da' ? [] : (names[lang] ?? []))),
    script ? scriptFonts[script].always : '',
  ]
  return [...new Set(texts.join(''))].sort().join('')
}

export interface Subset {
  woff2: Buffer
  /** The Unicode code points the subset's cmap maps, ascending. */
  codePoints: number[]
}

const toSfnt = (font: Buffer) => (require('fontverter') as { convert: (buffer: Buffer, to: 'sfnt') => Promise<Buffer> }).convert(font, 'sfnt')

/**
 * A harfbuzzjs face of a font file (WOFF2 decompressed first: HarfBuzz reads SFNT), for the
 * tests: they shape text with it and read its cmap independently of `fontCodePoints`.
 */
export async function fontFace(font: Buffer) {
  const hb = await import('harfbuzzjs')
  return { hb, face: new hb.Face(new hb.Blob(await toSfnt(font))) }
}

/** The glyph ids HarfBuzz draws a text with in a font (for the tests' joining checks; 0 is .notdef). */
export async function glyphShaper(font: Buffer): Promise<(text: string) => number[]> {
  const { hb, face } = await fontFace(font)
  const shaped = new hb.Font(face)
  return (text) => {
    const buffer = new hb.Buffer()
    buffer.addText(text)
    buffer.guessSegmentProperties()
    hb.shape(shaped, buffer)
    return buffer.getGlyphInfos().map((glyph) => glyph.codepoint)
  }
}

/**
 * The Unicode code points a font (WOFF2 or SFNT) maps to a glyph, from its cmap's Unicode
 * subtables (formats 4 and 12, what fonts and HarfBuzz's subsets have). Read here rather than
 * with harfbuzzjs: that is a module with top-level await, which the build's plugin hook cannot import.
 */
export async function fontCodePoints(font: Buffer): Promise<number[]> {
  const sfnt = await toSfnt(font)
  const tables = sfnt.readUInt16BE(4)
  let cmap = -1
  for (let n = 0; n < tables; n++) if (sfnt.toString('latin1', 12 + 16 * n, 16 + 16 * n) === 'cmap') cmap = sfnt.readUInt32BE(12 + 16 * n + 8)
  if (cmap < 0) return []
  const points = new Set<number>()
  for (let n = 0; n < sfnt.readUInt16BE(cmap + 2); n++) {
    const platform = sfnt.readUInt16BE(cmap + 4 + 8 * n)
    const encoding = sfnt.readUInt16BE(cmap + 6 + 8 * n)
    // Unicode: platform 0, or Windows (3) with BMP (1) or full (10) encoding.
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue
    const table = cmap + sfnt.readUInt32BE(cmap + 8 + 8 * n)
    const format = sfnt.readUInt16BE(table)
    if (format === 4) {
      const segments = sfnt.readUInt16BE(table + 6) / 2
      const ends = table + 14
      const starts = ends + 2 * segments + 2
      const deltas = starts + 2 * segments
      const offsets = deltas + 2 * segments
      for (let segment = 0; segment < segments; segment++) {
        const end = sfnt.readUInt16BE(ends + 2 * segment)
        const start = sfnt.readUInt16BE(starts + 2 * segment)
        const delta = sfnt.readInt16BE(deltas + 2 * segment)
        const offset = sfnt.readUInt16BE(offsets + 2 * segment)
        for (let code = start; code <= end && code !== 0xffff; code++) {
          const glyph = offset === 0 ? (code + delta) & 0xffff : sfnt.readUInt16BE(offsets + 2 * segment + offset + 2 * (code - start))
          if (glyph !== 0 && (offset === 0 || ((glyph + delta) & 0xffff) !== 0)) points.add(code)
        }
      }
    } else if (format === 12) {
      for (let group = 0; group < sfnt.readUInt32BE(table + 12); group++) {
        const at = table + 16 + 12 * group
        const [start, end, glyph] = [sfnt.readUInt32BE(at), sfnt.readUInt32BE(at + 4), sfnt.readUInt32BE(at + 8)]
        for (let code = start; code <= end; code++) if (glyph + (code - start) !== 0) points.add(code)
      }
    }
  }
  return [...points].sort((a, b) => a - b)
}

/** The subset of the script's font holding `characters` (those the font has), weight axis narrowed to `weightRange`. */
export async function makeSubset(script: Script, characters: string): Promise<Subset> {
  const subsetFont = require('subset-font') as (buffer: Buffer, text: string, options: Record<string, unknown>) => Promise<Buffer>
  const font = scriptFonts[script]
  const woff2 = await subsetFont(fs.readFileSync(font.file), characters, {
    targetFormat: 'woff2',
    variationAxes: { wght: { ...weightRange, default: weightRange.min } },
    keepFeatures: font.features,
  })
  return { woff2, codePoints: await fontCodePoints(woff2) }
}

/**
 * makeSubset, remembered by what goes into it (the font, the characters, the options): HarfBuzz
 * takes 0.2–1.5 s per language, and most publishes change no character a language uses, so a
 * partial build finds its subsets made. Kept in `dir`, beside the content store; a stale entry
 * is never wrong (the key names all its inputs); fontSubsets removes the ones a build did not use.
 */
export async function cachedSubset(script: Script, characters: string, dir: string): Promise<Subset & { file: string }> {
  const font = scriptFonts[script]
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ version: subsetFontVersion(), features: font.features, weightRange, characters }))
    .update(fs.readFileSync(font.file))
    .digest('hex')
    .slice(0, 24)
  const name = `${script}-${key}.woff2`
  const file = path.join(dir, name)
  if (fs.existsSync(file)) {
    const woff2 = fs.readFileSync(file)
    return { woff2, codePoints: await fontCodePoints(woff2), file: name }
  }
  const subset = await makeSubset(script, characters)
  fs.mkdirSync(dir, { recursive: true })
  // Written whole, then renamed: a build stopped halfway never leaves half a font to be found.
  fs.writeFileSync(`${file}.${process.pid}`, subset.woff2)
  fs.renameSync(`${file}.${process.pid}`, file)
  return { ...subset, file: name }
}

function subsetFontVersion(): string {
  return (JSON.parse(fs.readFileSync(require.resolve('subset-font/package.json'), 'utf8')) as { version: string }).version
}

/** `U+20,U+41-5A`: the CSS unicode-range of a set of code points, ranges merged. */
export function unicodeRange(codePoints: number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b)
  const ranges: string[] = []
  const hex = (value: number) => value.toString(16).toUpperCase()
  for (let start = 0; start < sorted.length; ) {
    let end = start
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++
    ranges.push(sorted[start] === sorted[end] ? `U+${hex(sorted[start]!)}` : `U+${hex(sorted[start]!)}-${hex(sorted[end]!)}`)
    start = end + 1
  }
  return ranges.join(',')
}

/** The @font-face rule of a subset: the installed font first, then the subset; only for the characters the subset has. */
export function fontFaceRule(script: Script, url: string, codePoints: number[]): string {
  const font = scriptFonts[script]
  return `@font-face{font-family:'${font.family}';font-style:normal;font-display:swap;font-weight:${weightRange.min} ${weightRange.max};src:local('${font.local}'),url(${url}) format('woff2');unicode-range:${unicodeRange(codePoints)}}`
}

/**
 * `virtual:font-faces`: `fontFaces[lang]` is the @font-face rule of the language's subset (none
 * for languages whose script every system has), `fontFiles[lang]` its URL. The subsets are written into `<cacheDir>/font-subsets/`
 * and imported with `?url` as any asset: Vite copies each to `_astro/<name>.<content hash>.woff2`.
 * The same characters give the same file, and a partial build keeps
 * the served release's files (release.mjs links every file it did not make), so an older page
 * linked from it still finds the subset it names.
 */
export function fontSubsets(cacheDir: string): Plugin {
  const storeFile = path.join(cacheDir, 'data-store.json')
  const outDir = path.join(cacheDir, 'font-subsets')
  return virtualModule('drk:font-subsets', 'virtual:font-faces', async () => {
    fs.mkdirSync(outDir, { recursive: true })
    const imports: string[] = []
    const rules: string[] = []
    const files: string[] = []
    const madeFiles: string[] = []
    let n = 0
    for (const locale of locales) {
      if (!('script' in locale) || !locale.script) continue
      const started = performance.now()
      const subset = await cachedSubset(locale.script, await localeCharacters(locale.code, storeFile), path.join(outDir, 'made'))
      madeFiles.push(subset.file)
      // Vite names the copy in _astro/ by its content; this file is only its source.
      const file = path.join(outDir, `${scriptFonts[locale.script].local.toLowerCase().replace(/ /g, '-')}-${locale.code}.woff2`)
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(subset.woff2)) fs.writeFileSync(file, subset.woff2)
      imports.push(`import font${n} from ${JSON.stringify(`${file}?url`)}`)
      files.push(`${JSON.stringify(locale.code)}: font${n}`)
      rules.push(`${JSON.stringify(locale.code)}: ${JSON.stringify(fontFaceRule(locale.script, '@@URL@@', subset.codePoints)).replace('@@URL@@', `" + font${n} + "`)}`)
      n++
      console.log(`Font subset ${locale.code}: ${subset.codePoints.length} characters, ${(subset.woff2.length / 1024).toFixed(1)} KB (${Math.round(performance.now() - started)} ms)`)
    }
    // Only this build's subsets stay remembered: the folder does not grow with every edit.
    const made = path.join(outDir, 'made')
    const used = new Set(madeFiles)
    for (const name of fs.existsSync(made) ? fs.readdirSync(made) : []) if (!used.has(name)) fs.rmSync(path.join(made, name), { force: true })
    return `${imports.join('\n')}\nexport const fontFaces = { ${rules.join(', ')} }\nexport const fontFiles = { ${files.join(', ')} }\n`
  })
}
