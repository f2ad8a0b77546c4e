import type { SelectField } from 'payload'

import { defaultLocale } from '../../../core/locales'

export const translationStatuses = ['original', 'machine', 'reviewed'] as const
export type TranslationStatus = (typeof translationStatuses)[number]

/**
 * Per locale: is this text the Danish original, a machine translation no person has read yet,
 * or a reviewed translation? The site marks machine translations; editors filter on it.
 */
export function translationStatusField(): SelectField {
  return {
    name: 'translationStatus',
    type: 'select',
    localized: true,
    label: { da: 'Oversættelse', en: 'Translation' },
    options: [
      { value: 'original', label: { da: 'Original (dansk)', en: 'Original (Danish)' } },
      { value: 'machine', label: { da: 'Maskinoversat – ikke gennemlæst', en: 'Machine translated – not reviewed' } },
      { value: 'reviewed', label: { da: 'Gennemlæst', en: 'Reviewed' } },
    ],
    defaultValue: ({ locale }) => (locale === defaultLocale ? 'original' : 'machine'),
    admin: {
      position: 'sidebar',
      description: {
        da: 'Gælder det sprog, du redigerer nu.',
        en: 'Applies to the language you are editing.',
      },
    },
  }
}
