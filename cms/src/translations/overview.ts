import type { Access, Field, Payload, PayloadRequest, Where } from 'payload'

import { defaultLocale, locales, type LocaleCode } from '../../../core/locales'
import { mayTranslate, type Someone } from '../access/index'
import { translationStatuses, type TranslationStatus } from '../fields/translationState'
import { budgetStatus, providerFromEnv, publicCollections, publicGlobals, supportedLocales, type BudgetStatus, type LocaleSupport } from './machine/index'

/**
 * The translation overview: per public collection and global, how many documents each locale
 * has missing, machine-made, outdated and reviewed, counted over what the person may edit (a
 * department editor: their own department's documents only).
 */

export const targetLocales = locales.map(({ code }) => code).filter((code): code is Exclude<LocaleCode, typeof defaultLocale> => code !== defaultLocale)
export type TargetLocale = (typeof targetLocales)[number]
export const isTargetLocale = (value: unknown): value is TargetLocale => targetLocales.includes(value as TargetLocale)

/**
 * The languages a person works on, and so sees in the overview: a translator their own, staff
 * every one. The counts, lists and machine actions hold only these (a translator has nothing to
 * do in the others, and could not save there).
 */
export const workingLocales = (user: Someone): TargetLocale[] => targetLocales.filter((code) => mayTranslate(user, code))

/** A locale's state of one document: its status, or `missing` when it has no translation. */
export const overviewStates = ['missing', 'machine', 'outdated', 'reviewed'] as const
export type OverviewState = (typeof overviewStates)[number]
export const isOverviewState = (value: unknown): value is OverviewState => overviewStates.includes(value as OverviewState)

export type EntityKind = 'collection' | 'global'
export interface Entity {
  kind: EntityKind
  slug: string
  fields: Field[]
  label: unknown
  /** The field a document is named by in lists. */
  titleField: string | undefined
  hasDrafts: boolean
}

export interface OverviewDocument {
  id: string | number | null
  title: string
  /** The state in each locale the person works on (`workingLocales`). */
  states: Record<TargetLocale, OverviewState>
}

export interface OverviewRow {
  kind: EntityKind
  slug: string
  counts: Record<TargetLocale, Record<OverviewState, number>>
}

export interface TranslationOverview {
  /** The locales the person works on, in the order of the locales list: the keys of the counts and of `machine`. */
  locales: TargetLocale[]
  rows: OverviewRow[]
  /** Per locale: how the configured provider translates into it, or null (human translators only). */
  machine: Record<TargetLocale, LocaleSupport | null>
  provider: string | null
  /** The month's budget, when a provider is configured. */
  budget: BudgetStatus | null
}

type Data = Record<string, unknown>

/** The public collections and globals, the only documents with a translation state. */
export function translatableEntities(payload: Payload): Entity[] {
  const collections = publicCollections.flatMap((slug): Entity[] => {
    const config = payload.collections[slug]?.config
    if (!config) return []
    return [{ kind: 'collection', slug, fields: config.fields, label: config.labels?.plural, titleField: config.admin?.useAsTitle, hasDrafts: Boolean(config.versions?.drafts) }]
  })
  const globals = publicGlobals.flatMap((slug): Entity[] => {
    const config = payload.config.globals.find((global) => global.slug === slug)
    if (!config) return []
    return [{ kind: 'global', slug, fields: config.fields, label: config.label, titleField: undefined, hasDrafts: Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts) }]
  })
  return [...collections, ...globals]
}

export function findEntity(payload: Payload, kind: EntityKind, slug: string): Entity | undefined {
  return translatableEntities(payload).find((entity) => entity.kind === kind && entity.slug === slug)
}

/**
 * What the person may change in an entity: everything (true), nothing (false) or the documents
 * a query matches (a department editor's own). The entity's own update rule decides, so the
 * overview follows whatever the access rules say.
 */
