import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { stringify } from 'devalue'
import { describe, expect, test } from 'vitest'

import { cachedSubset, fontCodePoints, fontFace, fontFaceRule, glyphShaper, localeCharacters, makeSubset, scriptFonts, storeTexts, unicodeRange } from '../src/lib/font-subsets'

const points = (text: string) => [...text].map((character) => character.codePointAt(0)!)

describe('font subsets', () => {
  test('a subset is made once for the same characters, and again when they change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'font-made-'))
    const first = await cachedSubset('ethiopic', 'ሰላም', dir)
    expect(fs.readdirSync(dir)).toEqual([first.file])
    // The remembered file is what comes back, not a new subset written over it: its date stays.
    const old = new Date('2000-01-01T00:00:00Z')
    fs.utimesSync(path.join(dir, first.file), old, old)
    const again = await cachedSubset('ethiopic', 'ሰላም', dir)
    expect(again.file).toBe(first.file)
    expect(again.woff2.equals(first.woff2)).toBe(true)
    expect(fs.statSync(path.join(dir, first.file)).mtime).toEqual(old)
    const other = await cachedSubset('ethiopic', 'ሰላምታ', dir)
    expect(other.file).not.toBe(first.file)
    expect(other.codePoints).toEqual(expect.arrayContaining(points('ሰላምታ')))
    expect(other.woff2.equals((await makeSubset('ethiopic', 'ሰላምታ')).woff2)).toBe(true)
    fs.rmSync(dir, { recursive: true })
  })

  test('unicodeRange merges neighbouring code points into ranges', () => {
    expect(unicodeRange([0x628, 0x627, 0x629, 0x62a, 0x645, 0x200c, 0x645])).toBe('U+627-62A,U+645,U+200C')
    expect(unicodeRange([])).toBe('')
  })

  test('the store gives the texts of one locale only, rich text and Danish fallbacks included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'font-store-'))
    const store = new Map([
      [
        'activities',
        new Map([
          ['1:ar', { id: '1:ar', data: { locale: 'ar', title: 'مقهى', body: { root: { children: [{ type: 'text', text: 'ڤيديو' }] } }, summary: 'Dansk tekst' } }],
          ['1:fa', { id: '1:fa', data: { locale: 'fa', title: 'کافه ڠ' } }],
        ]),
      ],
    ])
    const file = path.join(dir, 'data-store.json')
    fs.writeFileSync(file, stringify(store))
    const texts = await storeTexts(file, 'ar')
    expect(texts).toEqual(expect.arrayContaining(['مقهى', 'ڤيديو', 'Dansk tekst', 'ar']))
    expect(texts).not.toContain('کافه ڠ')
    const characters = await localeCharacters('ar', file)
    expect(characters).toContain('ڤ')
    expect(characters).not.toContain('ڠ')
    fs.rmSync(dir, { recursive: true })
  })

  test('a language’s characters include its UI strings, what Intl writes for it and every language’s name', async () => {
    const arabic = await localeCharacters('ar', '/nonexistent/data-store.json')
    // March and Wednesday as Intl writes them in Arabic; the switcher's "پښتو" and "ትግርኛ".
    for (const character of 'مارسالأربعاء،؟پښتوትግርኛ') expect(arabic).toContain(character)
    const persian = await localeCharacters('fa', '/nonexistent/data-store.json')
    // Persian digits (arabext), as formatNumber writes them.
    for (const character of '۰۱۲۳۴۵۶۷۸۹') expect(persian).toContain(character)
    const tigrinya = await localeCharacters('ti', '/nonexistent/data-store.json')
    for (const character of '።፣') expect(tigrinya).toContain(character)
  })

  test('the cmap reader finds the code points HarfBuzz finds, in the whole fonts and in a subset', async () => {
    const subset = await makeSubset('ethiopic', 'ሰላም።')
    for (const font of [fs.readFileSync(scriptFonts.arabic.file), fs.readFileSync(scriptFonts.ethiopic.file), subset.woff2]) {
      const { face } = await fontFace(font)
      const points = await fontCodePoints(font)
      expect(points.length).toBeGreaterThanOrEqual(4)
      expect(points).toEqual([...face.collectUnicodes()].sort((a, b) => a - b))
    }
    for (const point of points('ሰላም።')) expect(subset.codePoints).toContain(point)
  })

  test('a subset keeps every layout feature of the whole font but kerning and digit widths (a newer font’s new feature is not dropped unnoticed)', async () => {
    for (const script of ['arabic', 'ethiopic'] as const) {
      const { face } = await fontFace(fs.readFileSync(scriptFonts[script].file))
      const features = new Set([...face.getTableFeatureTags('GSUB'), ...face.getTableFeatureTags('GPOS')])
      for (const left of ['kern', 'pnum', 'tnum']) features.delete(left)
      expect(scriptFonts[script].features.toSorted()).toEqual([...features].sort())
    }
  })

  test('a subset holds the characters asked for, not others, and its Arabic still joins', async () => {
    const subset = await makeSubset('arabic', 'بيت مرحبا، A')
    for (const point of points('بيتمرحا،')) expect(subset.codePoints).toContain(point)
    expect(subset.codePoints).not.toContain(0x680)
    expect(subset.woff2.subarray(0, 4).toString('latin1')).toBe('wOF2')
    const glyphs = await glyphShaper(subset.woff2)
    const joined = glyphs('بيت').reverse()
    const isolated = [...'بيت'].flatMap((letter) => glyphs(letter))
    expect(joined).not.toContain(0)
    expect(joined).not.toEqual(isolated)
    // A letter the subset lacks is drawn as .notdef (glyph 0).
    expect(glyphs('ڀ')).toEqual([0])
  })

  test('the @font-face rule: installed font first, swap, the narrowed weights, only the subset’s characters', async () => {
    const rule = fontFaceRule('ethiopic', '/_astro/x.woff2', points('ሰላም'))
    expect(rule).toBe(
      "@font-face{font-family:'Noto Sans Ethiopic Variable';font-style:normal;font-display:swap;font-weight:400 700;src:local('Noto Sans Ethiopic'),url(/_astro/x.woff2) format('woff2');unicode-range:U+120B,U+121D,U+1230}",
    )
  })
})
