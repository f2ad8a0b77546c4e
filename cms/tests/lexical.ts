import type { LexicalNode, RichText } from '../src/translations/xliff'

/** Lexical nodes shaped as Payload's editor stores them (see what the seed's Markdown converter gives). */
export const BOLD = 1
export const ITALIC = 2
export const STRIKETHROUGH = 4
export const UNDERLINE = 8
export const CODE = 16

export const text = (value: string, format = 0): LexicalNode => ({ type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text: value })
export const lineBreak = (): LexicalNode => ({ type: 'linebreak', version: 1 })

const element = (type: string, children: LexicalNode[], attributes: Record<string, unknown> = {}): LexicalNode => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...attributes,
})

export const paragraph = (...children: LexicalNode[]) => element('paragraph', children, { textFormat: 0, textStyle: '' })
export const heading = (tag: 'h2' | 'h3' | 'h4', ...children: LexicalNode[]) => element('heading', children, { tag })
export const quote = (...children: LexicalNode[]) => element('quote', children)
export const list = (listType: 'bullet' | 'number', ...items: LexicalNode[]) =>
  element('list', items, { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' })
/** A nested list is a list item of its own holding only the list, as Lexical nests them. */
export const listItem = (value: number, ...children: LexicalNode[]) => element('listitem', children, { value })
export const link = (fields: Record<string, unknown>, id: string, ...children: LexicalNode[]) => element('link', children, { version: 3, fields, id })
export const upload = (): LexicalNode => ({ type: 'upload', version: 3, relationTo: 'media', value: 7, fields: null, id: '6b0e6' })

export const richText = (...children: LexicalNode[]): RichText => ({
  root: { type: 'root', version: 1, children, direction: 'ltr', format: '', indent: 0 },
})

/** The same rich text with its text changed and directions cleared, as a translation comes back. */
export function translated(value: RichText, translate: (text: string) => string): RichText {
  const walk = (node: LexicalNode): LexicalNode => {
    if (node.type === 'text') return { ...node, text: translate(node.text as string) }
    if (!Array.isArray(node.children)) return node
    return { ...node, direction: null, children: (node.children as LexicalNode[]).map(walk) }
  }
  return { ...value, root: { ...value.root, direction: null, children: value.root.children.map(walk) } }
}
