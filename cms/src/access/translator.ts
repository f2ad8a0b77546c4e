import type {
  Access,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Field,
  FieldAccess,
  FlattenedField,
  GlobalBeforeOperationHook,
  GlobalConfig,
  GlobalSlug,
  PayloadRequest,
} from 'payload'

import { defaultLocale } from '../../../core/locales'
import { relationId } from '../../../core/relation'
import { publicApiError } from '../lib/apiError'
import { ours } from '../lib/translations'
import { isDepartmentEditor, isEditorOrAdmin, isTranslator, ownsDepartment, translatorLocalesOf, type Someone } from './index'

/**
 * A translator (role `translator`, with their `locales`) changes only the localized text of public
 * content (text, textarea and rich text, nested ones too) in one of their languages: never Danish,
 * never a slug, schedule, department, relation or any other field, never the structure of an
 * array, and never creates, deletes, restores or bulk-edits. Field access cannot say "this field,
 * but only in Danish" and silently drops what it refuses, so the rule is enforced in one place,
 * before the operation: what the request sends is compared with the document as it is, over the
 * field config, and anything else is refused with a 403 that names the fields.
 *
 * Publishing follows the editorial workflow. A translator saves drafts (autosave, "Gem kladde")
 * and may publish a document that is already published, when what would go live differs from the
 * published version only in their languages' texts: so their translation goes live at once, but
 * never a pending Danish draft of someone else, never a document nobody has published yet, and
 * they never unpublish. With a pending draft of someone else, their text waits in that draft and
 * goes live with the next publish, as the XLIFF import does.
 */

/** The CMS keeps these itself (translation state, issue 14 item 1); the guard neither allows nor refuses them. */
export const keptByTheCms: ReadonlySet<string> = new Set(['translationStatus', 'translationSources'])
const bookkeeping = new Set(['id', 'createdAt', 'updatedAt', '_status'])

const isTranslatableText = (field: { type: string }, localized: boolean) =>
  localized && (field.type === 'text' || field.type === 'textarea' || field.type === 'richText')

type Data = Record<string, unknown>
const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Equal as stored: null and a missing value alike, ids whether numbers, strings or populated, dates by instant. */
function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((key) => sameValue(a[key], b[key]))
  }
  if (isRecord(a) || isRecord(b)) return String(relationId(a)) === String(relationId(b))
  return String(a) === String(b)
}

const sameInstant = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && !Number.isNaN(Date.parse(a)) && Date.parse(a) === Date.parse(b)

/**
 * The paths at which `after` changes `before` in something other than text a translator may
 * write (`textAllowed`), both in one locale. Only what `after` holds is compared: a field an
 * update leaves out stays as it is. Array and block rows must stay the same rows (ids), in order.
 */
export function forbiddenChanges(fields: readonly FlattenedField[], before: unknown, after: unknown, textAllowed: boolean, path = '', inLocalized = false): string[] {
  const was = isRecord(before) ? before : {}
  const now = isRecord(after) ? after : {}
  return fields.flatMap((field): string[] => {
    if (!('name' in field) || !(field.name in now) || keptByTheCms.has(field.name) || ('virtual' in field && field.virtual)) return []
    if (!path && bookkeeping.has(field.name)) return []
    const here = path ? `${path}.${field.name}` : field.name
    const localized = inLocalized || Boolean(field.localized)
    const value = now[field.name]
    const previous = was[field.name]
    switch (field.type) {
      case 'join':
        return []
      case 'group':
      case 'tab':
        return forbiddenChanges(field.flattenedFields, previous, value, textAllowed, here, localized)
      case 'array':
      case 'blocks': {
        const rows = Array.isArray(value) ? value : []
        const previousRows = Array.isArray(previous) ? previous : []
        const sameRows =
          rows.length === previousRows.length &&
          rows.every((row, index) => isRecord(row) && String(row.id) === String((previousRows[index] as Data | undefined)?.id) && row.blockType === (previousRows[index] as Data | undefined)?.blockType)
        if (!sameRows) return [here]
        return rows.flatMap((row: Data, index) => {
          const rowFields = field.type === 'array' ? field.flattenedFields : (field.blocks.find((block) => block.slug === row.blockType)?.flattenedFields ?? [])
          return forbiddenChanges(rowFields, previousRows[index], row, textAllowed, `${here}.${index}`, localized)
        })
      }
      default:
        if (textAllowed && isTranslatableText(field, localized)) return []
        if (field.type === 'date' && sameInstant(value, previous)) return []
        return sameValue(value, previous) ? [] : [here]
    }
  })
}

