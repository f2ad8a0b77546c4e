import { describe, expect, it } from 'vitest'
import { jsToXliff12, xliff12ToJs, type XliffInline, type XliffValue } from 'xliff'

import { fromXliffInline, plainTextOf, readXliff, sameSource, writeXliff, type InlineNode, type RichText } from '../src/translations/xliff'
import { BOLD, CODE, ITALIC, STRIKETHROUGH, UNDERLINE, heading, lineBreak, link, list, listItem, paragraph, quote, richText, text, translated, upload } from './lexical'

const external = { linkType: 'custom', url: 'https://www.rodekors.dk/frivillig?kilde=xliff&sprog=da', newTab: true }
const internal = { linkType: 'internal', newTab: false, doc: { relationTo: 'pages', value: 3 } }

/** Every inline element the site renders (site/src/lib/cms/richtext.ts). */
const danish = richText(
  heading('h2', text('Lektiecafé i Aarhus')),
  paragraph(
    text('Vi hjælper med '),
    text('lektier', BOLD),
    text(' og '),
    text('kursiv ', ITALIC),
    text('med fed indeni', ITALIC | BOLD),
    text(' – tag ', ITALIC),
    link(external, '6b0e609fa0ad2655192c9480', text('læs mere', UNDERLINE)),
    text(' eller se '),
    link(internal, '6b0e609fa0ad2655192c9481', text('om integration')),
    text('.'),
    lineBreak(),
    text('Mandag kl. 15–17, '),
    text('gratis', STRIKETHROUGH),
    text(' '),
    text('npm start', CODE),
  ),
  heading('h3', text('Det skal du have med')),
  list(
    'bullet',
    listItem(1, text('Skolebøger')),
    listItem(2, text('Penalhus')),
    listItem(3, list('bullet', listItem(1, text('blyant')), listItem(2, text('viskelæder', BOLD)))),
  ),
  heading('h4', text('Sådan gør du')),
  list('number', listItem(1, text('Kom ind')), listItem(2, list('number', listItem(1, text('Sig hej'))))),
  upload(),
  quote(text('Det hjalp min søn.')),
)

/** A CAT tool's translation: every text changed, every tag kept where it is. */
const tigrinya = (danishText: string) => (danishText.trim() === '' ? danishText : `ትግርኛ[${danishText}]`)

function translateValue(value: XliffValue | undefined): XliffValue {
  if (value === undefined) return ''
  if (typeof value === 'string') return tigrinya(value)
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? tigrinya(item) : translateInline(item)))
  return translateInline(value)
}

function translateInline(element: XliffInline): XliffInline {
  return Object.fromEntries(
    Object.entries(element).map(([type, data]) => [type, data.contents === undefined ? data : { ...data, contents: translateValue(data.contents) }]),
  )
}

/** The ctypes of the inline elements the xliff package sees, by element type (GenericSpan = g, Standalone = x). */
function tagsSeen(value: XliffValue | undefined, seen = new Set<string>()): Set<string> {
  if (value === undefined || typeof value === 'string') return seen
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string') continue
    for (const [type, data] of Object.entries(item)) {
      seen.add(`${type}:${data.ctype}`)
      tagsSeen(data.contents, seen)
    }
  }
  return seen
}

function writeOne(source: RichText, target?: RichText, state: 'missing' | 'machine' | 'reviewed' = 'missing') {
  return writeXliff({ targetLanguage: 'ti', units: [{ id: 'pages/3/body', note: 'Sider › Om integration › Brødtekst', source, target, state }] })
}

function readOne(xml: string) {
  const [unit] = readXliff(xml, { maxBytes: 1_000_000 }).units
  if (!unit) throw new Error('no unit read')
  return unit
}

describe('XLIFF rich text through another tool', () => {
  it('comes back from a CAT tool as the same rich text, translated, with every link attribute intact', async () => {
    const exported = writeOne(danish)

    // An independent reader sees the unit and every formatting and block as an inline element.
    const file = await xliff12ToJs(exported, { captureSpacesBetweenElements: true })
    expect(file.sourceLanguage).toBe('da')
    expect(file.targetLanguage).toBe('ti')
    const unit = file.resources['drk-cms']?.['pages/3/body']
    expect(unit).toBeDefined()
    if (!unit) return
    expect([...tagsSeen(unit.source)].sort()).toEqual(
      [
        'GenericSpan:bold',
        'GenericSpan:italic',
        'GenericSpan:underlined',
        'GenericSpan:x-strikethrough',
        'GenericSpan:x-code',
        'GenericSpan:link',
        'GenericSpan:x-paragraph',
        'GenericSpan:x-heading-2',
        'GenericSpan:x-heading-3',
        'GenericSpan:x-heading-4',
        'GenericSpan:x-list-bullet',
        'GenericSpan:x-list-number',
        'GenericSpan:x-listitem',
        'GenericSpan:x-quote',
        'Standalone:lb',
        'Standalone:x-upload',
      ].sort(),
    )
    // Nothing a translator could change but the text: no URL, no document, no markup as text.
    expect(exported).not.toContain('rodekors.dk')
    expect(exported).not.toContain('&lt;')

    // The tool writes the translation back with the tags where they were. Unindented: the package
    // would otherwise indent inside <source> and <target>, against the units' xml:space="preserve".
    unit.target = translateValue(unit.source)
    const returned = await jsToXliff12(file, { indent: '' })

    const read = readOne(returned)
    expect(sameSource(read.source, danish)).toBe(true)
    const result = fromXliffInline(read.target ?? [], danish)
    expect(result).toEqual({ ok: true, value: translated(danish, tigrinya) })
  })

  it('gives the current translation with the Danish tags, so it comes back as it was', () => {
    const current = translated(danish, tigrinya)
    const unit = readOne(writeOne(danish, current, 'machine'))
    expect(unit.state).toBe('needs-review-translation')
    expect(unit.stateQualifier).toBe('mt-suggestion')
    expect(fromXliffInline(unit.target ?? [], danish)).toEqual({ ok: true, value: current })
  })

  it('leaves out a current translation whose structure differs from the Danish, and says why', () => {
    const current = richText(paragraph(text('ሓደ ሕጡብ ጽሑፍ')))
    const exported = writeOne(danish, current, 'reviewed')
    expect(readOne(exported).target).toBeNull()
    expect(exported).toContain('anden opbygning')
  })
})

