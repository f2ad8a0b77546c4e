import type { TFunction } from '@payloadcms/translations'
import type { Field, Payload } from 'payload'

import { defaultLocale, localeCodes } from '../../../core/locales'
import { mayTranslate, mayTranslateDocument } from '../access/index'
import { fingerprint, inLocale, normalizedText, translatedTexts, translationWork, type TranslationStatus } from '../fields/translationState'
import { bodyLimits } from '../lib/bodyLimits.mjs'
import { ours, translations } from '../lib/translations'
import type { User } from '../payload-types'
import { publicCollections, publicGlobals } from './machine/index'
import {
  fromXliffInline,
  fromXliffPlain,
  plainTextOf,
  readXliff,
  sameSource,
  sourceFragment,
  writeXliff,
  XliffError,
  type FieldValue,
  type ReadUnit,
  type RichText,
  type TranslationState,
  type XliffUnit,
} from './xliff/index'

/**
 * Exchange of translations with translators as XLIFF 1.2 (issue 14, item 3): the texts of one
 * language that need work go out (`exportTranslations`), the translated file comes back
 * (`importTranslations`) with a report per unit. The REST endpoints (endpoints.ts), the command
 * line (scripts/translations.ts) and the admin's overview all go through these two.
 *
 * Which version: a document is exchanged once it has been published, with the texts of its latest
 * version — a pending draft's when there is one. That is the Danish an editor sees and is about to
 * publish, so the translator works on what will be read; an import into such a document goes into
 * the draft (never publishing the editor's unfinished Danish), and the translation goes live when
 * the draft is published.
 */

/** Who exchanges: a signed-in user (their access applies) or the system (the command line: everything). */
export type Actor = User | 'system'

export const exchangeStatuses = ['missing', 'machine', 'outdated', 'reviewed'] as const satisfies readonly TranslationState[]
export const defaultExportStatuses: TranslationState[] = ['missing', 'machine', 'outdated']
export const exchangeSources: readonly string[] = [...publicCollections, ...publicGlobals]

type Data = Record<string, unknown>
type MessageKey = keyof (typeof translations)['da']['translationExchange']
type Params = Record<string, string | number>

function say(t: TFunction<never> | undefined, key: MessageKey, params: Params = {}): string {
  if (t) return ours(t)(`translationExchange:${key}`, params)
  return translations.da.translationExchange[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** A request refused as a whole (nothing read or written): `status` is the HTTP status to answer. */
export class ExchangeError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(say(undefined, key, params))
    this.name = 'ExchangeError'
  }

  messageFor(t: TFunction<never>): string {
    return say(t, this.key, this.params)
  }
}

/** The target language must be one of ours, not Danish, and one the actor may translate into. */
function checkLocale(actor: Actor | null, locale: string): void {
  if (!actor) throw new ExchangeError(401, 'loginRequired')
  if (locale === defaultLocale) throw new ExchangeError(400, 'danishIsSource')
  if (!(localeCodes as string[]).includes(locale)) {
    throw new ExchangeError(400, 'unknownLocale', { locale, locales: localeCodes.filter((code) => code !== defaultLocale).join(', ') })
  }
  if (actor !== 'system' && !mayTranslate(actor, locale)) throw new ExchangeError(403, 'notAllowed', { locale })
}

const isGlobal = (source: string) => (publicGlobals as readonly string[]).includes(source)
const isData = (value: unknown): value is Data => Boolean(value) && typeof value === 'object' && !Array.isArray(value)
const isFieldValue = (value: unknown): value is FieldValue => typeof value === 'string' || (isData(value) && isData(value.root))

/** A localized label as the admin shows it in `language` (Danish unless told). */
function danishLabel(label: unknown, fallback: string, language = 'da'): string {
  if (typeof label === 'string') return label
  if (isData(label) && typeof label[language] === 'string') return label[language]
  if (isData(label) && typeof label.da === 'string') return label.da
  return fallback
}

