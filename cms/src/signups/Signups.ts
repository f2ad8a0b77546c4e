import type { CollectionConfig } from 'payload'

import { locales } from '../../../core/locales'
import { signupKinds, signupStatuses, type SignupKind, type SignupStatus } from '../../../core/signups'
import { adminOnly } from '../access/index'
import { dateField } from '../fields/date'
import { adminOnlyUpdate, canSeePersonalData, nobody, ownDepartmentsPersonalData, systemOnly } from '../access/personalData'
import { cancelEndpoints } from './cancel'
import { submitEndpoint, submitPreflightEndpoint } from './endpoint'
import { fontEndpoint } from './fonts'
import { closeSignup, stopCertificatesOfDeclinedVolunteer } from './signupHooks'
import { lowercase, noCprNumber, noCprNumberInEmail, noCprNumberInPhone } from './cpr'

/** The statuses (core/signups.ts) as the admin names them. */
const statusLabels: Record<SignupStatus, { da: string; en: string }> = {
  new: { da: 'Ny', en: 'New' },
  contacted: { da: 'Kontaktet', en: 'Contacted' },
  accepted: { da: 'Optaget', en: 'Accepted' },
  declined: { da: 'Afvist', en: 'Declined' },
  withdrawn: { da: 'Trukket tilbage', en: 'Withdrawn' },
}
const kindLabels: Record<SignupKind, { da: string; en: string }> = {
  participant: { da: 'Deltager', en: 'Participant' },
  volunteer: { da: 'Frivillig', en: 'Volunteer' },
}

/**
 * A person who signed up for an activity or event, or offered to help as a volunteer, from the
 * static site (POST /api/signups/submit). Personal data: see access/personalData.ts for who sees it.
 * No versions or drafts, so a deleted signup leaves nothing behind in a version table.
 */
export const Signups: CollectionConfig = {
  slug: 'signups',
  labels: {
    singular: { da: 'Tilmelding', en: 'Signup' },
    plural: { da: 'Tilmeldinger', en: 'Signups' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'activity', 'event', 'department', 'status', 'createdAt'],
    group: { da: 'Personoplysninger', en: 'Personal data' },
    hidden: ({ user }) => !canSeePersonalData(user),
    // Admins answer a person's request to see or erase their data here (renders nothing for others).
    components: { beforeList: ['/components/PersonalDataTool#PersonalDataTool'] },
    description: {
      da: 'Tilmeldinger fra hjemmesiden. Personoplysninger: kun jeres afdeling og Røde Kors’ administratorer ser dem. Der gemmes ingen versioner, så en slettet tilmelding er helt væk. Tilmeldinger slettes automatisk 12 måneder efter, at de er afsluttet (optaget, afvist eller trukket tilbage).',
      en: 'Signups from the website. Personal data: only your branch and the Red Cross admins see them. No versions are kept, so a deleted signup is gone completely. Signups are deleted automatically 12 months after they are closed (accepted, declined or withdrawn).',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: ownDepartmentsPersonalData,
    update: ownDepartmentsPersonalData,
    // Only through the signup endpoint, which validates first and then uses the Local API.
    create: nobody,
    delete: adminOnly,
  },
  endpoints: [submitEndpoint, submitPreflightEndpoint, fontEndpoint, ...cancelEndpoints],
  hooks: {
    beforeChange: [closeSignup],
    afterChange: [stopCertificatesOfDeclinedVolunteer],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'new',
          index: true,
          label: { da: 'Status', en: 'Status' },
          options: signupStatuses.map((value) => ({ value, label: statusLabels[value] })),
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          access: adminOnlyUpdate,
          label: { da: 'Hvad', en: 'What' },
          options: signupKinds.map((value) => ({ value, label: kindLabels[value] })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', validate: noCprNumber, required: true, maxLength: 100, access: adminOnlyUpdate, label: { da: 'Navn', en: 'Name' } },
        { name: 'email', type: 'email', validate: noCprNumberInEmail, hooks: { beforeChange: [lowercase] }, index: true, access: adminOnlyUpdate, label: { da: 'E-mail', en: 'Email' } },
        { name: 'phone', type: 'text', validate: noCprNumberInPhone, index: true, access: adminOnlyUpdate, label: { da: 'Telefon', en: 'Phone' } },
      ],
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      access: adminOnlyUpdate,
      label: { da: 'Foretrukket sprog', en: 'Preferred language' },
      options: locales.map(({ code, labelDa, label }) => ({ value: code, label: { da: labelDa, en: label } })),
    },
    { name: 'message', type: 'textarea', validate: noCprNumber, maxLength: 1000, access: adminOnlyUpdate, label: { da: 'Besked', en: 'Message' } },
    {
      type: 'row',
      fields: [
        { name: 'activity', type: 'relationship', relationTo: 'activities', access: adminOnlyUpdate, label: { da: 'Aktivitet', en: 'Activity' } },
        { name: 'event', type: 'relationship', relationTo: 'events', access: adminOnlyUpdate, label: { da: 'Arrangement', en: 'Event' } },
        {
          name: 'department',
          type: 'relationship',
          relationTo: 'departments',
          required: true,
          index: true,
          access: adminOnlyUpdate,
          label: { da: 'Lokalafdeling', en: 'Local branch' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        dateField({ name: 'consentAt', required: true, access: systemOnly, label: { da: 'Samtykke givet', en: 'Consent given' } }),
        { name: 'consentVersion', type: 'text', required: true, access: systemOnly, label: { da: 'Samtykketekstens version', en: 'Version of the consent text' } },
        dateField({
          name: 'closedAt',
          index: true,
          access: systemOnly,
          label: { da: 'Afsluttet', en: 'Closed' },
          admin: { description: { da: 'Sættes, når status bliver optaget, afvist eller trukket tilbage.', en: 'Set when the status becomes accepted, declined or withdrawn.' } },
        }),
      ],
    },
    {
      type: 'row',
      fields: [
        // Kept by the attendance records (attendance/record.ts, with `context.attendanceOnly`).
        {
          name: 'attendedCount',
          type: 'number',
          defaultValue: 0,
          min: 0,
          access: systemOnly,
          label: { da: 'Antal gange mødt op', en: 'Times attended' },
          admin: { readOnly: true },
        },
        dateField(
          { name: 'lastAttendedOn', access: systemOnly, label: { da: 'Senest mødt op', en: 'Last attended' }, admin: { readOnly: true } },
          { appearance: 'dayOnly' },
        ),
      ],
    },
    {
      type: 'row',
      fields: [
        dateField({
          name: 'cancelledAt',
          access: systemOnly,
          label: { da: 'Afmeldt via link', en: 'Cancelled through the link' },
          admin: { description: { da: 'Personen afmeldte sig selv med linket i sin bekræftelse.', en: 'The person cancelled with the link in their confirmation.' } },
        }),
        dateField({ name: 'reminderSentAt', access: systemOnly, label: { da: 'Påmindelse sendt', en: 'Reminder sent' } }),
      ],
    },
    {
      // The person's cancel links (cancel.ts): only the SHA-256 hash of each, never the token.
      // Nobody reads or writes them through the API; the cancel endpoint uses the Local API.
      name: 'cancelTokens',
      type: 'array',
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
      fields: [
        { name: 'hash', type: 'text', required: true, index: true },
        { name: 'expiresAt', type: 'date', required: true },
      ],
    },
  ],
}
