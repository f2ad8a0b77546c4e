import { createHash } from 'node:crypto'

import type { Field } from 'payload'

import { defaultLocale } from '../../../core/locales'

/**
 * The state of each locale's translation, and where it came from: the logic behind the
 * `translationStatus` and `translationSources` fields (translationStatus.ts), kept free of Payload's
 * hooks so the migration, the seed and later the translation overview, XLIFF exchange and
 * machine translation all read and compute it the same way.
 */

export const translationStatuses = ['original', 'machine', 'reviewed', 'outdated'] as const
export type TranslationStatus = (typeof translationStatuses)[number]

/**
 * What a locale's translation was made from, per translated field: `sources` holds the
 * fingerprint of the Danish text each field was translated from; `changed` the fields whose
 * Danish has changed since (their translation is out of date). Paths are field names joined by
 * dots, with an array row's or block's id in place of its index so they survive reordering
 * (`title`, `items.65f0c2….label`).
 */
export interface TranslationSources {
  sources: Record<string, string>
  changed: string[]
}

type Data = Record<string, unknown>

/** A locale's value of a localized field, in a document read with all locales. */
export type Pick = (value: unknown) => unknown

export const inLocale =
  (locale: string): Pick =>
  (value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Data)[locale] : undefined
/** A document read in one locale (or a save's data): the value is already that locale's. */
export const asIs: Pick = (value) => value

const isData = (value: unknown): value is Data => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/**
 * Every translated text of a document by its path: localized text, textarea and richText
 * fields, also inside (unlocalized) groups, tabs, rows, collapsibles, arrays and blocks.
 * A localized array, group or block would hold different rows per locale, with no row that
 * translates another; none exists, and one added later is refused here rather than silently
 * left out of the translation state.
 */
export function translatedTexts(fields: Field[], doc: Data | null | undefined, pick: Pick): Map<string, unknown> {
  const texts = new Map<string, unknown>()
  const walk = (fields: Field[], data: Data | undefined, prefix: string) => {
    for (const field of fields) {
      if ((field.type === 'array' || field.type === 'group' || field.type === 'blocks') && field.localized) {
        throw new Error(`translation state: the localized ${field.type} "${'name' in field ? (field.name ?? '') : ''}" is not supported; localize the texts inside it instead`)
      }
      switch (field.type) {
        case 'text':
        case 'textarea':
        case 'richText':
          if (field.localized) texts.set(prefix + field.name, pick(data?.[field.name]))
          break
        case 'row':
        case 'collapsible':
          walk(field.fields, data, prefix)
          break
        case 'group':
          if ('name' in field && field.name) {
            const group = data?.[field.name]
            walk(field.fields, isData(group) ? group : undefined, `${prefix}${field.name}.`)
          } else walk(field.fields, data, prefix)
          break
        case 'tabs':
          for (const tab of field.tabs) {
            if ('name' in tab && tab.name) {
              const named = data?.[tab.name]
              walk(tab.fields, isData(named) ? named : undefined, `${prefix}${tab.name}.`)
            } else walk(tab.fields, data, prefix)
          }
          break
        case 'array': {
          const rows = data?.[field.name]
          if (Array.isArray(rows)) for (const row of rows) if (isData(row) && row.id) walk(field.fields, row, `${prefix}${field.name}.${String(row.id)}.`)
          break
        }
        case 'blocks': {
          const rows = data?.[field.name]
          if (!Array.isArray(rows)) break
          for (const row of rows) {
            const block = isData(row) ? field.blocks.find((candidate) => candidate.slug === row.blockType) : undefined
            if (block && isData(row) && row.id) walk(block.fields, row, `${prefix}${field.name}.${String(row.id)}.`)
          }
          break
        }
        default:
          break
      }
    }
  }
  walk(fields, doc ?? undefined, '')
  return texts
}

const space = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Rich text reduced to what a translation must follow: the kind of each node, headings'
 * and lists' kind, links, bold/italic and the words. The editor's bookkeeping (direction,
 * indent, version, empty styles) is left out, so re-saving an unchanged text in the admin
 * does not count as a change.
 */
function richTextShape(node: unknown): unknown {
  if (!isData(node)) return null
  const fields = isData(node.fields) ? node.fields : {}
  const children = Array.isArray(node.children) ? node.children.map(richTextShape) : undefined
  return [
    node.type,
    node.tag ?? null,
    node.listType ?? null,
    node.type === 'text' ? (node.format ?? 0) : null,
    typeof node.text === 'string' ? space(node.text) : null,
    node.url ?? fields.url ?? null,
    fields.doc ? JSON.stringify(fields.doc) : null,
    children ?? null,
  ]
}

