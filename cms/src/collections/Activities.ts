import type { CollectionConfig } from 'payload'

import { demoField } from '../fields/demo'
import { slugField } from '../fields/slug'
import { translationStatusField } from '../fields/translationStatus'
import { publicContent } from './shared'

/** A department's local, usually weekly, offering of an activity type. */
export const Activities: CollectionConfig = {
  slug: 'activities',
  labels: {
    singular: { da: 'Aktivitet', en: 'Activity' },
    plural: { da: 'Aktiviteter', en: 'Activities' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'department', 'activityType', '_status', 'updatedAt'],
    group: { da: 'Lokalt', en: 'Local' },
  },
  defaultSort: 'title',
  ...publicContent,
  fields: [
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true, localized: true },
    { name: 'summary', type: 'textarea', label: { da: 'Kort beskrivelse', en: 'Summary' }, localized: true },
    { name: 'description', type: 'richText', label: { da: 'Beskrivelse', en: 'Description' }, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'department',
          type: 'relationship',
          relationTo: 'departments',
          required: true,
          label: { da: 'Lokalafdeling', en: 'Local branch' },
        },
        {
          name: 'activityType',
          type: 'relationship',
          relationTo: 'activity-types',
          required: true,
          label: { da: 'Aktivitetstype', en: 'Activity type' },
        },
      ],
    },
    {
      name: 'scheduleText',
      type: 'text',
      localized: true,
      label: { da: 'Hvornår', en: 'When' },
      admin: { description: { da: 'F.eks. "Tirsdage kl. 15.00–17.00".', en: 'E.g. "Tuesdays 15:00–17:00".' } },
    },
    {
      name: 'venue',
      type: 'text',
      label: { da: 'Sted', en: 'Venue' },
      admin: { description: { da: 'Tom: afdelingens adresse.', en: 'Empty: the branch’s address.' } },
    },
    slugField(),
    demoField,
    translationStatusField(),
  ],
}
