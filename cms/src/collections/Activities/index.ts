import type { CollectionConfig } from 'payload'

import { confirmEndpoint, confirmOnPublish, isStale, staleAfterDays } from './confirm'

import { placeFields } from '../../fields/address'
import { dateField } from '../../fields/date'
import { demoField } from '../../fields/demo'
import { accessibilityField, audienceField, contactField, capacityField, howToJoinField, placesStatusField, languagesField, priceFields } from '../../fields/listing'
import { scheduleField } from '../../fields/schedule'
import { departmentField } from '../../fields/department'
import { previousSlugsField, slugField } from '../../fields/slug'
import { translationFields } from '../../fields/translationStatus'
import { previousDepartmentSlugsField } from './previousDepartments'
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
      type: 'tabs',
      tabs: [
        {
          label: { da: 'Hvornår og hvor', en: 'When and where' },
          fields: [
            scheduleField,
            {
              name: 'scheduleText',
              type: 'text',
              localized: true,
              label: { da: 'Bemærkning om tidspunkter', en: 'Note on the schedule' },
              admin: { description: { da: 'Fx "Ikke i skolernes ferier". Vises ved datoerne.', en: 'E.g. "Not in school holidays". Shown with the dates.' } },
            },
            {
              name: 'venue',
              type: 'text',
              label: { da: 'Stedets navn', en: 'Name of the place' },
              admin: { description: { da: 'Fx "Biblioteket". Tom: afdelingens adresse.', en: 'E.g. "The library". Empty: the branch’s address.' } },
            },
            ...placeFields({ emptyMeans: { da: 'Tom: afdelingens adresse.', en: 'Empty: the branch’s address.' } }),
          ],
        },
        {
          label: { da: 'For hvem og hvordan', en: 'Who and how' },
          fields: [
            {
              name: 'targetGroups',
              type: 'relationship',
              relationTo: 'target-groups',
              hasMany: true,
              label: { da: 'Målgrupper', en: 'Target groups' },
              admin: { description: { da: 'Tom: aktivitetstypens målgrupper.', en: 'Empty: the activity type’s target groups.' } },
            },
            audienceField,
            languagesField,
            howToJoinField,
            capacityField,
            placesStatusField,
            priceFields,
            accessibilityField,
            contactField,
            {
              name: 'volunteersWanted',
              type: 'checkbox',
              defaultValue: true,
              label: { da: 'Vi søger frivillige', en: 'We are looking for volunteers' },
            },
          ],
        },
      ],
    },
    dateField(
      {
        name: 'lastConfirmedAt',
        label: { da: 'Senest bekræftet', en: 'Last confirmed' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          components: { Field: '/components/ConfirmListing#ConfirmListing' },
        },
      },
      { appearance: 'dayOnly' },
    ),
    {
      name: 'confirmationStale',
      type: 'checkbox',
      virtual: true,
      label: { da: `Ikke bekræftet i ${staleAfterDays} dage`, en: `Not confirmed for ${staleAfterDays} days` },
      admin: { hidden: true },
      hooks: { afterRead: [({ siblingData }) => isStale(siblingData?.lastConfirmedAt as string | null | undefined)] },
    },
    slugField(),
    previousSlugsField(),
    previousDepartmentSlugsField,
    demoField,
    ...translationFields(),
  ],
}
