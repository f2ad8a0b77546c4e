import { isDeepStrictEqual } from 'node:util'

import { expect, it } from 'vitest'

import { readDocuments } from '../src/seed/content'
import { markdownConverter } from '../src/seed/markdown'
import { fromXliffInline, readXliff, sameSource, writeXliff, type RichText } from '../src/translations/xliff'

it('gives every translation in content/ with the Danish tags, and takes it back unchanged', async () => {
  // The config is only read for its editor (nothing connects to this database).
  process.env.PAYLOAD_SECRET ??= 'xliff-seed-content'
  process.env.DATABASE_URI ??= 'file:./xliff-seed-content-unused.db'
  const { default: config } = await import('../src/payload.config')
  const toLexical = await markdownConverter(await config)
  // The Markdown converter's type is Lexical's own; the stored shape is the same JSON.
  const richText = (markdown: string) => toLexical(markdown) as unknown as RichText

  const compared: string[] = []
  const different: string[] = []
  for (const folder of ['pages', 'activity-types', 'target-groups']) {
    for (const document of readDocuments(folder)) {
      const source = richText(document.danish.body)
      for (const translation of document.translations) {
        const name = `${folder}/${document.slug}/${translation.locale}`
        const target = richText(translation.body)
        const xml = writeXliff({ targetLanguage: translation.locale, units: [{ id: name, note: name, source, target, state: 'machine' }] })
        const [unit] = readXliff(xml, { maxBytes: 10_000_000 }).units
        const back = unit?.target ? fromXliffInline(unit.target, source) : null
        compared.push(name)
        if (!unit || !sameSource(unit.source, source) || !back?.ok || !isDeepStrictEqual(back.value, target)) different.push(name)
      }
    }
  }
  expect(compared.length).toBeGreaterThan(100)
  expect(different).toEqual([])
})