function plainText(node: unknown): string {
  if (!isData(node)) return ''
  const own = typeof node.text === 'string' ? node.text : ''
  return own + (Array.isArray(node.children) ? node.children.map(plainText).join('') : '')
}

/** The text as it counts for translation: '' when there is none (null, blanks, an empty editor). */
export function normalizedText(value: unknown): string {
  if (typeof value === 'string') return space(value)
  if (Array.isArray(value)) return space(value.filter((entry) => typeof entry === 'string').join(' '))
  if (isData(value) && isData(value.root)) return space(plainText(value.root)) ? JSON.stringify(richTextShape(value.root)) : ''
  return ''
}

/**
 * A short fingerprint of a text (null for no text): enough to tell whether the Danish a
 * translation was made from is still the Danish of today, without storing the text again.
 */
export function fingerprint(value: unknown): string | null {
  const text = normalizedText(value)
  return text ? createHash('sha256').update(text).digest('base64url').slice(0, 16) : null
}

const hasText = (value: unknown) => normalizedText(value) !== ''

export interface LocaleState {
  status: TranslationStatus | null
  sources: TranslationSources | null
}

const emptySources = (): TranslationSources => ({ sources: {}, changed: [] })

function readSources(value: unknown): TranslationSources {
  if (!isData(value)) return emptySources()
  const sources = isData(value.sources) ? (Object.fromEntries(Object.entries(value.sources).filter(([, entry]) => typeof entry === 'string')) as Record<string, string>) : {}
  return { sources, changed: Array.isArray(value.changed) ? value.changed.filter((path): path is string => typeof path === 'string') : [] }
}

const isStatus = (value: unknown): value is TranslationStatus => translationStatuses.includes(value as TranslationStatus)

/** The fields of a translation whose Danish is no longer the one it was made from. */
function changedFields(sources: Record<string, string>, texts: Map<string, unknown>, danish: Map<string, string | null>): string[] {
  return [...texts].filter(([path, value]) => hasText(value) && (sources[path] ?? null) !== (danish.get(path) ?? null)).map(([path]) => path)
}

export interface SaveArgs {
  fields: Field[]
  /** The document before the save, with all locales (Payload's `docWithLocales`); {} on create. */
  before: Data
  /** The saved data, in `locale`. */
  data: Data
  locale: string
  locales: readonly string[]
  /**
   * The status the save states for its locale, when it states one: machine translation and
   * imports say what they wrote; a person who picks a status in the admin means it.
   */
  statedStatus?: TranslationStatus
  /**
   * Whether a person saved (the admin, REST) rather than code (the Local API). Code that writes a
   * translation without stating what it wrote changes no status; its first translation of a
   * locale is `machine`, as it always was.
   */
  byPerson: boolean
}

/**
 * Every locale's state after a save in one locale:
 * - Danish is always `original`.
 * - A Danish text that changed makes every locale whose translation of it was made from the
 *   earlier Danish `outdated`, and lists the field among its changed ones.
 * - A save in another locale that changes a text records the current Danish as that field's
 *   source. Saved by a person, it makes the locale `reviewed` (or `outdated` while other fields
 *   still are), unless the save states a status (`machine` from machine translation or the seed).
 * - A locale without any translated text has no status: it reads as missing.
 */
