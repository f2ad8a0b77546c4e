import type { FieldHook, TextField } from 'payload'

const danishLetters: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'ae', Ø: 'oe', Å: 'aa' }

/** "Lektiecaféer i Århus" → "lektiecafeer-i-aarhus": stable ASCII for URLs. */
export function slugify(text: string): string {
  return text
    .replace(/[æøåÆØÅ]/g, (letter) => danishLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

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