export async function editableScope(req: PayloadRequest, entity: Entity): Promise<boolean | Where> {
  if (!req.user) return false
  const config = entity.kind === 'collection' ? req.payload.collections[entity.slug as keyof Payload['collections']]?.config : req.payload.config.globals.find((global) => global.slug === entity.slug)
  const update = config?.access?.update as Access | undefined
  if (!update) return true
  const result = await update({ req })
  return typeof result === 'object' ? result : Boolean(result)
}

/** A document's state in one locale, from the document read with all locales. */
export function stateIn(doc: Data, locale: TargetLocale): OverviewState {
  const statuses = doc.translationStatus && typeof doc.translationStatus === 'object' ? (doc.translationStatus as Data) : {}
  const status = statuses[locale]
  return translationStatuses.includes(status as TranslationStatus) && status !== 'original' ? (status as OverviewState) : 'missing'
}

/** A document's name in lists: its title field in Danish. */
export const titleOf = (doc: Data, entity: Entity): string => {
  const value = entity.titleField ? doc[entity.titleField] : undefined
  const danish = value && typeof value === 'object' ? (value as Data)[defaultLocale] : value
  return typeof danish === 'string' && danish ? danish : String(doc.id ?? entity.slug)
}

/**
 * The documents of an entity the person may edit, read with all locales, in their latest version
 * (a pending draft's texts are what a translator works on).
 */
export async function editableDocuments(req: PayloadRequest, entity: Entity): Promise<Data[]> {
  const scope = await editableScope(req, entity)
  if (scope === false) return []
  const { payload, user } = req
  if (entity.kind === 'global') {
    const doc = await payload.findGlobal({ slug: entity.slug as never, locale: 'all', depth: 0, draft: true, overrideAccess: false, user, req })
    return [doc as unknown as Data]
  }
  const result = await payload.find({
    collection: entity.slug as never,
    locale: 'all',
    depth: 0,
    draft: true,
    pagination: false,
    overrideAccess: false,
    user,
    req,
    ...(scope !== true && { where: scope }),
  })
  return result.docs as unknown as Data[]
}

export async function documentsOf(req: PayloadRequest, entity: Entity): Promise<OverviewDocument[]> {
  const docs = await editableDocuments(req, entity)
  return docs.map((doc) => ({
    id: entity.kind === 'global' ? null : ((doc.id as string | number | undefined) ?? null),
    title: titleOf(doc, entity),
    states: Object.fromEntries(workingLocales(req.user).map((locale) => [locale, stateIn(doc, locale)])) as Record<TargetLocale, OverviewState>,
  }))
}

const zero = (): Record<OverviewState, number> => ({ missing: 0, machine: 0, outdated: 0, reviewed: 0 })

/** What machine translation offers per locale, and the month's budget. */
export async function machineOffer(req: PayloadRequest): Promise<Omit<TranslationOverview, 'rows' | 'locales'>> {
  // A provider misconfigured (say a missing key) must not take the overview down with it.
  let provider = null
  let support: ReadonlyMap<LocaleCode, LocaleSupport> = new Map()
  try {
    provider = providerFromEnv()
    support = await supportedLocales(provider)
  } catch (error) {
    req.payload.logger.error({ err: error }, 'machine translation: no provider or no list of its languages')
  }
  return {
    machine: Object.fromEntries(workingLocales(req.user).map((locale) => [locale, support.get(locale) ?? null])) as TranslationOverview['machine'],
    provider: provider?.label ?? null,
    budget: provider ? await budgetStatus(req.payload) : null,
  }
}

/** The whole overview, as the person sees it. */
export async function translationOverview(req: PayloadRequest): Promise<TranslationOverview> {
  const rows: OverviewRow[] = []
  const locales = workingLocales(req.user)
  for (const entity of translatableEntities(req.payload)) {
    if ((await editableScope(req, entity)) === false) continue
    const counts = Object.fromEntries(locales.map((locale) => [locale, zero()])) as OverviewRow['counts']
    for (const doc of await documentsOf(req, entity)) for (const locale of locales) counts[locale][doc.states[locale]]++
    rows.push({ kind: entity.kind, slug: entity.slug, counts })
  }
  return { locales, rows, ...(await machineOffer(req)) }
}
