import { type FieldHook, type TextField, type TextFieldSingleValidation, ValidationError } from 'payload'
import { text } from 'payload/shared'

import { editorsOnlyField } from '../access'
import { ours } from '../lib/translations'

import { slugify } from '../../../core/slug'

export { slugify }

const slugFromSource =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    // A localized source arrives as a string in the locale being edited (Danish when created).
    return typeof source === 'string' && source.trim() ? slugify(source) : value
  }

/**
 * An old address keeps leading to the document that gave it up, so a slug in another document's
 * "Tidligere adresser" of the same collection is refused: otherwise anyone who may create a
 * document could take over another department's old links and calendar subscriptions (create
 * with the freed slug, rename away, and the old address would follow the newcomer).
 */
const notAnotherDocumentsOldAddress =
  (reserved: ReadonlySet<string>): TextFieldSingleValidation =>
  async (value, options) => {
    const valid = await text(value, options)
    if (valid !== true || typeof value !== 'string' || !value) return valid
    const { req, collectionSlug, id } = options
    if (reserved.has(value)) return ours(req.t)('invalid:slugReserved', { slug: value })
    // Only a new slug can take an address: an unchanged one (every autosave) needs no query.
    if (!collectionSlug || value === options.previousValue) return true
    const collection = (req.payload.collections as Record<string, { config: { flattenedFields: { name: string }[] } } | undefined>)[collectionSlug]
    if (!collection?.config.flattenedFields.some((field) => field.name === 'previousSlugs')) return true
    const taken = await req.payload.count({
      collection: collectionSlug as never,
      where: { and: [{ previousSlugs: { equals: value } }, ...(id === undefined ? [] : [{ id: { not_equals: id } }])] },
      overrideAccess: true,
      req,
    })
    return taken.totalDocs === 0 ? true : ours(req.t)('invalid:slugUsedBefore', { slug: value })
  }

/**
 * URL slug: unique, filled from `sourceField` when left empty, kept ASCII; `reserved` slugs
 * (the site's own sections, for content pages) are refused.
 */
export function slugField(sourceField = 'title', { reserved = new Set<string>() }: { reserved?: ReadonlySet<string> } = {}): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: { da: 'URL-navn', en: 'Slug' },
    required: true,
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: {
        da: 'Bruges i sidens adresse. Udfyldes automatisk ud fra titlen.',
        en: 'Used in the page address. Filled in from the title.',
      },
    },
    hooks: { beforeValidate: [slugFromSource(sourceField)] },
    validate: notAnotherDocumentsOldAddress(reserved),
  }
}

/**
 * The list after a save: the slug the document had on the site (`before`) is added when it
 * changes, once; a slug the document takes back is no longer a previous one.
 */
export function nextPreviousSlugs(kept: readonly string[], before: string | null | undefined, slug: string | null | undefined): string[] {
  const list = kept.filter((previous) => previous !== slug)
  if (before && before !== slug && !list.includes(before)) list.push(before)
  return list
}

export const asSlugs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

/**
 * A list only the CMS adds to (old addresses, departments left): a request may remove entries,
 * but one that adds any is refused with `message` on the field, rather than trimmed without a word.
 */
export function refuseAddedEntries(kept: readonly string[], value: unknown, { collection, path, req }: Pick<Parameters<FieldHook>[0], 'collection' | 'path' | 'req'>, message: 'invalid:previousSlugsAdded' | 'invalid:previousDepartmentsAdded'): void {
  const added = Array.isArray(value) ? asSlugs(value).filter((slug) => !kept.includes(slug)) : []
  if (!added.length) return
  throw new ValidationError({
    collection: collection?.slug,
    errors: [{ path: path.join('.'), message: ours(req.t)(message, { slugs: added.map((slug) => `"${slug}"`).join(', ') }) }],
  })
}

/**
 * Keeps `previousSlugs` itself. "Before" is the slug of the document's main record when that
 * record is published: only a publish writes it, so a slug typed into a draft and changed again
 * before publishing (autosave saves every few seconds) never went public and is not kept, and
 * nor is the slug a never-published document was created with.
 * What a request sends can only remove entries (an editor taking back an address, e.g. one that
 * named a person): an entry it adds is refused, through REST and the Local API alike, rather than
 * dropped without a word. Department editors cannot change the field at all (its access).
 */
const rememberPreviousSlug: FieldHook = async ({ operation, originalDoc, siblingData, value, collection, path, req }) => {
  const kept = operation === 'create' ? [] : asSlugs(originalDoc?.previousSlugs)
  refuseAddedEntries(kept, value, { collection, path, req }, 'invalid:previousSlugsAdded')
  const sent = Array.isArray(value) ? new Set(asSlugs(value)) : undefined
  // A new document has no old addresses (a duplicate's are left behind by beforeDuplicate).
  if (operation === 'create' || !collection || originalDoc?.id === undefined) return []
  const main = await req.payload.db.findOne<{ id: number | string; slug?: string; _status?: string }>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    select: { slug: true, _status: true },
    req,
  })
  const remaining = sent ? kept.filter((slug) => sent.has(slug)) : kept
  const published = main?._status === undefined || main._status === 'published'
  return nextPreviousSlugs(remaining, published ? main?.slug : undefined, siblingData?.slug as string | undefined)
}

export const nobody = () => false

/**
 * The slugs a document had before (activities, events, departments, activity types, pages): the
 * site turns each old address into a redirect to the current one, so links and calendar
 * subscriptions keep working after a rename. Read-only: only the CMS writes it.
 */
export function previousSlugsField(): TextField {
  return {
    name: 'previousSlugs',
    type: 'text',
    hasMany: true,
    label: { da: 'Tidligere adresser', en: 'Previous addresses' },
    // Editors may take an address back (remove it); only the CMS adds one.
    access: { create: nobody, update: editorsOnlyField },
    admin: {
      position: 'sidebar',
      components: { Field: '/components/PreviousSlugsField#PreviousSlugsField' },
      description: {
        da: 'URL-navne, som siden har haft før. Gamle links og kalenderabonnementer virker stadig: de sender videre til den nuværende adresse. Udfyldes af systemet; en redaktør kan fjerne et.',
        en: 'Slugs this page had before. Old links and calendar subscriptions keep working: they lead on to the current address. Filled in by the system; an editor can remove one.',
      },
    },
    // A duplicate is a new document: the original's old addresses stay with the original.
    hooks: { beforeChange: [rememberPreviousSlug], beforeDuplicate: [() => []] },
  }
}
