import type { CollectionConfig } from 'payload'

import { reservedPageSlugs } from '../../../core/slug'
import { previousSlugsField, slugField } from '../fields/slug'
import { translationFields } from '../fields/translationStatus'
import { nationalContent } from './shared'

/** National pages such as "Om integration". */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: {
    singular: { da: 'Side', en: 'Page' },
    plural: { da: 'Sider', en: 'Pages' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'translationStatus', '_status', 'updatedAt'],
    group: { da: 'Nationalt indhold', en: 'National content' },
  },
  ...nationalContent,
  fields: [
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true, localized: true },
    { name: 'summary', type: 'textarea', label: { da: 'Kort beskrivelse', en: 'Summary' }, localized: true },
    { name: 'body', type: 'richText', label: { da: 'Indhold', en: 'Content' }, localized: true },
    slugField('title', { reserved: reservedPageSlugs }),
    previousSlugsField(),
    ...translationFields(),
  ],
}
