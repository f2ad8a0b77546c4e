import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/index'
import { canSeePersonalData, nobody, ownDepartmentsPersonalData } from '../access/personalData'
import { dateField } from '../fields/date'
import { attendanceMeetingEndpoint, attendanceMeetingsEndpoint, attendanceRecordEndpoint } from './endpoints'

/**
 * Who came to one meeting (issue 15, item 7): an event, or one date of a weekly activity. One
 * record per meeting (`meeting` is its key). Personal data: which people came, so the same
 * scoping as signups (access/personalData.ts). Written only by POST /api/attendance/record (the
 * "Fremmøde" view), which checks the department, keeps the signups' attendance counts right and
 * confirms the listing; the collection itself is read-only in the admin.
 */
export const Attendance: CollectionConfig = {
  slug: 'attendance',
  labels: {
    // Not "Fremmøde" alone: that is the view where attendance is recorded, in the same menu.
    singular: { da: 'Fremmøderegistrering', en: 'Attendance record' },
    plural: { da: 'Fremmøderegistreringer', en: 'Attendance records' },
  },
  admin: {
    hideAPIURL: true,
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsAt', 'headcount', 'department'],
    group: { da: 'Personoplysninger', en: 'Personal data' },
    hidden: ({ user }) => !canSeePersonalData(user),
    description: {
      da: 'Hvem der kom til hvert møde. Registreres under "Fremmøde" i menuen.',
      en: 'Who came to each meeting. Recorded under "Attendance" in the menu.',
    },
  },
  defaultSort: '-startsAt',
  access: {
    read: ownDepartmentsPersonalData,
    // Only through the attendance endpoint, which also updates the signups' counts.
    create: nobody,
    update: nobody,
    delete: adminOnly,
  },
  endpoints: [attendanceMeetingsEndpoint, attendanceMeetingEndpoint, attendanceRecordEndpoint],
  fields: [
    {
      name: 'meeting',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { da: 'Møde', en: 'Meeting' },
      admin: { readOnly: true, description: { da: '"event:<id>" eller "activity:<id>:<dato>".', en: '"event:<id>" or "activity:<id>:<date>".' } },
    },
    { name: 'title', type: 'text', required: true, label: { da: 'Titel', en: 'Title' }, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'event', type: 'relationship', relationTo: 'events', label: { da: 'Arrangement', en: 'Event' }, admin: { readOnly: true } },
        { name: 'activity', type: 'relationship', relationTo: 'activities', label: { da: 'Aktivitet', en: 'Activity' }, admin: { readOnly: true } },
        {
          name: 'department',
          type: 'relationship',
          relationTo: 'departments',
          required: true,
          index: true,
          label: { da: 'Lokalafdeling', en: 'Local branch' },
          admin: { readOnly: true },
        },
      ],
    },
    dateField({ name: 'startsAt', required: true, index: true, label: { da: 'Mødets start', en: 'Meeting starts' }, admin: { readOnly: true } }),
    {
      name: 'attended',
      type: 'relationship',
      relationTo: 'signups',
      hasMany: true,
      label: { da: 'Kom (tilmeldte)', en: 'Came (signed up)' },
      admin: { readOnly: true },
    },
    {
      name: 'headcount',
      type: 'number',
      min: 0,
      label: { da: 'Antal fremmødte i alt', en: 'Headcount' },
      admin: {
        readOnly: true,
        description: { da: 'Alle, der kom – også dem, der ikke var tilmeldt.', en: 'Everyone who came – including people who had not signed up.' },
      },
    },
  ],
}
