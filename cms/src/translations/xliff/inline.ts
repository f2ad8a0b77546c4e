import { XliffError } from './errors'
import type { InlineNode, InlineTag, LexicalNode, RichText } from './types'

/**
 * Rich text ⇄ XLIFF inline elements.
 *
 * Every Lexical element becomes a `<g>`, every other non-text node an `<x>`, and text formatting
 * (bold, italic, …) a `<g>` around the text it covers, so a CAT tool shows them all as tags. The
 * tags carry only an id and a ctype: the ids are numbered in document order of the Danish source,
 * and on import every attribute (a link's URL, target and document, a heading's level, a list's
 * type, alignment, an upload's file) is taken back from the node of the current Danish source with
 * that id; a translator cannot change them. The caller checks first that the file's source is
 * still the current Danish (`sameSource`), so the ids still mean the same nodes.
 *
 * What a translation may do with the tags:
 * - blocks (paragraphs, headings, lists, list items, quotes, and uploads or blocks between them)
 *   stay, each exactly once, in the same place: the structure of the text is the Danish one;
 * - links and other inline items (an inline block) appear exactly once each, anywhere in the text;
 * - formatting and line breaks may move, repeat or go: languages place emphasis differently.
 */

type Role = 'block' | 'object' | 'link' | 'format' | 'break'
type Level = 'block' | 'inline'
/** What the children of a node may be: blocks (root, list), inline content, or both (a list item holds text and nested lists). */
type Context = 'blocks' | 'listitem' | 'inline'

interface TagRequest {
  tag: 'g' | 'x'
  ctype: string
  role: Role
  level: Level
  /** The id of the block this tag sits in; '' for the root. */
  parent: string
  /** The Lexical node whose attributes come back on import; none for formatting. */
  node?: LexicalNode
  formatBit?: number
}

export interface SourceTag extends TagRequest {
  id: string
}

/** `null` leaves a formatting wrapper out (its text stays); other tags must be given an id. */
type Allocate = (request: TagRequest) => string | null

const FORMATS: ReadonlyArray<readonly [number, string]> = [
  [1, 'bold'],
  [2, 'italic'],
  [4, 'x-strikethrough'],
  [8, 'underlined'],
  [16, 'x-code'],
  [32, 'x-subscript'],
  [64, 'x-superscript'],
  [128, 'x-highlight'],
]

function formatCtype(bit: number): string {
  return FORMATS.find(([known]) => known === bit)?.[1] ?? `x-format-${bit}`
}

function bitsOf(format: number): number[] {
  const bits: number[] = []
  for (let bit = 1; bit <= format && bit > 0; bit <<= 1) if (format & bit) bits.push(bit)
  return bits
}

const isElement = (node: LexicalNode): node is LexicalNode & { children: LexicalNode[] } => Array.isArray(node.children)
const isText = (node: LexicalNode | undefined): node is LexicalNode & { text: string } => node?.type === 'text' && typeof node.text === 'string'
const formatOf = (node: LexicalNode | undefined): number => (typeof node?.format === 'number' ? node.format : 0)

function blockCtype(node: LexicalNode): string {
  if (node.type === 'paragraph') return 'x-paragraph'
  if (node.type === 'heading' && typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag)) return `x-heading-${node.tag.slice(1)}`
  if (node.type === 'list' && typeof node.listType === 'string') return `x-list-${node.listType}`
  return `x-${node.type}`
}

function childContext(node: LexicalNode): Context {
  if (node.type === 'list') return 'blocks'
  if (node.type === 'listitem') return 'listitem'
  return 'inline'
}

/** In a list item, a nested list is a block; everything else there is inline. */
const isBlockIn = (context: Context, node: LexicalNode): boolean =>
  context === 'blocks' || (context === 'listitem' && node.type === 'list')

function appendText(out: InlineNode[], text: string): void {
  if (text === '') return
  const last = out.at(-1)
  if (typeof last === 'string') out[out.length - 1] = last + text
  else out.push(text)
}

function appendAll(out: InlineNode[], items: InlineNode[]): void {
  for (const item of items) {
    if (typeof item === 'string') appendText(out, item)
    else out.push(item)
  }
}

