import type { CollectionConfig, PayloadRequest } from 'payload'

import { placeFields } from '../fields/address'
import { dateField } from '../fields/date'
import { demoField } from '../fields/demo'
import { capacityField, howToJoinField, placesStatusField, languagesField, priceFields } from '../fields/listing'
import { departmentField } from '../fields/department'
import { previousSlugsField, slugField } from '../fields/slug'
import { translationFields } from '../fields/translationStatus'
import { ours } from '../lib/translations'
import { departmentContent } from './shared'

/** A one-off dated listing: a trip, a family camp, an open day. */
export const Events: CollectionConfig = {
  slug: 'events',
  labels: {
    singular: { da: 'Arrangement', en: 'Event' },
    plural: { da: 'Arrangementer', en: 'Events' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsAt', 'department', '_status'],
    group: { da: 'Lokalt', en: 'Local' },
  },
  defaultSort: 'startsAt',
  ...departmentContent,
  fields: [
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true, localized: true },
    { name: 'summary', type: 'textarea', label: { da: 'Kort beskrivelse', en: 'Summary' }, localized: true },
    { name: 'description', type: 'richText', label: { da: 'Beskrivelse', en: 'Description' }, localized: true },
    {
      type: 'row',
      fields: [
        // Indexed: the site, the calendars and the signup endpoint ask for upcoming events (MongoDB
        // gets its indexes from these flags only; SQLite from the migration they made).
        dateField({ name: 'startsAt', required: true, index: true, label: { da: 'Starter', en: 'Starts' } }),
        dateField({
          name: 'endsAt',
          index: true,
          label: { da: 'Slutter', en: 'Ends' },
          validate: (value: Date | string | null | undefined, { req, siblingData }: { req: PayloadRequest; siblingData: { startsAt?: string } }) =>
            !value || !siblingData.startsAt || new Date(value) >= new Date(siblingData.startsAt) ||
            ours(req.t)('invalid:eventEndsBeforeStart'),
        }),
      ],
    },
    {
      type: 'row',
      fields: [
        departmentField,
        {
          name: 'activityType',
          type: 'relationship',
          relationTo: 'activity-types',
          label: { da: 'Aktivitetstype', en: 'Activity type' },
        },
      ],
    },
    {
      name: 'venue',
      type: 'text',
      label: { da: 'Stedets navn', en: 'Name of the place' },
      admin: { description: { da: 'Fx "Egeskov Slot" eller "Mødested ved stationen".', en: 'E.g. "Egeskov Castle".' } },
    },
    ...placeFields({ emptyMeans: { da: 'Tom: afdelingens adresse.', en: 'Empty: the branch’s address.' } }),
    languagesField,
    howToJoinField,
    capacityField,
    placesStatusField,
    priceFields,
    slugField(),
    previousSlugsField(),
    demoField,
    ...translationFields(),
  ],
}
