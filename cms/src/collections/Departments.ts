import type { CollectionConfig, Field } from 'payload'

import { editorsOnly, editorsOnlyField, ownDepartment, publishedOrOwnDepartmentPage } from '../access/index'

import { placeFields } from '../fields/address'
import { demoField } from '../fields/demo'
import { regions } from '../fields/regions'
import { previousSlugsField, slugField } from '../fields/slug'
import { translationFields } from '../fields/translationStatus'
import { editorialVersions } from './shared'

/** Name, place, region, URL and the demo mark are set by national staff, not by the department. */
function lockedForDepartments<T extends Field>(field: T): T {
  return { ...field, access: { create: editorsOnlyField, update: editorsOnlyField } } as T
}

/** A local Red Cross department ("Røde Kors Odense") that runs activities and events. */
export const Departments: CollectionConfig = {
  slug: 'departments',
  labels: {
    singular: { da: 'Lokalafdeling', en: 'Local branch' },
    plural: { da: 'Lokalafdelinger', en: 'Local branches' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'name',
    defaultColumns: ['name', 'region', 'email', '_status', 'updatedAt'],
    group: { da: 'Lokalt', en: 'Local' },
  },
  defaultSort: 'name',
  access: {
    read: publishedOrOwnDepartmentPage,
    readVersions: ownDepartment('parent'),
    create: editorsOnly,
    // A department editor keeps their own department's page current, and only that.
    update: ownDepartment('id'),
    delete: editorsOnly,
  },
  versions: editorialVersions,
  fields: [
    lockedForDepartments({ name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' }, required: true }),
    { name: 'description', type: 'richText', label: { da: 'Om afdelingen', en: 'About the branch' }, localized: true },
    {
      type: 'row',
      fields: [
        lockedForDepartments({ name: 'town', type: 'text', label: { da: 'By', en: 'Town' }, required: true }),
        lockedForDepartments({ name: 'municipality', type: 'text', label: { da: 'Kommune', en: 'Municipality' }, required: true }),
        lockedForDepartments({
          name: 'region',
          type: 'select',
          label: { da: 'Region', en: 'Region' },
          required: true,
          options: regions.map(({ value, label }) => ({ value, label })),
        }),
      ],
    },
    ...placeFields(),
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: { da: 'E-mail', en: 'Email' } },
        { name: 'phone', type: 'text', label: { da: 'Telefon', en: 'Phone' } },
      ],
    },
    lockedForDepartments(slugField('name')),
    previousSlugsField(),
    lockedForDepartments(demoField),
    ...translationFields(),
  ],
}