function render(nodes: LexicalNode[], context: Context, parent: string, active: number, allocate: Allocate): InlineNode[] {
  const out: InlineNode[] = []
  let index = 0
  for (let node = nodes[index]; node !== undefined; node = nodes[index]) {
    if (isBlockIn(context, node)) {
      if (isElement(node)) {
        const id = allocate({ tag: 'g', ctype: blockCtype(node), role: 'block', level: 'block', parent, node }) as string
        out.push({ tag: 'g', id, ctype: blockCtype(node), children: render(node.children, childContext(node), id, 0, allocate) })
      } else {
        const ctype = `x-${node.type}`
        out.push({ tag: 'x', id: allocate({ tag: 'x', ctype, role: 'object', level: 'block', parent, node }) as string, ctype })
      }
      index++
    } else if (isText(node)) {
      const remaining = formatOf(node) & ~active
      if (remaining === 0) {
        appendText(out, node.text)
        index++
        continue
      }
      // The formatting shared by the longest run of text goes outermost: fewest tags for the translator.
      let best = { bit: 0, end: index }
      for (const bit of bitsOf(remaining)) {
        let end = index
        while (end < nodes.length && isText(nodes[end]) && formatOf(nodes[end]) & bit) end++
        if (end > best.end) best = { bit, end }
      }
      const ctype = formatCtype(best.bit)
      const id = allocate({ tag: 'g', ctype, role: 'format', level: 'inline', parent, formatBit: best.bit })
      const inner = render(nodes.slice(index, best.end), context, parent, active | best.bit, allocate)
      if (id === null) appendAll(out, inner)
      else out.push({ tag: 'g', id, ctype, children: inner })
      index = best.end
    } else if (node.type === 'linebreak' || node.type === 'tab') {
      const ctype = node.type === 'linebreak' ? 'lb' : 'x-tab'
      out.push({ tag: 'x', id: allocate({ tag: 'x', ctype, role: 'break', level: 'inline', parent, node }) as string, ctype })
      index++
    } else if (isElement(node)) {
      const isLink = node.type === 'link' || node.type === 'autolink'
      const ctype = isLink ? 'link' : `x-${node.type}`
      const id = allocate({ tag: 'g', ctype, role: isLink ? 'link' : 'object', level: 'inline', parent, node }) as string
      out.push({ tag: 'g', id, ctype, children: render(node.children, 'inline', parent, 0, allocate) })
      index++
    } else {
      const ctype = `x-${node.type}`
      out.push({ tag: 'x', id: allocate({ tag: 'x', ctype, role: 'object', level: 'inline', parent, node }) as string, ctype })
      index++
    }
  }
  return out
}

/** The Danish source as inline content, and what each of its tag ids stands for. */
export function sourceTags(source: RichText): { fragment: InlineNode[]; tags: Map<string, SourceTag> } {
  const tags = new Map<string, SourceTag>()
  const fragment = render(source.root.children, 'blocks', '', 0, (request) => {
    const id = String(tags.size + 1)
    tags.set(id, { ...request, id })
    return id
  })
  return { fragment, tags }
}

const isStructural = (tag: TagRequest): boolean => tag.level === 'block'
const isRequiredInline = (tag: TagRequest): boolean => tag.level === 'inline' && (tag.role === 'link' || tag.role === 'object')

class Misfit extends Error {}

/**
 * An existing translation as inline content with the Danish source's tag ids, so that it comes back
 * through `fromXliffInline`. `null` when it does not fit the source: another structure, other
 * links, or a line break where the Danish has none (the unit is then exported without a target).
 * Formatting the Danish does not have (or has less often) is left out.
 */
export function targetFragment(target: RichText, source: RichText): InlineNode[] | null {
  const tags = [...sourceTags(source).tags.values()]
  const structure = tags.filter(isStructural)
  const requiredInline = tags.filter(isRequiredInline)
  const used = new Set<string>()
  let nextBlock = 0
  let nextInline = 0
  try {
    const fragment = render(target.root.children, 'blocks', '', 0, (request) => {
      if (isStructural(request)) {
        const expected = structure[nextBlock++]
        if (!expected || expected.ctype !== request.ctype || expected.parent !== request.parent) throw new Misfit()
        return expected.id
      }
      if (isRequiredInline(request)) {
        const expected = requiredInline[nextInline++]
        if (!expected || expected.ctype !== request.ctype) throw new Misfit()
        return expected.id
      }
      const spare = tags.find((tag) => tag.role === request.role && tag.ctype === request.ctype && !used.has(tag.id))
      if (spare) {
        used.add(spare.id)
        return spare.id
      }
      if (request.role === 'format') return null
      throw new Misfit()
    })
    return nextBlock === structure.length && nextInline === requiredInline.length ? fragment : null
  } catch (error) {
    if (error instanceof Misfit) return null
    throw error
  }
}

export type Converted<T> = { ok: true; value: T } | { ok: false; error: XliffError }