/** The labels along a field path (`items.<row id>.label` → Menupunkter, Tekst), for the translator's note. */
function fieldLabels(fields: Field[], path: string[], language = 'da'): string[] | null {
  for (const field of fields) {
    const named = 'name' in field && typeof field.name === 'string' && field.name !== '' ? field.name : null
    const label = named ? danishLabel('label' in field ? field.label : undefined, named, language) : ''
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const tabName = 'name' in tab && tab.name ? tab.name : null
        if (!tabName) {
          const found = fieldLabels(tab.fields, path, language)
          if (found) return found
        } else if (tabName === path[0]) {
          const found = fieldLabels(tab.fields, path.slice(1), language)
          if (found) return [danishLabel(tab.label, tabName, language), ...found]
        }
      }
      continue
    }
    if (!named) {
      if ('fields' in field) {
        const found = fieldLabels(field.fields, path, language)
        if (found) return found
      }
      continue
    }
    if (named !== path[0]) continue
    if (field.type === 'text' || field.type === 'textarea' || field.type === 'richText') return path.length === 1 ? [label] : null
    if (field.type === 'group') {
      const found = fieldLabels(field.fields, path.slice(1), language)
      return found ? [label, ...found] : null
    }
    if (field.type === 'array') {
      const found = fieldLabels(field.fields, path.slice(2), language)
      return found ? [danishLabel(field.labels?.plural, label, language), ...found] : null
    }
    if (field.type === 'blocks') {
      for (const block of field.blocks) {
        const found = fieldLabels(block.fields, path.slice(2), language)
        if (found) return [label, ...found]
      }
    }
  }
  return null
}

/** One document (or global) with all its locales, as its latest version reads. */
interface Loaded {
  source: string
  /** null for a global. */
  id: string | null
  doc: Data
  fields: Field[]
  /** The latest version is a draft newer than the published one. */
  pending: boolean
  label: string
  /** The collection's (singular) or global's label as configured, for other admin languages. */
  labels: unknown
  title: string | null
}

const accessOf = (actor: Actor) => (actor === 'system' ? { overrideAccess: true } : { overrideAccess: false, user: actor })

/** SQLite caps a statement's parameters; a list of ids goes in slices. */
const ID_SLICE = 500

/**
 * The published documents of a source (or only `ids`), each as its latest version with all
 * locales, read with the actor's access.
 */
async function loadDocuments(payload: Payload, actor: Actor, source: string, ids?: string[]): Promise<Loaded[]> {
  if (isGlobal(source)) {
    const config = payload.globals.config.find((global) => global.slug === source)
    if (!config) return []
    const doc = (await payload.findGlobal({ slug: source as (typeof publicGlobals)[number], locale: 'all', depth: 0, ...accessOf(actor) })) as unknown as Data
    return [{ source, id: null, doc, fields: config.fields, pending: false, label: danishLabel(config.label, source), labels: config.label, title: null }]
  }
  const collection = source as (typeof publicCollections)[number]
  const config = payload.collections[collection].config
  const published = await payload.find({
    collection,
    where: { and: [{ _status: { equals: 'published' } }, ...(ids ? [{ id: { in: ids } }] : [])] },
    pagination: false,
    depth: 0,
    locale: defaultLocale,
    // Only which ones: the texts come from their latest versions below.
    select: { id: true } as never,
    ...accessOf(actor),
  })
  const publishedIds = (published.docs as Array<{ id: number | string }>).map((doc) => doc.id)
  const loaded: Loaded[] = []
  const titleField = config.admin?.useAsTitle ?? 'id'
  for (let start = 0; start < publishedIds.length; start += ID_SLICE) {
    const latest = await payload.find({
      collection,
      where: { id: { in: publishedIds.slice(start, start + ID_SLICE) } },
      draft: true,
      pagination: false,
      depth: 0,
      locale: 'all',
      ...accessOf(actor),
    })
    for (const found of latest.docs) {
      const doc = found as unknown as Data
      const title = doc[titleField]
      loaded.push({
        source,
        id: String(doc.id),
        doc,
        fields: config.fields,
        pending: doc._status === 'draft',
        label: danishLabel(config.labels?.singular, source),
        labels: config.labels?.singular,
        title: typeof title === 'string' ? title : isData(title) && typeof title[defaultLocale] === 'string' ? title[defaultLocale] : null,
      })
    }
  }
  return loaded
}

