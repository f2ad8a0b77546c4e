import { en as payloadEnglish } from '@payloadcms/translations/languages/en'
import { initI18n } from '@payloadcms/translations'
import { describe, expect, it } from 'vitest'
import { xliff12ToJs } from 'xliff'

import { translations } from '../src/lib/translations'
import { XliffError, fromXliffPlain, readXliff, sameSource, writeXliff, type XliffErrorCode, type XliffUnit } from '../src/translations/xliff'
import { paragraph, richText, text } from './lexical'

const limit = { maxBytes: 1_000_000 }

const plainUnits: XliffUnit[] = [
  { id: 'activities/12/title', note: 'Aktiviteter › Lektiecafé › Titel', source: 'Lektier & <matematik> for "store" børn', state: 'missing' },
  {
    id: 'activities/12/summary',
    note: 'Aktiviteter › Lektiecafé › Resumé',
    source: 'Første linje\nAnden linje\r\nTredje linje\n\n  indrykket',
    target: 'ካልኣይ መስመር\nሰላም! ብኽብረትኩም 🙂',
    state: 'machine',
  },
  { id: 'navigation/global/items/6751a0c1e2/label', note: 'Navigation › Menupunkt › Tekst', source: 'Om os', target: 'من نحن <"عن"> & \'نحن\'', state: 'reviewed' },
  { id: 'pages/3/title', note: 'Sider › "Om" & <integration>', source: 'Om integration', target: 'ስለ ውህደት', state: 'outdated' },
]

