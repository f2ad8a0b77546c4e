import type { CollectionConfig } from 'payload'

import { demoField } from '../fields/demo'
import { regions } from '../fields/regions'
import { slugField } from '../fields/slug'
import { translationStatusField } from '../fields/translationStatus'
import { publicContent } from './shared'

/** A local Red Cross department ("Røde Kors Odense") that runs activities and events. */
export const Departments: CollectionConfig = {
  slug: 'departments',
  labels: {
    singular: { da: 'Lokalafdeling', en: 'Local branch' },
    plural: { da: 'Lokalafdelinger', en: 'Local branches' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'region', 'email', '_status', 'updatedAt'],
    group: { da: 'Lokalt', en: 'Local' },
  },
  defaultSort: 'name',
  ...publicContent,
  fields: [
    { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' }, required: true },
    { name: 'description', type: 'richText', label: { da: 'Om afdelingen', en: 'About the branch' }, localized: true },
    {
      type: 'row',
      fields: [
        { name: 'town', type: 'text', label: { da: 'By', en: 'Town' }, required: true },
        { name: 'municipality', type: 'text', label: { da: 'Kommune', en: 'Municipality' }, required: true },
        {
          name: 'region',
          type: 'select',
          label: { da: 'Region', en: 'Region' },
          required: true,
          options: regions.map(({ value, label }) => ({ value, label })),
        },
      ],
    },
    {
      name: 'address',
      type: 'group',
      label: { da: 'Adresse', en: 'Address' },
      fields: [
        { name: 'street', type: 'text', label: { da: 'Vej og nummer', en: 'Street' } },
        {
          type: 'row',
          fields: [
            {
              name: 'postalCode',
              type: 'text',
              label: { da: 'Postnummer', en: 'Postal code' },
              validate: (value: string | null | undefined) =>
                !value || /^\d{4}$/.test(value) || 'Et dansk postnummer har 4 cifre.',
            },
            { name: 'city', type: 'text', label: { da: 'By', en: 'City' } },
          ],
        },
      ],
    },
    {
      name: 'location',
      type: 'point',
      label: { da: 'Placering (længdegrad, breddegrad)', en: 'Location (longitude, latitude)' },
    },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: { da: 'E-mail', en: 'Email' } },
        { name: 'phone', type: 'text', label: { da: 'Telefon', en: 'Phone' } },
      ],
    },
    slugField('name'),
    demoField,
    translationStatusField(),
  ],
}