/** The document in one locale, from its `locale: 'all'` form (localized values are keyed by locale). */
export function inLocale(fields: readonly FlattenedField[], doc: unknown, locale: string): Data {
  const all = isRecord(doc) ? doc : {}
  const result: Data = {}
  for (const field of fields) {
    if (!('name' in field) || !(field.name in all)) continue
    let value = all[field.name]
    if (field.localized) value = isRecord(value) ? value[locale] : undefined
    if ((field.type === 'group' || field.type === 'tab') && isRecord(value)) value = inLocale(field.flattenedFields, value, locale)
    if ((field.type === 'array' || field.type === 'blocks') && Array.isArray(value)) {
      value = value.map((row: unknown) => {
        if (!isRecord(row)) return row
        const rowFields = field.type === 'array' ? field.flattenedFields : (field.blocks.find((block) => block.slug === row.blockType)?.flattenedFields ?? [])
        return { ...inLocale(rowFields, row, locale), id: row.id, ...(row.blockType !== undefined && { blockType: row.blockType }) }
      })
    }
    result[field.name] = value
  }
  return result
}

const refuse = (req: PayloadRequest, message: string): never => {
  throw publicApiError(message, 403)
}

function refuseOtherLocales(req: PayloadRequest, locale: string | undefined): string {
  const own = translatorLocalesOf(req.user)
  // Danish (also what a request without ?locale= writes) is the original: said as such, not as "a language not yours".
  if (!locale || locale === defaultLocale) refuse(req, ours(req.t)('api:translatorDanish', { locales: own.join(', ') }))
  if (!own.includes(locale!)) refuse(req, ours(req.t)('api:translatorLocale', { locale: locale ?? '', locales: own.join(', ') }))
  return locale!
}

function refuseFields(req: PayloadRequest, paths: string[]): void {
  if (paths.length) refuse(req, ours(req.t)('api:translatorFields', { fields: paths.join(', ') }))
}

/**
 * Fetching a document in other locales through the Local API with `req` (for its transaction)
 * sets `req.locale`: put back what the request asked for.
 */
async function keepingLocale<T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> {
  const { locale, fallbackLocale } = req
  try {
    return await read()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

interface UpdateArgs {
  id?: number | string
  data?: Data
  draft?: boolean
  publishSpecificLocale?: string
  publishAllLocales?: boolean
  unpublishAllLocales?: boolean
}

export const refuseTranslatorChanges: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (overrideAccess || !isTranslator(req.user)) return args
  if (operation === 'restoreVersion') refuse(req, ours(req.t)('api:translatorOperation'))
  if (operation !== 'update') return args
  const { id, data = {}, draft, publishSpecificLocale, unpublishAllLocales } = args as UpdateArgs
  if (id === undefined || unpublishAllLocales) refuse(req, ours(req.t)('api:translatorOperation'))
  const locale = refuseOtherLocales(req, publishSpecificLocale ?? req.locale ?? undefined)
  const slug = collection.slug as CollectionSlug
  // Public content has `_status`; the generic slug's type (users, media too) does not say so.
  const read = async (published: boolean) =>
    (await keepingLocale(req, () => req.payload.findByID({ collection: slug, id: id!, locale: 'all', draft: !published, depth: 0, overrideAccess: true, disableErrors: true, req }))) as Data | null
  const latest = await read(false)
  // Not there: Payload answers 404 as for anyone.
  if (!latest) return args
  const fields = collection.flattenedFields
  refuseFields(req, forbiddenChanges(fields, inLocale(fields, latest, locale), data, true))

  if (!collection.versions?.drafts) return args
  const savesDraft = draft === true && data._status !== 'published'
  if (savesDraft) return args
  const published = await read(true)
  const goesLive = (data._status ?? published?._status) === 'published'
  if (published?._status !== 'published') {
    // Saving a never-published document as it is (a draft) is fine; publishing it is not theirs to do.
    if (goesLive) refuse(req, ours(req.t)('api:translatorPublish'))
    return args
  }
  if (!goesLive) refuse(req, ours(req.t)('api:translatorUnpublish'))
  // What goes live is the latest version with this request on top: only the translator's texts may differ.
  const own = translatorLocalesOf(req.user)
  const locales = req.payload.config.localization ? req.payload.config.localization.localeCodes : [defaultLocale]
  const pending = locales.flatMap((code) => forbiddenChanges(fields, inLocale(fields, published, code), inLocale(fields, latest, code), own.includes(code)))
 if (pending.length) refuse(req, ours(req.t)('api:translatorPublish'))
  return args
}

export const refuseTranslatorGlobalChanges: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  const { overrideAccess, data = {} } = (args ?? {}) as { overrideAccess?: boolean; data?: Data }
  if (overrideAccess || !isTranslator(req.user)) return args
  if (operation === 'restoreVersion') refuse(req, ours(req.t)('api:translatorOperation'))
  if (operation !== 'update') return args
  const locale = refuseOtherLocales(req, (args as UpdateArgs).publishSpecificLocale ?? req.locale ?? undefined)
  const current = await keepingLocale(req, () =>
    req.payload.findGlobal({ slug: global.slug as GlobalSlug, locale: 'all', depth: 0, overrideAccess: true, req }),
  )
  refuseFields(req, forbiddenChanges(global.flattenedFields, inLocale(global.flattenedFields, current, locale), data, true))
  return args
}