function unit(file: ReturnType<typeof readXliff>, id: string) {
  const found = file.units.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no unit ${id}`)
  return found
}

describe('plain text in XLIFF', () => {
  it('keeps markup characters, quotes, newlines, right-to-left and Ethiopic text exactly', () => {
    const file = readXliff(writeXliff({ targetLanguage: 'ar', units: plainUnits }), limit)
    expect(file).toMatchObject({ sourceLanguage: 'da', targetLanguage: 'ar' })
    expect(file.units.map(({ id }) => id)).toEqual(plainUnits.map(({ id }) => id))
    for (const written of plainUnits) {
      const read = unit(file, written.id)
      expect(fromXliffPlain(read.source)).toEqual({ ok: true, value: written.source })
      expect(sameSource(read.source, written.source)).toBe(true)
      expect(read.target === null ? null : fromXliffPlain(read.target)).toEqual(written.target ? { ok: true, value: written.target } : null)
    }
    expect(unit(file, 'activities/12/title')).toMatchObject({ target: null, state: null })
    expect(unit(file, 'activities/12/summary')).toMatchObject({ state: 'needs-review-translation', stateQualifier: 'mt-suggestion' })
    expect(unit(file, 'pages/3/title')).toMatchObject({ state: 'needs-review-translation', stateQualifier: 'x-source-changed' })
    expect(unit(file, 'navigation/global/items/6751a0c1e2/label')).toMatchObject({ state: 'translated', stateQualifier: null })
  })

  it('is read the same by another XLIFF reader, notes included', async () => {
    const file = await xliff12ToJs(writeXliff({ targetLanguage: 'ar', units: plainUnits }), { captureSpacesBetweenElements: true })
    const resources = file.resources['drk-cms'] ?? {}
    expect(resources['activities/12/title']).toMatchObject({ source: plainUnits[0]?.source, note: plainUnits[0]?.note })
    expect(resources['navigation/global/items/6751a0c1e2/label']).toMatchObject({ target: plainUnits[2]?.target })
    expect(resources['pages/3/title']).toMatchObject({ note: 'Sider › "Om" & <integration>' })
  })

  it('tells a changed Danish source from the one exported', () => {
    const file = readXliff(writeXliff({ targetLanguage: 'ti', units: plainUnits }), limit)
    expect(sameSource(unit(file, 'pages/3/title').source, 'Om integrationen')).toBe(false)
    const rich = richText(paragraph(text('Om integration')))
    expect(sameSource(unit(file, 'pages/3/title').source, rich)).toBe(false)
  })

  it('drops characters XML cannot hold, and still knows the source as unchanged', () => {
    const source = 'før\u0001efter\uFFFF'
    const file = readXliff(writeXliff({ targetLanguage: 'ti', units: [{ id: 'a', note: 'n', source, state: 'missing' }] }), limit)
    expect(fromXliffPlain(unit(file, 'a').source)).toEqual({ ok: true, value: 'førefter' })
    expect(sameSource(unit(file, 'a').source, source)).toBe(true)
  })

  it('refuses tags in a plain text target', () => {
    const xml = writeXliff({ targetLanguage: 'ti', units: [{ id: 'a', note: 'n', source: 'Titel', state: 'missing' }] }).replace(
      '</source>',
      '</source><target>ርእስ<g id="1">x</g></target>',
    )
    const result = fromXliffPlain(unit(readXliff(xml, limit), 'a').target ?? [])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('tagsInPlainText')
  })

  it('reads a file as bytes, with a byte order mark', () => {
    const xml = writeXliff({ targetLanguage: 'ti', units: plainUnits })
    const bytes = new TextEncoder().encode(`\uFEFF${xml}`)
    expect(readXliff(bytes, limit).units).toHaveLength(plainUnits.length)
  })
})

const NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'
const body = (units: string, file = 'source-language="da" target-language="ti"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="${NAMESPACE}"><file original="x" datatype="plaintext" ${file}><body>${units}</body></file></xliff>`
const transUnit = (id: string, source = 'Hej', target = 'ሰላም') => `<trans-unit id="${id}"><source>${source}</source><target>${target}</target></trans-unit>`

/** The refusal a file gets: an XliffError, and no result at all. */
function refusal(input: string | Uint8Array, maxBytes = 1_000_000): XliffError {
  try {
    const result = readXliff(input, { maxBytes })
    throw new Error(`not refused: ${JSON.stringify(result)}`)
  } catch (error) {
    if (error instanceof XliffError) return error
    throw error
  }
}

const laughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE xliff [',
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`),
  ']>',
  `<xliff version="1.2" xmlns="${NAMESPACE}"><file original="x" datatype="plaintext" source-language="da" target-language="ti"><body>`,
  '<trans-unit id="a"><source>&lol9;</source></trans-unit></body></file></xliff>',
].join('\n')

describe('files refused as a whole', () => {
  it.each<[string, string | Uint8Array, XliffErrorCode]>([
    ['malformed XML', body('<trans-unit id="a"><source>Hej</trans-unit>'), 'malformed'],
    ['not XML at all', 'Hej med dig', 'malformed'],
    ['a DOCTYPE with an external entity', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${body(transUnit('a', '&e;')).replace(/^<\?xml[^>]*>\n/, '')}`, 'doctype'],
    ['a billion laughs', laughs, 'doctype'],
    ['an entity nobody defined', body(transUnit('a', 'Hej &nbsp; du')), 'undefinedEntity'],
    ['XLIFF 2.0', body(transUnit('a')).replace('version="1.2"', 'version="2.0"').replace(NAMESPACE, 'urn:oasis:names:tc:xliff:document:2.0'), 'notXliff12'],
    ['version 1.2 without the XLIFF namespace', body(transUnit('a')).replace(` xmlns="${NAMESPACE}"`, ''), 'notXliff12'],
    ['another root element', '<?xml version="1.0"?><html><body/></html>', 'notXliff12'],
    ['no target language', body(transUnit('a'), 'source-language="da"'), 'missingTargetLanguage'],
    ['two target languages', body(transUnit('a')).replace('</file>', `</file><file original="y" datatype="plaintext" source-language="da" target-language="so"><body>${transUnit('b')}</body></file>`), 'mixedLanguages'],
    ['a source language other than Danish', body(transUnit('a'), 'source-language="en" target-language="ti"'), 'wrongSourceLanguage'],
    ['the same unit twice', body(transUnit('a') + transUnit('b') + transUnit('a')), 'duplicateUnit'],
    ['a unit without id', body('<trans-unit><source>Hej</source></trans-unit>'), 'missingUnitId'],
    ['a unit without source', body('<trans-unit id="a"><target>ሰላም</target></trans-unit>'), 'missingSource'],
    ['another encoding', body(transUnit('a')).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'notUtf8'],
    ['bytes that are not UTF-8', new Uint8Array([...new TextEncoder().encode(body(transUnit('a', 'f'))), 0xff, 0xfe]), 'notUtf8'],
    ['nesting a thousand deep', body(transUnit('a', `${'<g id="1">'.repeat(1000)}x${'</g>'.repeat(1000)}`)), 'tooDeep'],
  ])('refuses %s', (_case, input, code) => {
    const error = refusal(input)
    expect(error.code).toBe(code)
    expect(error.message).not.toMatch(/root:|\{\{/)
  })

  it('refuses a file over the size limit before reading it', () => {
    const error = refusal(`${body(transUnit('a'))}<unclosed`, 200)
    expect(error.code).toBe('tooLarge')
    expect(error.params).toMatchObject({ max: 200 })
  })

  it('says where malformed XML breaks', () => {
    expect(refusal(body('<trans-unit id="a">\n<source>Hej</trans-unit>')).params).toMatchObject({ line: 3 })
  })

  it('explains a refusal in Danish, and in English to an English admin', async () => {
    const error = refusal(body(transUnit('a') + transUnit('a')))
    expect(error.message).toBe('Oversættelsesenheden "a" står flere gange i filen.')
    // Our texts merged into Payload's, as payload.config.ts has them.
    const english = { ...payloadEnglish.translations, ...translations.en }
    const i18n = await initI18n({ config: { supportedLanguages: { en: payloadEnglish }, fallbackLanguage: 'en', translations: { en: english } }, context: 'api', language: 'en' })
    expect(error.messageFor(i18n.t)).toBe('The translation unit "a" occurs more than once in the file.')
  })
})

describe('what a reader skips', () => {
  it('reads units in groups, and skips alternative translations, segmented sources and other tools’ extensions', () => {
    const xml = body(
      `<group id="g"><trans-unit id="a"><source>Hej</source><seg-source><mrk mtype="seg" mid="1">Nej</mrk></seg-source>` +
        `<target state="translated">ሰላም</target><alt-trans><source>Andet</source><target>ካልእ</target></alt-trans>` +
        `<mq:history xmlns:mq="MQXliff"><mq:old>gammel</mq:old></mq:history></trans-unit></group>`,
    )
    expect(readXliff(xml, limit).units).toEqual([{ id: 'a', source: ['Hej'], target: ['ሰላም'], state: 'translated', stateQualifier: null }])
  })
})
