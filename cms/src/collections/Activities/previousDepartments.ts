import type { FieldHook, TextField } from 'payload'

import { editorsOnlyField } from '../../access'
import { asSlugs, nobody, refuseAddedEntries } from '../../fields/slug'
import { relationId } from '../../../../core/relation'

/**
 * An activity's page lives under its department (`afdelinger/<department>/<activity>/`). When a
 * published activity moves to another department (two departments merge, a café changes hands),
 * the slug of the department it left is kept here, and the site turns the old page address into
 * a redirect to the new one. The slug as it was then: the old department may be renamed or
 * deleted later, the address that was public stays the same.
 *
 * As with `previousSlugs`, only a publish counts (the main record is what the site showed), a
 * request can only remove entries (one that adds is refused, not silently trimmed), and a
 * department the activity moves back to is no longer a previous one.
 */
const rememberPreviousDepartment: FieldHook = async ({ operation, originalDoc, siblingData, value, collection, path, req }) => {
  refuseAddedEntries(operation === 'create' ? [] : asSlugs(originalDoc?.previousDepartmentSlugs), value, { collection, path, req }, 'invalid:previousDepartmentsAdded')
  if (operation === 'create' || !collection || originalDoc?.id === undefined) return []
  const main = await req.payload.db.findOne<{ id: number | string; department?: unknown; _status?: string }>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    select: { department: true, _status: true },
    req,
  })
  const kept = asSlugs(originalDoc.previousDepartmentSlugs)
  const sent = Array.isArray(value) ? new Set(asSlugs(value)) : undefined
  const remaining = sent ? kept.filter((slug) => sent.has(slug)) : kept
  const published = main?._status === undefined || main._status === 'published'
  const before = published ? relationId(main?.department) : undefined
  const after = relationId(siblingData?.department ?? originalDoc.department)
  const slugsOf = async (id: unknown): Promise<string[]> => {
    if (id === undefined || id === null) return []
    const department = await req.payload.db.findOne<{ id: number | string; slug?: string; previousSlugs?: unknown }>({
      collection: 'departments',
      where: { id: { equals: id } },
      select: { slug: true, previousSlugs: true },
      req,
    })
    return department?.slug ? [department.slug, ...asSlugs(department.previousSlugs)] : []
  }
  const moved = before !== undefined && String(before) !== String(after)
  // Every save (autosave too) runs this: nothing to look up when it did not move and left nowhere.
  if (!moved && !remaining.length) return remaining
  // The department it is under now, by any of its slugs, is not one it left.
  const current = await slugsOf(after)
  const list = remaining.filter((slug) => !current.includes(slug))
  if (!moved) return list
  const [left] = await slugsOf(before)
  if (left && !current.includes(left) && !list.includes(left)) list.push(left)
  return list
}

export const previousDepartmentSlugsField: TextField = {
  name: 'previousDepartmentSlugs',
  type: 'text',
  hasMany: true,
  label: { da: 'Tidligere afdelinger', en: 'Previous branches' },
  access: { create: nobody, update: editorsOnlyField },
  admin: {
    position: 'sidebar',
    // Entries can be removed, never typed in (see PreviousSlugsField).
    components: { Field: '/components/PreviousSlugsField#PreviousSlugsField' },
    description: {
      da: 'Afdelinger (URL-navne), aktiviteten er flyttet fra. Den gamle adresse sender videre til den nuværende. Udfyldes af systemet; en redaktør kan fjerne et.',
      en: 'Branches (slugs) the activity moved from. The old address leads on to the current one. Filled in by the system; an editor can remove one.',
    },
  },
  // A duplicate is a new activity: it never had a page under another department.
  hooks: { beforeChange: [rememberPreviousDepartment], beforeDuplicate: [() => []] },
}
