import { SaxesParser, type SaxesTagNS } from 'saxes'

import { XliffError } from './errors'
import type { InlineNode, InlineTag, ReadUnit, ReadXliff } from './types'
import { SOURCE_LANGUAGE, XLIFF_NAMESPACE } from './write'

export interface ReadXliffOptions {
  /** Refused before parsing when larger (in bytes, as UTF-8). */
  maxBytes: number
}

/** No real XLIFF nests this deep; a file that does would only be run to exhaust the stack. */
const MAX_DEPTH = 64

/**
 * Reads an XLIFF 1.2 file a translator sends back. Parsed by saxes, which expands no entities but
 * XML's five: any DOCTYPE is refused outright (so no DTD, no external entities, no entity
 * expansion bombs), an undefined entity is an error, and the size is checked before parsing.
 * Whatever is wrong with the file as a whole throws an `XliffError` and returns nothing; what is
 * wrong with one unit's tags shows only when that unit is converted (`fromXliffInline`).
 *
 * Inline content keeps `<g>` and `<x>`, unwraps `<mrk>` (segment and term markers some tools add),
 * and marks any other inline element unsupported. `<alt-trans>`, `<seg-source>`, notes, headers and
 * other tools' extensions are skipped.
 */
export function readXliff(input: string | Uint8Array, { maxBytes }: ReadXliffOptions): ReadXliff {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength
  if (size > maxBytes) throw new XliffError('tooLarge', { size, max: maxBytes })
  const xml = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeUtf8(input)

  const parser = new SaxesParser({ xmlns: true })
  const read = new Reader(parser)
  parser.on('xmldecl', ({ encoding }) => {
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw new XliffError('notUtf8')
  })
  parser.on('doctype', () => {
    throw new XliffError('doctype')
  })
  parser.on('opentag', (tag) => read.open(tag))
  parser.on('closetag', () => read.close())
  parser.on('text', (text) => read.text(text))
  parser.on('cdata', (text) => read.text(text))
  try {
    parser.write(xml).close()
  } catch (error) {
    if (error instanceof XliffError) throw error
    const message = error instanceof Error ? error.message : ''
    const position = { line: parser.line, column: parser.column }
    throw new XliffError(/undefined entity/.test(message) ? 'undefinedEntity' : 'malformed', position)
  }
  return read.result()
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new XliffError('notUtf8')
  }
}

type Frame = 'element' | 'unit' | 'source' | 'target' | 'inline'

interface UnitDraft {
  id: string
  source: InlineNode[] | null
  target: InlineNode[] | null
  state: string | null
  stateQualifier: string | null
}

class Reader {
  private readonly frames: Frame[] = []
  /** Open elements inside one that is skipped whole. */
  private skipping = 0
  /** The inline containers being filled, innermost last; empty outside `<source>` and `<target>`. */
  private readonly containers: InlineNode[][] = []
  private unit: UnitDraft | null = null
  private readonly units: ReadUnit[] = []
  private readonly ids = new Set<string>()
  private readonly sourceLanguages = new Set<string>()
  private readonly targetLanguages = new Set<string>()
  private sawRoot = false

  constructor(private readonly parser: SaxesParser<{ xmlns: true }>) {}

