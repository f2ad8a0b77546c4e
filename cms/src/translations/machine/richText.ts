import { MachineTranslationError } from './errors'
import type { LocaleSupport, TextFormat, TranslationProvider } from './provider'

/**
 * Turns a job's segments (plain strings and Lexical rich text) into the texts sent to a
 * provider, and the provider's answers back into segments of exactly the same shape: the same
 * nodes, types, formats, link URLs, list types and attributes; only text content changes.
 *
 * With `markup` support, each run of inline nodes (a paragraph's, heading's or list item's
 * text, links and line breaks) is sent as one tagged string, so sentences are translated in
 * context and the provider places the formatting: every text node becomes <g id="n">…</g>, a
 * link <g id="n">…its text nodes…</g>, a line break, tab or inline code <x id="n"/>. Each id
 * must come back exactly once under the same parent, or the job fails (structureLost). With
 * `text` support, each text node is sent alone: the context is lost, the structure cannot be.
 */

/** A serialized Lexical node (Payload's SerializedEditorState is built from these). */
export interface LexicalNode {
  type: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  [key: string]: unknown
}

export interface RichTextValue {
  root: LexicalNode
  [key: string]: unknown
}

/** One field's value: a text, a rich text, or empty. */
export type Segment = string | RichTextValue | null | undefined

export interface TranslationUnit {
  format: TextFormat
  text: string
  /** What the provider bills: the Danish text's Unicode code points, without tags (DeepL: estimating-character-usage). */
  characters: number
}

export interface TranslationPlan {
  units: TranslationUnit[]
  characters: number
  /** The segments with the answers (one per unit, in order) put in. Call once. */
  assemble(answers: readonly string[]): Segment[]
}

export function isRichText(value: unknown): value is RichTextValue {
  const root = (value as { root?: unknown } | null)?.root as LexicalNode | undefined
  return typeof value === 'object' && value !== null && typeof root === 'object' && root !== null && Array.isArray(root.children)
}

const inlineContainers = new Set(['link', 'autolink'])
const inlineLeaves = new Set(['linebreak', 'tab'])
/** Lexical's IS_CODE format bit: inline code is not prose and is never translated. */
const codeFormat = 16

const isInline = (node: LexicalNode) => node.type === 'text' || inlineContainers.has(node.type) || inlineLeaves.has(node.type)
const isTranslatableText = (node: LexicalNode) =>
  node.type === 'text' && typeof node.text === 'string' && !(typeof node.format === 'number' && node.format & codeFormat)
const isContainer = (node: LexicalNode) => inlineContainers.has(node.type) && Array.isArray(node.children)
const isPlain = (node: LexicalNode) => !node.format && !node.style
const hasWords = (text: string) => /\S/.test(text)
const isBlankText = (node: LexicalNode) => isTranslatableText(node) && !hasWords(node.text!)
const holdsWords = (node: LexicalNode): boolean => (isTranslatableText(node) ? hasWords(node.text!) : isContainer(node) && node.children!.some(holdsWords))
/** Tagged as <g>: text, and links with words in them (an empty tag is one a provider may drop). */
const sentAsG = (node: LexicalNode) => isTranslatableText(node) || (isContainer(node) && holdsWords(node))
export const codePoints = (text: string) => [...text].length

const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' }
const unescapeMarkup = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16))
    if (decimal) return String.fromCodePoint(Number(decimal))
    return entities[name!.toLowerCase()] ?? whole
  })

/** Leading and trailing whitespace stays ours: providers trim it, and it separates runs. */
function around(text: string): { lead: string; core: string; trail: string } {
  const lead = /^\s*/.exec(text)![0]
  const trail = /\s*$/.exec(text.slice(lead.length))![0]
  return { lead, core: text.slice(lead.length, text.length - trail.length), trail }
}

