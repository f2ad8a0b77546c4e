import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/index'
import { dateField } from '../fields/date'
import { adminOnlyUpdate, canSeePersonalData, nobody, ownDepartmentsPersonalData, systemOnly } from '../access/personalData'
import { certificateDates } from './certificateDates'
import { lowercase, noCprNumber, noCprNumberInEmail, noCprNumberInPhone } from './cpr'

export const certificateStatuses = [
  { value: 'to-request', label: { da: 'Skal bestilles', en: 'To request' } },
  { value: 'requested', label: { da: 'Bestilt hos politiet', en: 'Requested from the police' } },
  { value: 'consent-pending', label: { da: 'Venter på den frivilliges samtykke', en: 'Waiting for the volunteer’s consent' } },
  { value: 'cleared', label: { da: 'Godkendt', en: 'Cleared' } },
  { value: 'needs-follow-up', label: { da: 'Kræver opfølgning', en: 'Needs follow-up' } },
] as const
/** Statuses that still ask something of the department. */
export const openCertificateStatuses = ['to-request', 'requested', 'consent-pending', 'needs-follow-up'] as const

const day = { appearance: 'dayOnly' } as const

/**
 * Børneattest tracking for a volunteer who works with children under 15: status and dates only.
 * Never a CPR number and never the certificate itself, so there is deliberately no free-text
 * field where either could be typed. Created by the signup endpoint when a volunteer signs up
 * for an activity whose type works with children; same access as signups.
 */
export const ChildCertificates: CollectionConfig = {
  slug: 'child-certificates',
  labels: {
    singular: { da: 'Børneattest', en: 'Child certificate' },
    plural: { da: 'Børneattester', en: 'Child certificates' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'volunteerName',
    defaultColumns: ['volunteerName', 'activity', 'status', 'renewBy', 'department'],
    group: { da: 'Personoplysninger', en: 'Personal data' },
    hidden: ({ user }) => !canSeePersonalData(user),
    description: {
      da: 'Status for børneattester for frivillige, der er sammen med børn under 15 år. Afdelingen bestiller attesten hos politiet med virksomhedens MitID; den frivillige giver samtykke i Digital Post inden 14 dage. Skriv aldrig CPR-numre eller attestens indhold her. Slettes 6 måneder efter, at den frivillige er stoppet.',
      en: 'Child certificate status for volunteers who are with children under 15. The branch orders the certificate from the police with its business MitID; the volunteer consents in Digital Post within 14 days. Never write CPR numbers or the certificate’s content here. Deleted 6 months after the volunteer stopped.',
    },
  },
  defaultSort: 'renewBy',
  access: {
    read: ownDepartmentsPersonalData,
    update: ownDepartmentsPersonalData,
    create: nobody,
    delete: adminOnly,
  },
  hooks: { beforeChange: [certificateDates] },
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'to-request',
      index: true,
      label: { da: 'Status', en: 'Status' },
      options: certificateStatuses.map((status) => ({ ...status })),
    },
    {
      type: 'row',
      fields: [
        { name: 'volunteerName', type: 'text', validate: noCprNumber, required: true, maxLength: 100, access: adminOnlyUpdate, label: { da: 'Frivillig', en: 'Volunteer' } },
        { name: 'volunteerEmail', type: 'email', validate: noCprNumberInEmail, hooks: { beforeChange: [lowercase] }, index: true, access: adminOnlyUpdate, label: { da: 'E-mail', en: 'Email' } },
        { name: 'volunteerPhone', type: 'text', validate: noCprNumberInPhone, index: true, access: adminOnlyUpdate, label: { da: 'Telefon', en: 'Phone' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'activity', type: 'relationship', relationTo: 'activities', access: adminOnlyUpdate, label: { da: 'Aktivitet', en: 'Activity' } },
        { name: 'department', type: 'relationship', relationTo: 'departments', required: true, index: true, access: adminOnlyUpdate, label: { da: 'Lokalafdeling', en: 'Local branch' } },
        { name: 'signup', type: 'relationship', relationTo: 'signups', access: adminOnlyUpdate, label: { da: 'Tilmelding', en: 'Signup' } },
      ],
    },
    {
      type: 'row',
      fields: [
        dateField({ name: 'requestedAt', label: { da: 'Bestilt', en: 'Requested' } }, day),
        dateField({ name: 'clearedAt', label: { da: 'Godkendt', en: 'Cleared' } }, day),
        dateField(
          {
            name: 'renewBy',
            index: true,
            label: { da: 'Fornyes senest', en: 'Renew by' },
            admin: { description: { da: 'Udfyldes: 2 år efter godkendt.', en: 'Filled in: 2 years after cleared.' } },
          },
          day,
        ),
      ],
    },
    {
      type: 'row',
      fields: [
        dateField(
          {
            name: 'stoppedAt',
            index: true,
            label: { da: 'Frivillig stoppet', en: 'Volunteer stopped' },
            admin: { description: { da: 'Registreringen slettes 6 måneder efter.', en: 'The record is deleted 6 months after.' } },
          },
          day,
        ),
        dateField({ name: 'reminderSentAt', access: systemOnly, label: { da: 'Påmindelse sendt', en: 'Reminder sent' } }, day),
      ],
    },
  ],
}
