/**
 * XLIFF 1.2, the file format translators' tools (OmegaT, memoQ, Trados, Weblate) exchange: the
 * texts of one target language go out with `writeXliff` and come back through `readXliff`, each
 * unit's target turned into a field value by `fromXliffInline` (rich text) or `fromXliffPlain`
 * once `sameSource` has confirmed the Danish is still what was sent.
 */
export { XliffError, type XliffErrorCode } from './errors'
export { fromXliffInline, fromXliffPlain, plainTextOf, type Converted } from './inline'
export { readXliff, type ReadXliffOptions } from './read'
export type { FieldValue, InlineNode, InlineTag, LexicalNode, ReadUnit, ReadXliff, RichText, TranslationState, XliffUnit } from './types'
export { sameSource, sourceFragment, writeXliff, type WriteXliffOptions } from './write'