export function planTranslation(segments: readonly Segment[], support: LocaleSupport, provider: Pick<TranslationProvider, 'label' | 'markupAnswer'>): TranslationPlan {
  const units: TranslationUnit[] = []
  const fills: ((answers: readonly string[]) => void)[] = []
  const decode = provider.markupAnswer === 'escaped' ? unescapeMarkup : (text: string) => text

  const addUnit = (format: TextFormat, text: string, characters: number) => units.push({ format, text, characters }) - 1

  /** One text sent alone; the answer keeps the original's surrounding whitespace. */
  function plainUnit(text: string, put: (translated: string) => void) {
    const { lead, core, trail } = around(text)
    const index = addUnit('text', core, codePoints(core))
    fills.push((answers) => put(lead + answers[index]!.trim() + trail))
  }

  function textNodes(node: LexicalNode) {
    if (isTranslatableText(node) && hasWords(node.text!)) plainUnit(node.text!, (translated) => (node.text = translated))
    node.children?.forEach(textNodes)
  }

  function blocks(element: LexicalNode) {
    const children = element.children
    if (!children) return
    for (let start = 0; start < children.length; ) {
      if (!isInline(children[start]!)) {
        blocks(children[start]!)
        start++
        continue
      }
      let end = start
      while (end < children.length && isInline(children[end]!)) end++
      run(element, start, end)
      start = end
    }
  }

  /** The inline children [start, end) of `parent` as one tagged text. */
  function run(parent: LexicalNode, start: number, end: number) {
    const byId: LexicalNode[] = []
    const parentOf: number[] = []
    let characters = 0
    let words = false
    const tag = (node: LexicalNode, parentId: number): string => {
      const id = byId.push(node) - 1
      parentOf.push(parentId)
      if (isTranslatableText(node)) {
        characters += codePoints(node.text!)
        words ||= hasWords(node.text!)
        return `<g id="${id}">${escapeMarkup(node.text!)}</g>`
      }
      if (sentAsG(node)) return `<g id="${id}">${node.children!.map((child) => tag(child, id)).join('')}</g>`
      return `<x id="${id}"/>`
    }
    const text = parent.children!.slice(start, end).map((node) => tag(node, -1)).join('')
    if (!words) return
    const index = addUnit('markup', text, characters)
    fills.push((answers) => {
      const placed = placeTags(answers[index]!, byId, parentOf, decode, provider.label)
      parent.children!.splice(start, end - start, ...placed)
    })
  }

  const results = segments.map((segment): (() => Segment) => {
    if (typeof segment === 'string') {
      if (!hasWords(segment)) return () => segment
      let translated = segment
      plainUnit(segment, (text) => (translated = text))
      return () => translated
    }
    if (!isRichText(segment)) return () => segment
    const copy = structuredClone(segment)
    if (support === 'markup') blocks(copy.root)
    else textNodes(copy.root)
    return () => copy
  })

  return {
    units,
    characters: units.reduce((sum, unit) => sum + unit.characters, 0),
    assemble(answers) {
      for (const fill of fills) fill(answers)
      return results.map((result) => result())
    },
  }
}

interface Frame {
  id: number
  items: ({ id: number; frame?: Frame } | { stray: string })[]
  text: string
}

const tagPattern = /<g\s+id=["'](\d+)["']\s*>|<\/g\s*>|<x\s+id=["'](\d+)["']\s*\/>|<x\s+id=["'](\d+)["']\s*>\s*<\/x\s*>/g

/**
 * The run's nodes as the answer orders them, their text replaced. Text a provider moved
 * outside every tag (spaces, a suffix such as DeepL's "<b>Premium</b>-Funktion") joins the
 * nearest text node beside it, preferably an unformatted one.
 */
function placeTags(answer: string, byId: LexicalNode[], parentOf: number[], decode: (text: string) => string, label: string): LexicalNode[] {
  const lost = () => new MachineTranslationError('structureLost', { provider: label })
  const root: Frame = { id: -1, items: [], text: '' }
  const stack = [root]
  const seen = new Set<number>()
  const top = () => stack[stack.length - 1]!
  const addText = (raw: string) => {
    if (!raw) return
    const frame = top()
    if (frame.id >= 0 && byId[frame.id]!.type === 'text') frame.text += decode(raw)
    else frame.items.push({ stray: decode(raw) })
  }
  const open = (id: number, asContainer: boolean) => {
    const node = byId[id]
    const frame = top()
    if (!node || seen.has(id) || parentOf[id] !== frame.id) throw lost()
    if (frame.id >= 0 && byId[frame.id]!.type === 'text') throw lost()
    if (sentAsG(node) !== asContainer) throw lost()
    seen.add(id)
  }
  let last = 0
  for (const match of answer.matchAll(tagPattern)) {
    addText(answer.slice(last, match.index))
    last = match.index + match[0].length
    const [whole, gId, xId, xPairId] = match
    if (gId !== undefined) {
      open(Number(gId), true)
      stack.push({ id: Number(gId), items: [], text: '' })
    } else if (whole.startsWith('</')) {
      if (stack.length === 1) throw lost()
      const frame = stack.pop()!
      top().items.push({ id: frame.id, frame })
    } else {
      const id = Number(xId ?? xPairId)
      open(id, false)
      top().items.push({ id })
    }
  }
  addText(answer.slice(last))
  if (stack.length !== 1) throw lost()
  // Only a text node of nothing but spaces may go missing (place() puts it back).
  if (byId.some((node, id) => !seen.has(id) && (!isBlankText(node) || (parentOf[id]! >= 0 && !seen.has(parentOf[id]!))))) throw lost()
  return place(root, byId, parentOf, lost)
}