/** A unit's id: `activities/12/description`, `navigation/items/<row id>/label`; field paths by `/`. */
export function unitId(source: string, id: string | null, path: string): string {
  return [source, ...(id === null ? [] : [id]), ...path.split('.')].join('/')
}

function parseUnitId(unit: string): { source: string; id: string | null; path: string } | null {
  const parts = unit.split('/')
  const source = parts[0] ?? ''
  if (!exchangeSources.includes(source)) return null
  if (isGlobal(source)) return parts.length >= 2 ? { source, id: null, path: parts.slice(1).join('.') } : null
  return parts.length >= 3 && parts[1] ? { source, id: parts[1], path: parts.slice(2).join('.') } : null
}

/** The document as a person knows it: `Aktivitet “Lektiecafé”`, `Navigation` (a global). */
function documentName(loaded: Loaded, language = 'da'): string {
  const label = danishLabel(loaded.labels, loaded.label, language)
  return loaded.title === null ? label : `${label} “${loaded.title}”`
}

/** The field as the admin labels it (`Menupunkter › Tekst`), or null when the document has no such field. */
function fieldName(loaded: Loaded, path: string, language = 'da'): string | null {
  return fieldLabels(loaded.fields, path.split('.'), language)?.join(' › ') ?? null
}

function noteOf(loaded: Loaded, path: string): string {
  return `${documentName(loaded)} – ${fieldName(loaded, path) ?? path}`
}

export interface ExportOptions {
  payload: Payload
  /** null: nobody signed in (refused). */
  actor: Actor | null
  locale: string
  /** Which fields go out, by their state in `locale`; default missing, machine, outdated. */
  statuses?: readonly TranslationState[]
  /** Only this collection or global. */
  collection?: string
}

export interface ExportResult {
  xliff: string
  units: XliffUnit[]
}

/** Checks an export's status and collection filters (from a query string or the command line). */
export function parseExportFilters(status: string | null | undefined, collection: string | null | undefined): Pick<ExportOptions, 'statuses' | 'collection'> {
  const statuses = status ? status.split(',').map((entry) => entry.trim()).filter(Boolean) : undefined
  for (const entry of statuses ?? []) {
    if (!(exchangeStatuses as readonly string[]).includes(entry)) throw new ExchangeError(400, 'unknownStatus', { status: entry, statuses: exchangeStatuses.join(', ') })
  }
  if (collection && !exchangeSources.includes(collection)) {
    throw new ExchangeError(400, 'unknownCollection', { collection, collections: exchangeSources.join(', ') })
  }
  return { statuses: statuses as TranslationState[] | undefined, collection: collection || undefined }
}

/**
 * The texts of one language that need work, as XLIFF 1.2: one unit per translatable field of
 * every published public document the actor may translate, in the states asked for. A field's
 * state: missing (Danish, no translation), outdated (its Danish changed since it was translated),
 * otherwise the locale's status (`reviewed`, or `machine`: a translation nobody vouched for yet).
 */
export async function exportTranslations({ payload, actor, locale, statuses = defaultExportStatuses, collection }: ExportOptions): Promise<ExportResult> {
  checkLocale(actor, locale)
  const who = actor as Actor
  const units: XliffUnit[] = []
  for (const source of collection ? [collection] : exchangeSources) {
    for (const loaded of await loadDocuments(payload, who, source)) {
      if (who !== 'system' && !mayTranslateDocument(who, source, loaded.doc)) continue
      const work = translationWork(loaded.fields, loaded.doc, locale)
      const texts = translatedTexts(loaded.fields, loaded.doc, inLocale(locale))
      const status = isData(loaded.doc.translationStatus) ? loaded.doc.translationStatus[locale] : undefined
      for (const [path, danish] of work.danish) {
        if (!danish.fingerprint || !isFieldValue(danish.text)) continue
        const state: TranslationState = work.missing.includes(path) ? 'missing' : work.outdated.includes(path) ? 'outdated' : status === 'reviewed' ? 'reviewed' : 'machine'
        if (!statuses.includes(state)) continue
        const target = texts.get(path)
        units.push({
          id: unitId(source, loaded.id, path),
          note: noteOf(loaded, path),
          source: danish.text,
          target: state !== 'missing' && isFieldValue(target) ? target : undefined,
          state,
        })
      }
    }
  }
  return { xliff: writeXliff({ targetLanguage: locale, units }), units }
}

