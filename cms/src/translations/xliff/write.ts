import { sourceTags, targetFragment } from './inline'
import type { FieldValue, InlineNode, TranslationState, XliffUnit } from './types'

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'
export const SOURCE_LANGUAGE = 'da'

/**
 * Our states as XLIFF 1.2 target states, so a CAT tool shows what needs work:
 * - missing: no `<target>` at all (what every tool reads as untranslated; an empty target is read
 *   by some as a translation into nothing);
 * - machine: `needs-review-translation`, qualified `mt-suggestion` (XLIFF's own word for it);
 * - outdated: `needs-review-translation`, qualified `x-source-changed` (the Danish changed since);
 * - reviewed: `translated`. Not `final`: some tools lock final segments, and a reviewed text may
 *   still be improved.
 * Whatever state a file brings back, the import stores what it applies as reviewed.
 */
const TARGET_STATES: Record<Exclude<TranslationState, 'missing'>, { state: string; qualifier?: string }> = {
  machine: { state: 'needs-review-translation', qualifier: 'mt-suggestion' },
  outdated: { state: 'needs-review-translation', qualifier: 'x-source-changed' },
  reviewed: { state: 'translated' },
}

/** Told to the translator when the current translation cannot be given with the Danish tags. */
const TARGET_LEFT_OUT =
  'Den nuværende oversættelse er ikke med, fordi den har en anden opbygning (afsnit, lister, links) end den danske tekst. / ' +
  'The current translation is not included: its structure (paragraphs, lists, links) differs from the Danish text.'

/** The Danish text of a field as the inline content of a `<source>`. */
export function sourceFragment(value: FieldValue): InlineNode[] {
  if (typeof value === 'string') return value === '' ? [] : [value]
  return sourceTags(value).fragment
}

/**
 * Whether a unit's source in a file is still the current Danish text: the same text and the same
 * tags in the same places (what the tag ids refer to). The tags' ctypes are not compared: they come
 * from the source anyway, and some tools drop them.
 */
export function sameSource(fileSource: InlineNode[], current: FieldValue): boolean {
  return canonical(fileSource) === canonical(sourceFragment(current))
}

function canonical(fragment: InlineNode[]): string {
  const parts: unknown[] = []
  let text = ''
  for (const item of fragment) {
    if (typeof item === 'string') {
      text += xmlSafe(item)
      continue
    }
    if (text !== '') parts.push(text)
    text = ''
    if (item.tag === 'unsupported') parts.push(['?', item.name])
    else parts.push([item.tag, item.id, item.tag === 'g' ? canonical(item.children ?? []) : null])
  }
  if (text !== '') parts.push(text)
  return JSON.stringify(parts)
}

export interface WriteXliffOptions {
  targetLanguage: string
  units: XliffUnit[]
  /** The `original` attribute of the `<file>`: what the texts were exported from. */
  original?: string
}

/** An XLIFF 1.2 document with one `<file>` and one `<trans-unit>` per unit, in the order given. */
export function writeXliff({ targetLanguage, units, original = 'drk-cms' }: WriteXliffOptions): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF_NAMESPACE}">`,
    `  <file original="${attribute(original)}" datatype="plaintext" source-language="${SOURCE_LANGUAGE}" target-language="${attribute(targetLanguage)}">`,
    '    <body>',
    ...units.flatMap(unitLines),
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ]
  return lines.join('\n')
}

function unitLines(unit: XliffUnit): string[] {
  const id = attribute(unit.id)
  // xml:space: the texts' spaces and newlines are content; a tool must not reflow them.
  const lines = [`      <trans-unit id="${id}" resname="${id}" xml:space="preserve">`, `        <source>${inline(sourceFragment(unit.source))}</source>`]
  const notes = [unit.note]
  if (unit.state !== 'missing' && unit.target !== undefined && unit.target !== null) {
    const target = targetOf(unit.target, unit.source)
    if (target) {
      const { state, qualifier } = TARGET_STATES[unit.state]
      const qualifierAttribute = qualifier ? ` state-qualifier="${qualifier}"` : ''
      lines.push(`        <target state="${state}"${qualifierAttribute}>${inline(target)}</target>`)
    } else notes.push(TARGET_LEFT_OUT)
  }
  for (const note of notes) lines.push(`        <note>${text(note)}</note>`)
  lines.push('      </trans-unit>')
  return lines
}

function targetOf(target: FieldValue, source: FieldValue): InlineNode[] | null {
  if (typeof source === 'string') return typeof target === 'string' ? sourceFragment(target) : null
  return typeof target === 'string' ? null : targetFragment(target, source)
}

function inline(fragment: InlineNode[]): string {
  return fragment
    .map((item) => {
      if (typeof item === 'string') return text(item)
      if (item.tag === 'unsupported') return ''
      const ctype = item.ctype ? ` ctype="${attribute(item.ctype)}"` : ''
      if (item.tag === 'x') return `<x id="${attribute(item.id)}"${ctype}/>`
      return `<g id="${attribute(item.id)}"${ctype}>${inline(item.children ?? [])}</g>`
    })
    .join('')
}

/**
 * Characters XML 1.0 cannot carry at all, not even as references (control characters, unpaired
 * surrogates). They are dropped; `sameSource` drops them the same way.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const xmlSafe = (value: string): string => value.replace(NOT_IN_XML, '')

function text(value: string): string {
  // A carriage return would be read back as a newline; as a reference it survives.
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}
