/**
 * A Lexical node as Payload stores it. Shaped like the generated types (payload-types.ts), so a
 * document's rich text field can be passed as it is read.
 */
export interface LexicalNode {
  type: string
  version: number
  [key: string]: unknown
}

/** Payload's rich text value (`SerializedEditorState`), as the generated types describe it. */
export interface RichText {
  root: {
    type: string
    children: LexicalNode[]
    direction: ('ltr' | 'rtl') | null
    format: 'left' | 'start' | 'center' | 'right' | 'end' | 'justify' | ''
    indent: number
    version: number
  }
  [key: string]: unknown
}

/** A translatable field's value: plain text (may hold newlines) or rich text. */
export type FieldValue = string | RichText

/** Where a locale's text of a field stands (the states of issue 14; `missing`: no text yet). */
export type TranslationState = 'missing' | 'machine' | 'outdated' | 'reviewed'

/** One translatable field of one document, in one target language. */
export interface XliffUnit {
  /**
   * Stable across edits of the document and of its other fields: collection or global, document
   * id, field path, with array rows by their row id, never their position
   * (`activities/12/description`; a global has no id: `navigation/items/<row id>/label`).
   */
  id: string
  /** Says which document and field this is, for the translator: "Aktiviteter › Lektiecafé › Beskrivelse". */
  note: string
  /** The Danish text. */
  source: FieldValue
  /** The current translation, if any; the same kind of value as `source`. */
  target?: FieldValue | null
  state: TranslationState
}

/**
 * Inline content of a `<source>` or `<target>`: text, XLIFF `<g>` (a span: a block, a link, a
 * formatting) and `<x>` (a standalone item: a line break, an image) elements. `unsupported` stands
 * for an inline element we do not read (`<bpt>`, `<ph>`, …); converting content with one is refused.
 */
export type InlineNode = string | InlineTag | UnsupportedInline

export interface InlineTag {
  tag: 'g' | 'x'
  id: string
  ctype?: string
  /** Only for `g`. */
  children?: InlineNode[]
}

export interface UnsupportedInline {
  tag: 'unsupported'
  name: string
}

/** One `<trans-unit>` as read from a file. */
export interface ReadUnit {
  id: string
  source: InlineNode[]
  /** `null` when the unit has no `<target>`. */
  target: InlineNode[] | null
  /** The target's `state` attribute (`translated`, `needs-review-translation`, …), if any. */
  state: string | null
  stateQualifier: string | null
}

export interface ReadXliff {
  sourceLanguage: string
  targetLanguage: string
  units: ReadUnit[]
}