export type ImportOutcome = 'applied' | 'unchanged' | 'source-changed' | 'refused'

export interface ImportedUnit {
  id: string
  outcome: ImportOutcome
  reason?: string
  /**
   * The document as the CMS names it (`Aktivitet “Lektiecafé”`), read from the CMS, not from the
   * file's notes; absent when the unit names no document the importer may read.
   */
  document?: string
  /** The field's label in the admin (`Menupunkter › Tekst`); absent when the document has no such field. */
  field?: string
  /** Applied because the import was told to confirm unchanged machine translations (`confirmUnchanged`). */
  confirmed?: true
}

export interface ImportReport {
  targetLanguage: string
  /** Those that need attention first (source changed, refused), then applied, then unchanged; in file order within each. */
  units: ImportedUnit[]
  counts: Record<ImportOutcome, number>
}

export interface ImportOptions {
  payload: Payload
  actor: Actor | null
  /** The XLIFF file as sent. */
  xliff: string | Uint8Array
  /** The language the importer means; the file must be translated into it. */
  locale?: string
  /** The requester's admin language for the reasons; Danish without. */
  t?: TFunction<never>
  /** The admin language for the documents' and fields' labels (`da`, `en`); Danish without. */
  language?: string
  /**
   * A target equal to the current machine (or outdated) translation counts as the translator's
   * confirmation, as if their tool had marked it approved: the text becomes reviewed.
   */
  confirmUnchanged?: boolean
  maxBytes?: number
}

/** The order of the report: what needs the importer's attention first. */
const reportOrder: Record<ImportOutcome, number> = { 'source-changed': 0, refused: 1, applied: 2, unchanged: 3 }

/** Target states by which a tool says a person has approved the text (XLIFF 1.2). */
const approvedStates = new Set(['translated', 'final', 'signed-off'])

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b
  return normalizedText(a) === normalizedText(b)
}

/** Sets a field path's value in a document read in one locale: array rows by id, groups by name. */
function setAt(data: Data, path: string[], value: unknown): boolean {
  let at: unknown = data
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1
    if (Array.isArray(at)) {
      const row: unknown = at.find((entry) => isData(entry) && String(entry.id) === segment)
      if (!isData(row) || last) return false
      at = row
    } else if (isData(at)) {
      if (last) {
        at[segment] = value
        return true
      }
      if (at[segment] === undefined || at[segment] === null) at[segment] = {}
      at = at[segment]
    } else return false
  }
  return false
}

interface Pending {
  unit: ReadUnit
  id: string
  path: string
}

/**
 * Reads a translated XLIFF file and writes what it brings, per document: unknown units and
 * documents, and those the actor may not translate, are refused; a unit whose Danish changed since
 * the export is `source-changed` and not applied; an empty target or a copy of the Danish is not a
 * translation (unchanged); a target that does not fit the Danish tags is refused; one equal to the
 * current translation is unchanged (applied only when the file approves a text not yet reviewed).
 * Each document gets one save in the target language with everything applied, as `reviewed` when
 * the file vouches for every text of that language (else its status is kept). Danish is never
 * written. A file refused as a whole throws an `XliffError` or `ExchangeError` and changes nothing.
 */