describe('tags in a translation', () => {
  const source = richText(
    paragraph(text('Se '), link(external, 'l1', text('siden')), text(' og '), text('kom', BOLD), lineBreak(), text('i dag')),
    list('bullet', listItem(1, text('en')), listItem(2, text('to'))),
  )
  const fragment = (target: string): InlineNode[] => {
    const xml = writeOne(source).replace(/<\/source>/, `</source><target>${target}</target>`)
    return readOne(xml).target ?? []
  }
  // Ids in the Danish source, in document order: 1 paragraph, 2 link, 3 bold, 4 line break, 5 list, 6 and 7 items.
  const paragraphs = (first: string) => `<g id="1">${first}</g><g id="5"><g id="6">ONE</g><g id="7">TWO</g></g>`

  it('may move, repeat or drop formatting and line breaks, and move a link within the text', () => {
    const result = fromXliffInline(fragment(paragraphs('<g id="3">COME</g> <g id="3">NOW</g> to <g id="2">THE PAGE</g>')), source)
    const expected = richText(
      paragraph(text('COME', BOLD), text(' '), text('NOW', BOLD), text(' to '), link(external, 'l1', text('THE PAGE'))),
      list('bullet', listItem(1, text('ONE')), listItem(2, text('TWO'))),
    )
    expect(result).toEqual({ ok: true, value: translated(expected, (same) => same) })
  })

  it('ignores the indentation a tool puts between blocks', () => {
    expect(fromXliffInline(fragment(`\n  <g id="1">A <g id="2">B</g></g>\n  <g id="5"><g id="6">C</g><g id="7">D</g></g>\n`), source).ok).toBe(true)
  })

  it.each([
    ['a tag the Danish does not have', paragraphs('A <g id="2">B</g> <g id="99">C</g>'), 'unknownTag'],
    ['a link left out', paragraphs('A B'), 'missingTag'],
    ['a link twice', paragraphs('<g id="2">A</g> <g id="2">B</g>'), 'duplicateTag'],
    ['a g where the Danish has an x', paragraphs('<g id="2">A</g><g id="4">B</g>'), 'tagChanged'],
    ['a ctype changed', paragraphs('<g id="2" ctype="bold">A</g>'), 'tagChanged'],
    ['a list item outside its list', `<g id="1"><g id="2">A</g></g><g id="5"><g id="6">C</g></g><g id="7">D</g>`, 'structureChanged'],
    ['blocks swapped', `<g id="5"><g id="6">C</g><g id="7">D</g></g><g id="1"><g id="2">A</g></g>`, 'structureChanged'],
    ['a list inside a paragraph', `<g id="1"><g id="2">A</g><g id="5"><g id="6">C</g><g id="7">D</g></g></g>`, 'misplacedTag'],
    ['text outside the paragraphs', `${paragraphs('<g id="2">A</g>')}loose`, 'textOutsideBlock'],
    ['a paired code tag (bpt)', paragraphs('<g id="2">A</g><bpt id="9">&lt;b&gt;</bpt>'), 'unsupportedTag'],
  ])('refuses %s, for that unit only', (_case, target, code) => {
    const result = fromXliffInline(fragment(target), source)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe(code)
      expect(result.error.message).toMatch(/[æøå]|oversættelse/i)
    }
  })

  it('tells an empty target by its text, tags aside', () => {
    expect(plainTextOf(fragment('<g id="1"><g id="2"></g></g><g id="5"><g id="6"/><g id="7"/></g>'))).toBe('')
    expect(plainTextOf(fragment(paragraphs('A <g id="3">B</g><x id="4"/>C <g id="2">D</g>')))).toBe('A BC DONETWO')
  })

  it('takes a tool’s segment markers (mrk) as their text', () => {
    const result = fromXliffInline(fragment(paragraphs('<mrk mtype="seg" mid="1">A <g id="2">B</g></mrk>')), source)
    expect(result.ok).toBe(true)
  })
})
