import type { GlobalConfig, PayloadRequest } from 'payload'

import { anyone, editorsOnly } from '../access/index'
import { translationFields } from '../fields/translationStatus'
import { ours } from '../lib/translations'

export const navigationKinds = ['home', 'activity-types', 'finder', 'events', 'departments', 'volunteer', 'page'] as const

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: { da: 'Navigation', en: 'Navigation' },
  admin: { group: { da: 'Indstillinger', en: 'Settings' } },
  access: { read: anyone, update: editorsOnly },
  fields: [
    {
      name: 'items',
      type: 'array',
      label: { da: 'Menupunkter', en: 'Menu items' },
      labels: { singular: { da: 'Menupunkt', en: 'Menu item' }, plural: { da: 'Menupunkter', en: 'Menu items' } },
      maxRows: 8,
      fields: [
        { name: 'label', type: 'text', label: { da: 'Tekst', en: 'Label' }, required: true, localized: true },
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: { da: 'Peger på', en: 'Links to' },
          defaultValue: 'page',
          options: [
            { value: 'home', label: { da: 'Forsiden', en: 'Home page' } },
            { value: 'activity-types', label: { da: 'Oversigt over aktiviteter', en: 'Activities overview' } },
            { value: 'finder', label: { da: 'Find en aktivitet (søgning med filtre)', en: 'Activity finder' } },
            { value: 'events', label: { da: 'Arrangementer', en: 'Events' } },
            { value: 'departments', label: { da: 'Oversigt over lokalafdelinger', en: 'Branches overview' } },
            { value: 'volunteer', label: { da: 'Bliv frivillig', en: 'Volunteer' } },
            { value: 'page', label: { da: 'En side', en: 'A page' } },
          ],
        },
        {
          name: 'page',
          type: 'relationship',
          relationTo: 'pages',
          label: { da: 'Side', en: 'Page' },
          admin: { condition: (_, siblingData) => siblingData?.kind === 'page' },
          validate: (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: { kind?: string } }) =>
            siblingData.kind !== 'page' || Boolean(value) || ours(req.t)('invalid:navigationPage'),
        },
      ],
    },
    ...translationFields(),
  ],
}
