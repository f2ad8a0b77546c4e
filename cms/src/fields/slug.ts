import type { FieldHook, TextField } from 'payload'

import { slugify } from '../../../content/slug'

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