/**
 * A translated rich text from a unit's target, with every attribute taken from the Danish source by
 * tag id. Refused (not thrown) when a tag is unknown, of another kind, missing, repeated or
 * misplaced, or when the structure differs from the Danish.
 */
export function fromXliffInline(fragment: InlineNode[], source: RichText): Converted<RichText> {
  try {
    return { ok: true, value: buildRichText(fragment, source) }
  } catch (error) {
    if (error instanceof XliffError) return { ok: false, error }
    throw error
  }
}

/** A translated plain text: text only, no tags. */
export function fromXliffPlain(fragment: InlineNode[]): Converted<string> {
  let text = ''
  for (const item of fragment) {
    if (typeof item !== 'string') return { ok: false, error: new XliffError('tagsInPlainText') }
    text += item
  }
  return { ok: true, value: text }
}

/**
 * The text of inline content without its tags: to tell an untranslated unit (tools write `<target/>`,
 * or a copy of the source) from a translation, or to count characters.
 */
export function plainTextOf(fragment: InlineNode[]): string {
  return fragment.map((item) => (typeof item === 'string' ? item : item.tag === 'g' ? plainTextOf(item.children ?? []) : '')).join('')
}

function buildRichText(fragment: InlineNode[], source: RichText): RichText {
  const { tags } = sourceTags(source)
  const uses = new Map<string, number>()
  const structure: Array<{ id: string; parent: string }> = []

  const lookUp = (item: InlineTag): SourceTag => {
    const tag = tags.get(item.id)
    if (!tag) throw new XliffError('unknownTag', { tag: item.id })
    if (tag.tag !== item.tag || (item.ctype !== undefined && item.ctype !== tag.ctype)) throw new XliffError('tagChanged', { tag: item.id })
    uses.set(tag.id, (uses.get(tag.id) ?? 0) + 1)
    return tag
  }

  const build = (items: InlineNode[], context: Context, parent: string, format: number): LexicalNode[] => {
    const out: LexicalNode[] = []
    for (const item of items) {
      if (typeof item === 'string') {
        if (context === 'blocks') {
          // Whitespace between blocks is a CAT tool's indentation, not text.
          if (item.trim() !== '') throw new XliffError('textOutsideBlock')
        } else appendTextNode(out, item, format)
        continue
      }
      if (item.tag === 'unsupported') throw new XliffError('unsupportedTag', { name: item.name })
      const tag = lookUp(item)
      const misplaced = tag.level === 'block' ? context === 'inline' : context === 'blocks'
      if (misplaced) throw new XliffError('misplacedTag', { tag: tag.id, ctype: tag.ctype })
      if (tag.level === 'block') structure.push({ id: tag.id, parent })
      if (tag.role === 'format') {
        for (const node of build(item.children ?? [], context, parent, format | (tag.formatBit ?? 0))) {
          if (isText(node)) appendTextNode(out, node.text, formatOf(node))
          else out.push(node)
        }
      } else if (item.tag === 'g' && tag.node) {
        const childParent = tag.level === 'block' ? tag.id : parent
        const childFormat = tag.level === 'block' ? 0 : format
        out.push({ ...attributesOf(tag.node), children: build(item.children ?? [], childContext(tag.node), childParent, childFormat) })
      } else if (tag.node) {
        out.push(structuredClone(tag.node))
      }
    }
    return out
  }

  const children = build(fragment, 'blocks', '', 0)

  for (const tag of tags.values()) {
    if (tag.role === 'format' || tag.role === 'break') continue
    const count = uses.get(tag.id) ?? 0
    if (count === 0) throw new XliffError('missingTag', { tag: tag.id, ctype: tag.ctype })
    if (count > 1) throw new XliffError('duplicateTag', { tag: tag.id, ctype: tag.ctype })
  }
  const expected = [...tags.values()].filter(isStructural)
  const sameStructure = expected.length === structure.length && expected.every((tag, index) => tag.id === structure[index]?.id && tag.parent === structure[index]?.parent)
  if (!sameStructure) {
    throw new XliffError('structureChanged')
  }

  return { ...source, root: { ...source.root, direction: null, children } }
}

/**
 * A source element's attributes for the translated node. The direction Lexical recorded is the
 * Danish text's; the translation's is its own (Lexical works it out again when the text is edited).
 */
function attributesOf(node: LexicalNode): LexicalNode {
  const { children: _children, ...attributes } = structuredClone(node)
  return 'direction' in attributes ? { ...attributes, direction: null } : attributes
}

function appendTextNode(out: LexicalNode[], text: string, format: number): void {
  if (text === '') return
  const last = out.at(-1)
  if (isText(last) && formatOf(last) === format) last.text += text
  else out.push({ type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text })
}