export async function importTranslations({ payload, actor, xliff, locale, t, language, confirmUnchanged = false, maxBytes = bodyLimits().xliff }: ImportOptions): Promise<ImportReport> {
  if (!actor) throw new ExchangeError(401, 'loginRequired')
  const file = readXliff(xliff, { maxBytes })
  const targetLanguage = file.targetLanguage
  if (locale && targetLanguage !== locale) throw new ExchangeError(400, 'wrongLanguage', { found: targetLanguage, expected: locale })
  checkLocale(actor, targetLanguage)

  const outcomes = new Map<string, ImportedUnit>()
  const refuse = (id: string, reason: string) => outcomes.set(id, { id, outcome: 'refused', reason })
  const groups = new Map<string, { source: string; id: string | null; units: Pending[] }>()
  // An id the database could not even look up (text where ids are numbers) names no document.
  const possibleId = (id: string | null) => id === null || payload.db.defaultIDType !== 'number' || /^\d{1,15}$/.test(id)
  for (const unit of file.units) {
    const parsed = parseUnitId(unit.id)
    if (!parsed || !possibleId(parsed.id)) {
      refuse(unit.id, say(t, 'unknownUnit'))
      continue
    }
    const key = `${parsed.source}/${parsed.id ?? ''}`
    const group = groups.get(key) ?? { source: parsed.source, id: parsed.id, units: [] }
    group.units.push({ unit, id: unit.id, path: parsed.path })
    groups.set(key, group)
  }

  const bySource = new Map<string, Map<string | null, Loaded>>()
  for (const source of new Set([...groups.values()].map((group) => group.source))) {
    const ids = isGlobal(source) ? undefined : [...groups.values()].filter((group) => group.source === source).map((group) => String(group.id))
    const loaded = await loadDocuments(payload, actor, source, ids)
    bySource.set(source, new Map(loaded.map((entry) => [entry.id, entry])))
  }

  /** What the CMS calls each unit's document and field, for the units of documents the actor may read. */
  const names = new Map<string, Pick<ImportedUnit, 'document' | 'field'>>()
  for (const group of groups.values()) {
    const loaded = bySource.get(group.source)?.get(group.id)
    for (const { id, path } of loaded ? group.units : []) {
      const field = fieldName(loaded!, path, language)
      names.set(id, { document: documentName(loaded!, language), ...(field !== null && { field }) })
    }
    if (!loaded) {
      // A document the actor may not read is theirs to be told about only as "not allowed".
      const exists = actor !== 'system' && group.id !== null && (await loadDocuments(payload, 'system', group.source, [group.id])).length > 0
      group.units.forEach(({ id }) => refuse(id, say(t, exists ? 'noPermission' : 'unknownDocument')))
      continue
    }
    if (actor !== 'system' && !mayTranslateDocument(actor, group.source, loaded.doc)) {
      group.units.forEach(({ id }) => refuse(id, say(t, 'noPermission')))
      continue
    }
    await importDocument(payload, actor, loaded, targetLanguage, group.units, outcomes, t, confirmUnchanged)
  }

  const units = file.units
    .map((unit): ImportedUnit => ({ ...(outcomes.get(unit.id) ?? { id: unit.id, outcome: 'refused' as const, reason: say(t, 'unknownUnit') }), ...names.get(unit.id) }))
    .sort((a, b) => reportOrder[a.outcome] - reportOrder[b.outcome])
  const counts: Record<ImportOutcome, number> = { applied: 0, unchanged: 0, 'source-changed': 0, refused: 0 }
  for (const unit of units) counts[unit.outcome]++
  return { targetLanguage, units, counts }
}