export function stateAfterSave({ fields, before, data, locale, locales, statedStatus, byPerson }: SaveArgs): Record<string, LocaleState> {
  const danishBefore = translatedTexts(fields, before, inLocale(defaultLocale))
  const danishAfter = locale === defaultLocale ? translatedTexts(fields, data, asIs) : translatedTexts(fields, before, inLocale(defaultLocale))
  const danishPrints = new Map([...danishAfter].map(([path, value]) => [path, fingerprint(value)]))
  const danishChanged = new Set([...danishAfter.keys()].filter((path) => fingerprint(danishBefore.get(path)) !== danishPrints.get(path)))
  // Row ids come from the saved data: texts of rows that are gone are forgotten.
  const structure = locale === defaultLocale ? danishAfter : translatedTexts(fields, data, asIs)

  const state: Record<string, LocaleState> = { [defaultLocale]: { status: 'original', sources: null } }
  for (const code of locales) {
    if (code === defaultLocale) continue
    const stored = isData(before.translationStatus) ? before.translationStatus[code] : undefined
    const storedStatus = isStatus(stored) && stored !== 'original' ? stored : null
    const earlier = readSources(isData(before.translationSources) ? before.translationSources[code] : undefined)
    const textsBefore = translatedTexts(fields, before, inLocale(code))
    const texts = code === locale ? translatedTexts(fields, data, asIs) : new Map([...structure.keys()].map((path) => [path, textsBefore.get(path)]))

    const sources: Record<string, string> = {}
    for (const path of texts.keys()) if (earlier.sources[path]) sources[path] = earlier.sources[path]
    const record = (path: string) => {
      const print = danishPrints.get(path)
      if (print && hasText(texts.get(path))) sources[path] = print
      else delete sources[path]
    }
    const touched = code === locale ? [...texts.keys()].filter((path) => fingerprint(texts.get(path)) !== fingerprint(textsBefore.get(path))) : []
    touched.forEach(record)
    // Whoever states "reviewed" vouches for every text of the locale as it stands.
    if (code === locale && statedStatus === 'reviewed') [...texts.keys()].forEach(record)

    const changed = changedFields(sources, texts, danishPrints)
    const anyText = [...texts.values()].some(hasText)
    let status: TranslationStatus | null = storedStatus
    if (!anyText) status = null
    else if (code === locale && statedStatus && statedStatus !== 'original') status = statedStatus
    else if (code === locale && touched.length > 0 && byPerson) status = changed.length > 0 ? 'outdated' : 'reviewed'
    else if (changed.some((path) => danishChanged.has(path))) status = 'outdated'
    else if (!status) status = 'machine'
    state[code] = { status, sources: anyText ? { sources, changed } : null }
  }
  return state
}

export interface TranslationWork {
  /** Fields with Danish text and none in the locale. */
  missing: string[]
  /** Fields translated from a Danish text that has changed since. */
  outdated: string[]
  /** Every translated field's Danish text now, with its fingerprint (what an import checks against). */
  danish: Map<string, { text: unknown; fingerprint: string | null }>
}

/**
 * What a locale of a document (read with all locales) still needs, field by field: for the
 * translation overview, the XLIFF export and machine translation.
 */
export function translationWork(fields: Field[], doc: Data, locale: string): TranslationWork {
  const danish = translatedTexts(fields, doc, inLocale(defaultLocale))
  const texts = translatedTexts(fields, doc, inLocale(locale))
  const { sources } = readSources(isData(doc.translationSources) ? doc.translationSources[locale] : undefined)
  const prints = new Map([...danish].map(([path, text]) => [path, fingerprint(text)]))
  return {
    missing: [...danish.keys()].filter((path) => prints.get(path) && !hasText(texts.get(path))),
    outdated: changedFields(sources, texts, prints),
    danish: new Map([...danish].map(([path, text]) => [path, { text, fingerprint: prints.get(path) ?? null }])),
  }
}

/**
 * The state of a document written before the CMS kept it (the migration): every translation is
 * taken to be made from the Danish it stands beside, as far as anyone knows; `machine`,
 * `reviewed` and `outdated` stay as they were, a translation with no status is `machine`.
 */
export function stateAsFound(fields: Field[], doc: Data, locales: readonly string[]): Record<string, LocaleState> {
  const danish = translatedTexts(fields, doc, inLocale(defaultLocale))
  const state: Record<string, LocaleState> = { [defaultLocale]: { status: 'original', sources: null } }
  for (const code of locales) {
    if (code === defaultLocale) continue
    const texts = translatedTexts(fields, doc, inLocale(code))
    const stored = isData(doc.translationStatus) ? doc.translationStatus[code] : undefined
    const sources: Record<string, string> = {}
    for (const [path, value] of texts) {
      const print = fingerprint(danish.get(path))
      if (print && hasText(value)) sources[path] = print
    }
    const anyText = [...texts.values()].some(hasText)
    state[code] = anyText
      ? { status: isStatus(stored) && stored !== 'original' ? stored : 'machine', sources: { sources, changed: [] } }
      : { status: null, sources: null }
  }
  return state
}

/**
 * The state by field, as the two localized fields store it ({ da: …, ti: … }). A locale without
 * a translation is left out: a row for it would lack its required texts.
 */
export function asLocalizedFields(state: Record<string, LocaleState>) {
  const translated = Object.entries(state).filter(([, entry]) => entry.status !== null)
  return {
    translationStatus: Object.fromEntries(translated.map(([code, entry]) => [code, entry.status])),
    translationSources: Object.fromEntries(translated.map(([code, entry]) => [code, entry.sources])),
  }
}
