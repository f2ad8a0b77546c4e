import type { CollectionConfig } from 'payload'

import { previousSlugsField, slugField } from '../fields/slug'
import { translationFields } from '../fields/translationStatus'
import { nationalContent } from './shared'

/** The national activity types (lektiecaféer, kvindegrupper, ...), written by communications staff. */
export const ActivityTypes: CollectionConfig = {
  slug: 'activity-types',
  labels: {
    singular: { da: 'Aktivitetstype', en: 'Activity type' },
    plural: { da: 'Aktivitetstyper', en: 'Activity types' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'title',
    defaultColumns: ['title', 'order', 'translationStatus', '_status', 'updatedAt'],
    group: { da: 'Nationalt indhold', en: 'National content' },
  },
  defaultSort: 'order',
  ...nationalContent,
  fields: [
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true, localized: true },
    {
      name: 'summary',
      type: 'textarea',
      label: { da: 'Kort beskrivelse', en: 'Summary' },
      localized: true,
      admin: { description: { da: 'Én sætning, vises på oversigter.', en: 'One sentence, shown in lists.' } },
    },
    { name: 'description', type: 'richText', label: { da: 'Beskrivelse', en: 'Description' }, localized: true },
    {
      name: 'targetGroups',
      type: 'relationship',
      relationTo: 'target-groups',
      hasMany: true,
      label: { da: 'Målgrupper', en: 'Target groups' },
    },
    {
      name: 'worksWithChildren',
      type: 'checkbox',
      label: { da: 'Frivillige har kontakt med børn under 15 år', en: 'Volunteers are in contact with children under 15' },
      defaultValue: false,
      admin: {
        description: {
          da: 'Så skal frivillige have en børneattest.',
          en: 'Volunteers then need a child protection certificate (børneattest).',
        },
      },
    },
    {
      name: 'order',
      type: 'number',
      label: { da: 'Rækkefølge', en: 'Order' },
      defaultValue: 100,
      admin: { position: 'sidebar' },
    },
    slugField(),
    previousSlugsField(),
    ...translationFields(),
  ],
}
