import type { CollectionConfig } from 'payload'

import { slugField } from '../fields/slug'
import { translationFields } from '../fields/translationStatus'
import { nationalContent } from './shared'

/** Who an activity type is for (children of school age, new Danish women, ...). */
export const TargetGroups: CollectionConfig = {
  slug: 'target-groups',
  labels: {
    singular: { da: 'Målgruppe', en: 'Target group' },
    plural: { da: 'Målgrupper', en: 'Target groups' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'title',
    defaultColumns: ['title', 'order', 'translationStatus', '_status'],
    group: { da: 'Nationalt indhold', en: 'National content' },
  },
  defaultSort: 'order',
  ...nationalContent,
  fields: [
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true, localized: true },
    { name: 'summary', type: 'textarea', label: { da: 'Kort beskrivelse', en: 'Summary' }, localized: true },
    { name: 'description', type: 'richText', label: { da: 'Beskrivelse', en: 'Description' }, localized: true },
    { name: 'order', type: 'number', label: { da: 'Rækkefølge', en: 'Order' }, defaultValue: 100, admin: { position: 'sidebar' } },
    slugField(),
    ...translationFields(),
  ],
}
