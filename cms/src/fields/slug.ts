import type { FieldHook, TextField } from 'payload'

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

/** URL slug: unique, filled from `sourceField` when left empty, kept ASCII. */
export function slugField(sourceField = 'title'): TextField {
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

const asSlugs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

/**
 * Keeps `previousSlugs` itself. "Before" is the slug of the document's main record, which only
 * a publish (or another non-draft save) writes: a slug typed into a draft and changed again
 * before publishing (autosave saves every few seconds) never went public and is not kept.
 * What the request sent is ignored (the field's access refuses it anyway; this also covers the
 * Local API): the list comes from the document as it was.
 */
const rememberPreviousSlug: FieldHook = async ({ operation, originalDoc, siblingData, collection, req }) => {
  // A new document, a duplicate included, has no old addresses: they belong to the original.
  if (operation === 'create' || !collection || originalDoc?.id === undefined) return []
  const main = await req.payload.db.findOne<{ id: number | string; slug?: string }>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    select: { slug: true },
    req,
  })
  return nextPreviousSlugs(asSlugs(originalDoc.previousSlugs), main?.slug, siblingData?.slug as string | undefined)
}

const nobody = () => false

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
    access: { create: nobody, update: nobody },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: {
        da: 'URL-navne, som siden har haft før. Gamle links og kalenderabonnementer virker stadig: de sender videre til den nuværende adresse. Udfyldes af systemet.',
        en: 'Slugs this page had before. Old links and calendar subscriptions keep working: they lead on to the current address. Filled in by the system.',
      },
    },
    hooks: { beforeChange: [rememberPreviousSlug] },
  }
}