  open(tag: SaxesTagNS): void {
    if (this.skipping > 0) {
      this.skipping++
      return
    }
    if (this.frames.length >= MAX_DEPTH) throw new XliffError('tooDeep', { line: this.parser.line })
    const ours = tag.uri === XLIFF_NAMESPACE
    const attribute = (name: string): string | undefined => tag.attributes[name]?.value

    if (!this.sawRoot) {
      this.sawRoot = true
      const version = attribute('version')
      if (tag.local !== 'xliff' || !ours || version !== '1.2') {
        throw new XliffError('notXliff12', { found: `<${tag.name} xmlns="${tag.uri}" version="${version ?? ''}">` })
      }
      return this.enter('element')
    }

    if (this.containers.length > 0) return this.openInline(tag, ours, attribute)

    if (!ours) return this.skip()
    switch (tag.local) {
      case 'file':
        this.noteLanguage(this.sourceLanguages, attribute('source-language'))
        this.noteLanguage(this.targetLanguages, attribute('target-language'))
        return this.enter('element')
      case 'trans-unit': {
        if (this.unit) return this.skip()
        const id = attribute('id')
        if (!id) throw new XliffError('missingUnitId')
        if (this.ids.has(id)) throw new XliffError('duplicateUnit', { id })
        this.ids.add(id)
        this.unit = { id, source: null, target: null, state: null, stateQualifier: null }
        return this.enter('unit')
      }
      case 'source':
      case 'target': {
        const unit = this.unit
        if (!unit || this.frames.at(-1) !== 'unit' || unit[tag.local] !== null) return this.skip()
        const content: InlineNode[] = []
        unit[tag.local] = content
        if (tag.local === 'target') {
          unit.state = attribute('state') ?? null
          unit.stateQualifier = attribute('state-qualifier') ?? null
        }
        this.containers.push(content)
        return this.enter(tag.local)
      }
      case 'body':
      case 'group':
        return this.enter('element')
      default:
        // header (with its skeleton and tool data), note, alt-trans, seg-source, context-group, …
        return this.skip()
    }
  }

  private openInline(tag: SaxesTagNS, ours: boolean, attribute: (name: string) => string | undefined): void {
    const container = this.containers.at(-1) as InlineNode[]
    if (ours && (tag.local === 'g' || tag.local === 'x')) {
      const ctype = attribute('ctype')
      const inlineTag: InlineTag = { tag: tag.local, id: attribute('id') ?? '', ...(ctype !== undefined && { ctype }) }
      container.push(inlineTag)
      if (tag.local === 'x') return this.skip()
      inlineTag.children = []
      this.containers.push(inlineTag.children)
      return this.enter('inline')
    }
    if (ours && tag.local === 'mrk') {
      this.containers.push(container)
      return this.enter('inline')
    }
    container.push({ tag: 'unsupported', name: tag.name })
    this.skip()
  }

  close(): void {
    if (this.skipping > 0) {
      this.skipping--
      return
    }
    const frame = this.frames.pop()
    if (frame === 'inline' || frame === 'source' || frame === 'target') this.containers.pop()
    if (frame === 'unit' && this.unit) {
      const { id, source, target, state, stateQualifier } = this.unit
      if (source === null) throw new XliffError('missingSource', { id })
      this.units.push({ id, source, target, state, stateQualifier })
      this.unit = null
    }
  }

  text(text: string): void {
    if (this.skipping > 0) return
    const container = this.containers.at(-1)
    if (!container) return
    const last = container.at(-1)
    if (typeof last === 'string') container[container.length - 1] = last + text
    else container.push(text)
  }

  result(): ReadXliff {
    const sourceLanguage = this.onlyLanguage(this.sourceLanguages, 'missingSourceLanguage')
    const targetLanguage = this.onlyLanguage(this.targetLanguages, 'missingTargetLanguage')
    if (sourceLanguage.toLowerCase().split(/[-_]/)[0] !== SOURCE_LANGUAGE) {
      throw new XliffError('wrongSourceLanguage', { language: sourceLanguage })
    }
    return { sourceLanguage, targetLanguage, units: this.units }
  }

  private enter(frame: Frame): void {
    this.frames.push(frame)
  }

  private skip(): void {
    this.skipping = 1
  }

  private noteLanguage(languages: Set<string>, language: string | undefined): void {
    // A <file> without one is counted as missing, so a file that only some <file>s name is refused too.
    languages.add(language?.trim() ?? '')
  }

  private onlyLanguage(languages: Set<string>, missing: 'missingSourceLanguage' | 'missingTargetLanguage'): string {
    if (languages.has('') || languages.size === 0) throw new XliffError(missing)
    const [language, ...others] = languages
    if (language === undefined || others.length > 0) throw new XliffError('mixedLanguages', { languages: [...languages].join(', ') })
    return language
  }
}
