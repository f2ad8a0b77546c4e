import type { CollectionConfig } from 'payload'

import { confirmEndpoint, confirmOnPublish, isStale, staleAfterDays } from './confirm'

import { demoField } from '../../fields/demo'
import { departmentField } from '../../fields/department'
import { slugField } from '../../fields/slug'
import { translationStatusField } from '../../fields/translationStatus'
import { departmentContent } from '../shared'

/** A department's local, usually weekly, offering of an activity type. */
export const Activities: CollectionConfig = {
  slug: 'activities',
  labels: {
    singular: { da: 'Aktivitet', en: 'Activity' },
    plural: { da: 'Aktiviteter', en: 'Activities' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'title',
    defaultColumns: ['title', 'department', 'activityType', 'lastConfirmedAt', '_status'],
    group: { da: 'Lokalt', en: 'Local' },
  },
  defaultSort: 'title',
  ...departmentContent,
  endpoints: [confirmEndpoint],
  hooks: { beforeChange: [confirmOnPublish] },
  fields: [
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true, localized: true },
    { name: 'summary', type: 'textarea', label: { da: 'Kort beskrivelse', en: 'Summary' }, localized: true },
    { name: 'description', type: 'richText', label: { da: 'Beskrivelse', en: 'Description' }, localized: true },
    {
      type: 'row',
      fields: [
        departmentField,
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
    {
      name: 'lastConfirmedAt',
      type: 'date',
      label: { da: 'Senest bekræftet', en: 'Last confirmed' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayOnly', displayFormat: 'd. MMMM yyyy' },
        components: { Field: '/components/ConfirmListing#ConfirmListing' },
      },
    },
    {
      name: 'confirmationStale',
      type: 'checkbox',
      virtual: true,
      label: { da: `Ikke bekræftet i ${staleAfterDays} dage`, en: `Not confirmed for ${staleAfterDays} days` },
      admin: { hidden: true },
      hooks: { afterRead: [({ siblingData }) => isStale(siblingData?.lastConfirmedAt as string | null | undefined)] },
    },
    slugField(),
    demoField,
    translationStatusField(),
  ],
}