/** Translators read all public content, drafts and versions too (they translate before publishing), and update it (within the guard). */
const orTranslator =
  (access: Access | undefined): Access =>
  (args) =>
    isTranslator(args.req.user) || (access ? access(args) : Boolean(args.req.user))

const notForTranslators =
  (access: FieldAccess | undefined): FieldAccess =>
  (args) =>
    !isTranslator(args.req.user) && (access ? access(args) : true)

/** Texts are open to a translator in their own languages (the admin's locale), read-only in the others. */
const onlyTheirLanguages =
  (access: FieldAccess | undefined): FieldAccess =>
  (args) =>
    (!isTranslator(args.req.user) || translatorLocalesOf(args.req.user).includes(String(args.req.locale))) && (access ? access(args) : true)

/**
 * Fields a translator cannot change show read-only to them in the admin: their `update` access
 * says no. (The guard above is what refuses a change; this is what the form shows.) Containers
 * stay open, since they hold translatable text. Not inside array or block rows: there Payload
 * (3.90) replaced a refused field's value with null on a save that did not send the row, so a
 * translator's draft lost the schedule's exceptions; the guard alone keeps rows as they are.
 */
function readOnlyForTranslators(fields: Field[], inLocalized = false): Field[] {
  return fields.map((field): Field => {
    const localized = inLocalized || ('localized' in field && Boolean(field.localized))
    switch (field.type) {
      case 'row':
      case 'collapsible':
        return { ...field, fields: readOnlyForTranslators(field.fields, localized) }
      case 'group':
        return { ...field, fields: readOnlyForTranslators(field.fields, localized) }
      case 'tabs':
        return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: readOnlyForTranslators(tab.fields, localized || ('localized' in tab && Boolean(tab.localized))) })) }
      case 'array':
      case 'blocks':
      case 'ui':
      case 'join':
        return field
      default:
        if (keptByTheCms.has(field.name)) return field
        if (isTranslatableText(field, localized)) return { ...field, access: { ...field.access, update: onlyTheirLanguages(field.access?.update) } } as Field
        return { ...field, access: { ...field.access, update: notForTranslators(field.access?.update) } } as Field
    }
  })
}

/** A public content collection a translator works on (payload.config.ts). */
export function translatable(collection: CollectionConfig): CollectionConfig {
  const access = collection.access ?? {}
  return {
    ...collection,
    access: { ...access, read: orTranslator(access.read), readVersions: orTranslator(access.readVersions), update: orTranslator(access.update) },
    hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseTranslatorChanges] },
    fields: readOnlyForTranslators(collection.fields),
  }
}

/** A public content global (site settings, navigation) a translator works on. */
export function translatableGlobal(global: GlobalConfig): GlobalConfig {
  const access = global.access ?? {}
  return {
    ...global,
    access: { ...access, read: orTranslator(access.read), update: orTranslator(access.update) },
    hooks: { ...global.hooks, beforeOperation: [...(global.hooks?.beforeOperation ?? []), refuseTranslatorGlobalChanges] },
    fields: readOnlyForTranslators(global.fields),
  }
}