function place(frame: Frame, byId: LexicalNode[], parentOf: number[], lost: () => Error): LexicalNode[] {
  // Ids were given in document order, so a parent's children in id order are the source's order.
  const sourceOrder = byId.filter((_, id) => parentOf[id] === frame.id)
  const originals = new Map(frame.items.flatMap((item) => ('id' in item && isTranslatableText(byId[item.id]!) ? [[byId[item.id]!, byId[item.id]!.text!] as const] : [])))
  const nodes: LexicalNode[] = []
  const strays: { at: number; text: string }[] = []
  for (const item of frame.items) {
    if ('stray' in item) {
      strays.push({ at: nodes.length, text: item.stray })
      continue
    }
    const node = byId[item.id]!
    if (isTranslatableText(node)) node.text = item.frame!.text
    else if (item.frame) node.children = place(item.frame, byId, parentOf, lost)
    nodes.push(node)
  }
  const prefixes = new Map<LexicalNode, string>()
  for (const { at, text } of strays) {
    const before = nodes.slice(0, at).findLast(isTranslatableText)
    const after = nodes.slice(at).find(isTranslatableText)
    if (before && (isPlain(before) || !after || !isPlain(after))) before.text += text
    else if (after) prefixes.set(after, (prefixes.get(after) ?? '') + text)
    else if (hasWords(text)) throw lost()
  }
  for (const [node, prefix] of prefixes) node.text = prefix + node.text
  restoreBlanks(nodes, sourceOrder)
  keepSeparators(nodes, sourceOrder, originals)
  return nodes
}

/**
 * A text node of only spaces that the provider dropped goes back after the node it followed in
 * the source; empty where the provider's text already has a space there, so none is doubled.
 */
function restoreBlanks(nodes: LexicalNode[], sourceOrder: LexicalNode[]): void {
  sourceOrder.forEach((node, at) => {
    if (nodes.includes(node)) return
    const predecessor = sourceOrder.slice(0, at).findLast((candidate) => nodes.includes(candidate))
    const index = predecessor ? nodes.indexOf(predecessor) + 1 : 0
    const before = nodes[index - 1]?.text ?? ''
    const after = nodes[index]?.text ?? ''
    if (/\s$/.test(before) || /^\s/.test(after)) node.text = ''
    nodes.splice(index, 0, node)
  })
}

/**
 * A space that separated a text node from the same neighbour in the source ("Kom til " + bold
 * "lektiecafé") and that the provider dropped from the node's edge comes back, unless the
 * neighbour now has one: otherwise the words would run together on the page. Beside a new
 * neighbour (the provider reordered the nodes) the provider's spacing stands.
 */
function keepSeparators(nodes: LexicalNode[], sourceOrder: LexicalNode[], originals: ReadonlyMap<LexicalNode, string>): void {
  nodes.forEach((node, index) => {
    const original = originals.get(node)
    if (original === undefined || !hasWords(node.text!)) return
    const { lead, trail } = around(original)
    const at = sourceOrder.indexOf(node)
    const before = nodes[index - 1]
    const after = nodes[index + 1]
    if (lead && before && before === sourceOrder[at - 1] && !/^\s/.test(node.text!) && !/\s$/.test(before.text ?? '')) node.text = lead + node.text
    if (trail && after && after === sourceOrder[at + 1] && !/\s$/.test(node.text!) && !/^\s/.test(after.text ?? '')) node.text += trail
  })
}
