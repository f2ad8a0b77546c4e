import type { PayloadRequest } from 'payload'

import { translationWork } from '../fields/translationState'
import { ours } from '../lib/translations'
import { isRichText, machineTranslate, MachineTranslationError, type MachineTranslationFailure, type Segment } from './machine/index'
import { editableDocuments, editableScope, findEntity, titleOf, translatableEntities, type Entity, type EntityKind, type TargetLocale } from './overview'

/**
 * Machine translation of what a locale still needs: one document's missing and outdated texts,
 * or every such document of one language. One provider job per document, so a failure leaves
 * that document as it was; the texts are written as `machine` in the locale only.
 */

type Data = Record<string, unknown>

export interface MachineDocumentResult {
  kind: EntityKind
  slug: string
  id: string | number | null
  title: string
  outcome: 'translated' | 'failed'
  /** The translated fields' paths. */
  fields: string[]
  characters: number
  /** Why it failed, in the admin's language, and as a code for scripts. */
  error?: string
  failure?: MachineTranslationFailure
}

export interface MachineReport {
  locale: TargetLocale
  documents: MachineDocumentResult[]
  characters: number
  /** Set when the run stopped before every document had its turn (no provider, budget spent…). */
  stopped?: string
}

/** Failures that would repeat for every further document of the run. */
const stopsTheRun = new Set<MachineTranslationFailure>(['notConfigured', 'unsupportedLocale', 'budgetExceeded', 'quotaExceeded', 'refused', 'network'])

const isData = (value: unknown): value is Data => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** Puts a value at a translation path (`items.<row id>.label`) in a document read in one locale. */
function setAtPath(doc: Data, path: string, value: unknown): boolean {
  const segments = path.split('.')
  let current: unknown = doc
  for (const segment of segments.slice(0, -1)) {
    current = Array.isArray(current) ? current.find((row) => isData(row) && String(row.id) === segment) : isData(current) ? current[segment] : undefined
    if (!isData(current) && !Array.isArray(current)) return false
  }
  if (!isData(current)) return false
  current[segments[segments.length - 1]!] = value
  return true
}

/** Translates and writes one document's missing and outdated texts in a locale. */
async function translateDocument(req: PayloadRequest, entity: Entity, withLocales: Data, locale: TargetLocale): Promise<MachineDocumentResult> {
  const { payload, user } = req
  const id = entity.kind === 'collection' ? (withLocales.id as string | number) : null
  const base = { kind: entity.kind, slug: entity.slug, id, title: titleOf(withLocales, entity) }
  const work = translationWork(entity.fields, withLocales, locale)
  const paths = [...new Set([...work.missing, ...work.outdated])].filter((path) => {
    const text = work.danish.get(path)?.text
    return typeof text === 'string' || isRichText(text)
  })
  if (paths.length === 0) return { ...base, outcome: 'translated', fields: [], characters: 0 }

  const source = entity.kind === 'collection' ? { collection: entity.slug } : { global: entity.slug }
  let result: { segments: Segment[]; characters: number }
  try {
    result = await machineTranslate({ payload, source, target: locale, segments: paths.map((path) => work.danish.get(path)!.text as Segment) })
  } catch (error) {
    if (error instanceof MachineTranslationError) return { ...base, outcome: 'failed', fields: [], characters: 0, error: error.translated(req.t), failure: error.failure }
    throw error
  }

  // The locale as it stands (no fallback to Danish), so rows keep their other texts.
  const draft = entity.hasDrafts
  const inLocale = (
    entity.kind === 'collection'
      ? await payload.findByID({ collection: entity.slug as never, id: id!, locale, fallbackLocale: false, depth: 0, draft, overrideAccess: false, user, req })
      : await payload.findGlobal({ slug: entity.slug as never, locale, fallbackLocale: false, depth: 0, draft, overrideAccess: false, user, req })
  ) as unknown as Data
  const data: Data = {}
  paths.forEach((path, index) => {
    const top = path.split('.')[0]!
    if (setAtPath(inLocale, path, result.segments[index])) data[top] = inLocale[top]
  })
  data.translationStatus = 'machine'
  // A pending draft gets the translation in the draft: publishing stays the editor's decision.
  const pendingDraft = draft && inLocale._status === 'draft'
  if (entity.kind === 'collection') {
    await payload.update({ collection: entity.slug as never, id: id!, locale, data: data as never, depth: 0, draft: pendingDraft, overrideAccess: false, user, req, context: { translationOnly: true } })
  } else {
    await payload.updateGlobal({ slug: entity.slug as never, locale, data: data as never, depth: 0, draft: pendingDraft, overrideAccess: false, user, req, context: { translationOnly: true } })
  }
  return { ...base, outcome: 'translated', fields: paths, characters: result.characters }
}

const needsWork = (entity: Entity, doc: Data, locale: TargetLocale) => {
  const work = translationWork(entity.fields, doc, locale)
  return work.missing.length + work.outdated.length > 0
}

export class MachineRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** One document (collection + id, or a global) in one locale. */
export async function machineTranslateDocument(req: PayloadRequest, kind: EntityKind, slug: string, id: string | number | null, locale: TargetLocale): Promise<MachineReport> {
  const t = ours(req.t)
  const entity = findEntity(req.payload, kind, slug)
  if (!entity) throw new MachineRequestError(403, t('translationOverview:notPublic', { source: slug }))
  const scope = await editableScope(req, entity)
  if (scope === false) throw new MachineRequestError(403, t('translationOverview:forbidden'))
  const docs = await editableDocuments(req, entity)
  const doc = kind === 'global' ? docs[0] : docs.find((candidate) => String(candidate.id) === String(id))
  if (!doc) throw new MachineRequestError(404, t('translationOverview:notFound'))
  const result = await translateDocument(req, entity, doc, locale)
  return { locale, documents: [result], characters: result.characters }
}

/** Every document of one language that the person may edit and that has missing or outdated texts. */
export async function machineTranslateLocale(req: PayloadRequest, locale: TargetLocale): Promise<MachineReport> {
  const report: MachineReport = { locale, documents: [], characters: 0 }
  for (const entity of translatableEntities(req.payload)) {
    for (const doc of await editableDocuments(req, entity)) {
      if (!needsWork(entity, doc, locale)) continue
      const result = await translateDocument(req, entity, doc, locale)
      report.documents.push(result)
      report.characters += result.characters
      if (result.failure && stopsTheRun.has(result.failure)) {
        report.stopped = result.error
        return report
      }
    }
  }
  return report
}
