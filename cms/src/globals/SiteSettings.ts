import type { GlobalConfig } from 'payload'

import { anyone, editorsOnly } from '../access/index'
import { translationFields } from '../fields/translationStatus'

const figure = (name: string, da: string, en: string) =>
  ({ name, type: 'number', label: { da, en }, min: 0 }) as const

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { da: 'Indstillinger for siden', en: 'Site settings' },
  admin: { group: { da: 'Indstillinger', en: 'Settings' } },
  access: { read: anyone, update: editorsOnly },
  fields: [
    { name: 'siteName', type: 'text', label: { da: 'Sidens navn', en: 'Site name' }, required: true, localized: true },
    { name: 'tagline', type: 'text', label: { da: 'Undertitel', en: 'Tagline' }, localized: true },
    { name: 'homeIntro', type: 'richText', label: { da: 'Forsidens intro', en: 'Home page intro' }, localized: true },
    {
      name: 'figures',
      type: 'group',
      label: { da: 'Tal om indsatsen', en: 'Figures' },
      fields: [
        {
          type: 'row',
          fields: [
            figure('years', 'År', 'Years'),
            figure('departments', 'Lokale afdelinger', 'Local branches'),
            figure('volunteers', 'Frivillige', 'Volunteers'),
            figure('users', 'Brugere', 'Users'),
          ],
        },
      ],
    },
    ...translationFields(),
  ],
}
