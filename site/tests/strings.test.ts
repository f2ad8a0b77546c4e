import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { defaultLocale, getLocale, localeCodes, type LocaleCode } from '../../core/locales'

/**
 * Every UI strings file in every language (src/i18n/ui/<lang>.json for the shell,
 * src/i18n/ui/<area>/<lang>.json per area, and core/strings/<area>/<lang>.json for the areas the
 * CMS shows too): Danish defines the keys, every other language has the same keys, a real text
 * for each (not empty, not Danish or English left in), the same {placeholders}, and numbers in
 * its own digits.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const uiDir = path.join(repoRoot, 'site/src/i18n/ui')
const coreStringsDir = path.join(repoRoot, 'core/strings')
const subfolders = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name))
/** Each area's folder, relative to the repository ("site/src/i18n/ui" is the shell's). */
const areas = [uiDir, ...subfolders(uiDir), ...subfolders(coreStringsDir)].map((dir) => path.relative(repoRoot, dir))
const fileName = (area: string, lang: string) => path.join(area, `${lang}.json`)
const read = (area: string, lang: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(repoRoot, fileName(area, lang)), 'utf8'))
const danish = new Map(areas.map((area) => [area, read(area, defaultLocale)]))
const otherLocales = localeCodes.filter((code) => code !== defaultLocale)

/** Each string of a language, with the file it is in. */
function strings(lang: LocaleCode) {
  return areas.flatMap((area) => Object.entries(read(area, lang)).map(([key, value]) => ({ file: fileName(area, lang), area, key, value, danish: danish.get(area)![key] })))
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
/** Whether a text has words to translate: "{title} – {department}" has none. */
const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''))

/** Texts that are the same word in the language as in Danish (checked by a speaker, not a missing translation). */
const sameAsDanish: Partial<Record<LocaleCode, string[]>> = {
  en: ['demo.badge', 'finder.filter.region', 'signup.form.submit'],
}
/**
 * Danish names that stay Danish in every language: the organisation, and the Danish documents
 * and services a reader has to recognise on Danish letters and websites.
 */
const danishNames = ['Røde Kors', 'børneattest', 'MitID', 'Digital Post', 'e-Boks', 'mit.dk']
/** The script a language is written in, where it is not the Latin one. */
const scripts: Partial<Record<LocaleCode, RegExp>> = {
  uk: /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ps: /\p{Script=Arabic}/u,
  ti: /\p{Script=Ethiopic}/u,
}
/** An international phone number given as an example: dialled as written, so its digits stay ASCII. */
const standardName = 'HSDS 3.0'
const phoneExample = /\+\d[\d ]*\d/g

describe('UI strings', () => {
  it('every area has a file for every language and none for another', () => {
    for (const area of areas) {
      const files = fs.readdirSync(path.join(repoRoot, area)).filter((name) => name.endsWith('.json'))
      expect(files.map((name) => name.replace(/\.json$/, '')).sort(), area).toEqual([...localeCodes].sort())
    }
  })

  it('no key is in two areas (they are merged into one table)', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const { key, file } of strings(defaultLocale)) {
      if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${file}`)
      seen.set(key, file)
    }
    expect(twice).toEqual([])
    expect(seen.size).toBeGreaterThan(250)
    // The areas the CMS shows too are checked like the site's own.
    expect(seen.get('signup.form.consent')).toBe(path.join('core/strings/signup', `${defaultLocale}.json`))
  })

  it('Danish has no empty text', () => {
    expect(strings(defaultLocale).filter(({ value }) => !value.trim()).map(({ file, key }) => `${file}: ${key}`)).toEqual([])
  })

  describe.each(otherLocales)('%s', (lang) => {
    const own = strings(lang)
    const problems = (test: (entry: (typeof own)[number]) => boolean) => own.filter(test).map(({ file, key, value }) => `${file}: ${key} = ${JSON.stringify(value)}`)

    it('has the same keys as Danish in every file', () => {
      for (const area of areas) {
        expect(Object.keys(read(area, lang)).sort(), fileName(area, lang)).toEqual(Object.keys(danish.get(area)!).sort())
      }
    })

    it('has no empty text', () => {
      expect(problems(({ value }) => !value.trim())).toEqual([])
    })

    it('has the same {placeholders} as Danish', () => {
      expect(problems(({ value, danish: original }) => original !== undefined && placeholders(value).join() !== placeholders(original).join())).toEqual([])
    })

    it('has no Danish text left where a translation is missing', () => {
      const allowed = new Set(sameAsDanish[lang] ?? [])
      expect(problems(({ key, value, danish: original }) => value === original && hasWords(value) && !allowed.has(key))).toEqual([])
      const withoutNames = (text: string) => danishNames.reduce((rest, name) => rest.replaceAll(name, ''), text)
      expect(problems(({ value }) => /[æøåÆØÅ]/.test(withoutNames(value)))).toEqual([])
    })

    it('is written in its own script, not left in English', () => {
      const script = scripts[lang]
      if (script) expect(problems(({ value }) => hasWords(value) && !script.test(value))).toEqual([])
      if (lang !== 'en') {
        const english = new Map(strings('en').map(({ key, value }) => [key, value]))
        expect(problems(({ key, value }) => hasWords(value) && value === english.get(key))).toEqual([])
      }
    })

    it('writes numbers in its own digits', () => {
      if (getLocale(lang).numberingSystem === 'latn') {
        expect(problems(({ value }) => /[\u0660-\u0669\u06F0-\u06F9]/.test(value))).toEqual([])
      } else {
        // A standard's Latin name keeps its own version number ("Open Referral HSDS 3.0").
        expect(problems(({ value }) => /[0-9]/.test(value.replace(phoneExample, '').replaceAll(standardName, '')))).toEqual([])
      }
    })
  })
})