async function importDocument(
  payload: Payload,
  actor: Actor,
  loaded: Loaded,
  locale: string,
  units: Pending[],
  outcomes: Map<string, ImportedUnit>,
  t: TFunction<never> | undefined,
  confirmUnchanged: boolean,
): Promise<void> {
  const work = translationWork(loaded.fields, loaded.doc, locale)
  const current = translatedTexts(loaded.fields, loaded.doc, inLocale(locale))
  const prior = isData(loaded.doc.translationStatus) ? (loaded.doc.translationStatus[locale] as TranslationStatus | null | undefined) : null
  const changes = new Map<string, FieldValue>()
  /** Texts the file vouches for as they will stand (applied, or approved unchanged). */
  const vouched = new Set<string>()

  for (const { unit, id, path } of units) {
    const danish = work.danish.get(path)
    if (!danish || !danish.fingerprint || !isFieldValue(danish.text)) {
      outcomes.set(id, { id, outcome: 'refused', reason: say(t, 'unknownField') })
      continue
    }
    if (!sameSource(unit.source, danish.text)) {
      outcomes.set(id, { id, outcome: 'source-changed', reason: say(t, 'sourceChanged') })
      continue
    }
    // Tools write an empty target, or a copy of the source, for a text nobody translated yet
    // (unless that copy is the current translation, a name say, and the importer confirms those).
    const targetText = unit.target ? plainTextOf(unit.target).trim() : ''
    const now = current.get(path)
    const currentText = isFieldValue(now) ? plainTextOf(sourceFragment(now)).trim() : ''
    const copiesSource = targetText === plainTextOf(unit.source).trim() && !(confirmUnchanged && targetText === currentText)
    if (!unit.target || targetText === '' || copiesSource) {
      outcomes.set(id, { id, outcome: 'unchanged' })
      continue
    }
    const converted = typeof danish.text === 'string' ? fromXliffPlain(unit.target) : fromXliffInline(unit.target, danish.text)
    if (!converted.ok) {
      outcomes.set(id, { id, outcome: 'refused', reason: t ? converted.error.messageFor(t) : converted.error.message })
      continue
    }
    let confirmed = false
    if (sameValue(converted.value, current.get(path))) {
      const alreadyReviewed = prior === 'reviewed' && !work.outdated.includes(path)
      // A text kept as it was counts as reviewed only when the tool says a person approved it,
      // or the importer said the file's unchanged machine translations are confirmed.
      if (alreadyReviewed || !(approvedStates.has(unit.state ?? '') || confirmUnchanged)) {
        if (alreadyReviewed) vouched.add(path)
        outcomes.set(id, { id, outcome: 'unchanged' })
        continue
      }
      confirmed = !approvedStates.has(unit.state ?? '')
    }
    changes.set(path, converted.value)
    vouched.add(path)
    outcomes.set(id, { id, outcome: 'applied', ...(confirmed && { confirmed: true as const }) })
  }
  if (changes.size === 0) return

  // Reviewed when every text of the language, as it will stand, is vouched for; otherwise the
  // status stays (an outdated one becomes machine once no text is out of date any more).
  const after = new Map(current)
  for (const [path, value] of changes) after.set(path, value)
  const texts = [...after].filter(([path, value]) => normalizedText(value) !== '' && work.danish.get(path)?.fingerprint).map(([path]) => path)
  const remainingOutdated = work.outdated.filter((path) => !changes.has(path))
  let stated: TranslationStatus | undefined
  if (!prior || texts.every((path) => vouched.has(path)) || (prior === 'reviewed' && remainingOutdated.length === 0)) stated = 'reviewed'
  else if (prior === 'outdated' && remainingOutdated.length === 0) stated = 'machine'

  try {
    await save(payload, actor, loaded, locale, changes, stated)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    for (const path of changes.keys()) {
      const unit = units.find((entry) => entry.path === path)
      if (unit) outcomes.set(unit.id, { id: unit.id, outcome: 'refused', reason: say(t, 'saveFailed', { message }) })
    }
  }
}

/** Tells the collections' hooks that only a translation is written (no listing is confirmed by it). */
const translationOnly = { translationOnly: true }

/** One save of a document in one locale with every applied text; a pending draft gets it as a draft. */
async function save(payload: Payload, actor: Actor, loaded: Loaded, locale: string, changes: Map<string, FieldValue>, stated: TranslationStatus | undefined) {
  const access = accessOf(actor)
  const inTarget = (
    loaded.id === null
      ? await payload.findGlobal({ slug: loaded.source as (typeof publicGlobals)[number], locale: locale as never, fallbackLocale: false as never, depth: 0, ...access })
      : await payload.findByID({
          collection: loaded.source as (typeof publicCollections)[number],
          id: loaded.id,
          draft: true,
          locale: locale as never,
          fallbackLocale: false as never,
          depth: 0,
          ...access,
        })
  ) as unknown as Data
  const data: Data = {}
  for (const [path, value] of changes) {
    const [top = ''] = path.split('.')
    if (!(top in data)) data[top] = structuredClone(inTarget[top] ?? null)
    if (!setAt(data, path.split('.'), value)) throw new Error(`no field at ${path}`)
  }
  if (stated) data.translationStatus = stated
  if (loaded.id === null) {
    await payload.updateGlobal({ slug: loaded.source as (typeof publicGlobals)[number], locale: locale as never, data: data as never, depth: 0, context: translationOnly, ...access })
    return
  }
  data._status = loaded.pending ? 'draft' : 'published'
  await payload.update({
    collection: loaded.source as (typeof publicCollections)[number],
    id: loaded.id,
    locale: locale as never,
    data: data as never,
    draft: loaded.pending,
    depth: 0,
    context: translationOnly,
    ...access,
  })
}

export { XliffError }
