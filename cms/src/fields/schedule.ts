import type { Field, FieldHook } from 'payload'

import { buildRule, ruleStartDay, type ScheduleForm } from '../../../content/schedule'
import { dateField } from './date'

export const weekdays = [
  { value: 'MO', label: { da: 'Mandag', en: 'Monday' } },
  { value: 'TU', label: { da: 'Tirsdag', en: 'Tuesday' } },
  { value: 'WE', label: { da: 'Onsdag', en: 'Wednesday' } },
  { value: 'TH', label: { da: 'Torsdag', en: 'Thursday' } },
  { value: 'FR', label: { da: 'Fredag', en: 'Friday' } },
  { value: 'SA', label: { da: 'Lørdag', en: 'Saturday' } },
  { value: 'SU', label: { da: 'Søndag', en: 'Sunday' } },
]

const time = (name: string, label: { da: string; en: string }): Field => ({
  name,
  type: 'text',
  label,
  admin: { placeholder: '15:00', width: '25%' },
  validate: (value: string | null | undefined) =>
    !value || /^([01]\d|2[0-3])[:.][0-5]\d$/.test(value) || 'Skriv tiden som TT:MM, fx 15:00.',
})

const day = (name: string, label: { da: string; en: string }, description?: { da: string; en: string }): Field =>
  dateField({ name, label, admin: { width: '50%', description } }, { appearance: 'dayOnly' })

/**
 * Keeps `schedule.rrule` in step with the form on every save. A partial update (e.g. only
 * `lastConfirmedAt`) sends no schedule, so stored values fill what was not sent; a series
 * without "valid from" keeps the start day it was first saved with ("every other week" keeps
 * its weeks).
 */
const fillRule: FieldHook = ({ siblingData, previousSiblingDoc, previousValue }) => {
  const sent = Object.fromEntries(Object.entries(siblingData ?? {}).filter(([, value]) => value !== undefined))
  const schedule = { ...(previousSiblingDoc ?? {}), ...sent } as ScheduleForm
  return buildRule(schedule, { startDay: ruleStartDay(previousValue as string | null | undefined) })
}

/**
 * When a recurring activity meets, as a form an editor cannot get wrong: weekdays, how often,
 * start and end time, valid from/until, and dates it does not meet (holidays). A hook turns it
 * into an RFC 5545 recurrence rule (`rrule`), which the site expands into the next dates and
 * calendar feeds. "By appointment" is for listings with no fixed times (Venner Viser Vej).
 */
export const scheduleField: Field = {
  name: 'schedule',
  type: 'group',
  label: { da: 'Tidspunkter', en: 'Schedule' },
  fields: [
    {
      name: 'byAppointment',
      type: 'checkbox',
      defaultValue: false,
      label: { da: 'Ingen faste tidspunkter (efter aftale)', en: 'No fixed times (by appointment)' },
    },
    {
      type: 'row',
      admin: { condition: (_, siblingData) => !siblingData?.byAppointment },
      fields: [
        {
          name: 'weekdays',
          type: 'select',
          hasMany: true,
          label: { da: 'Ugedage', en: 'Weekdays' },
          options: weekdays,
          admin: { width: '50%' },
          // A time without a day cannot be shown; no day and no time means "no fixed times".
          validate: (value: string[] | null | undefined, { siblingData }: { siblingData: { byAppointment?: boolean; startTime?: string | null } }) =>
            siblingData?.byAppointment || !siblingData?.startTime || (Array.isArray(value) && value.length > 0) ||
            'Vælg mindst én ugedag til tidspunktet, eller sæt flueben ved "efter aftale".',
        },
        {
          name: 'frequency',
          type: 'select',
          defaultValue: 'weekly',
          label: { da: 'Hvor ofte', en: 'How often' },
          options: [
            { value: 'weekly', label: { da: 'Hver uge', en: 'Every week' } },
            { value: 'biweekly', label: { da: 'Hver anden uge', en: 'Every other week' } },
          ],
          admin: { width: '50%' },
        },
      ],
    },
    {
      type: 'row',
      admin: { condition: (_, siblingData) => !siblingData?.byAppointment },
      fields: [
        {
          ...time('startTime', { da: 'Starter kl.', en: 'Starts at' }),
          validate: (value: string | null | undefined, { siblingData }: { siblingData: { byAppointment?: boolean; weekdays?: string[] | null } }) => {
            if (value) return /^([01]\d|2[0-3])[:.][0-5]\d$/.test(value) || 'Skriv tiden som TT:MM, fx 15:00.'
            return siblingData?.byAppointment || !siblingData?.weekdays?.length || 'Skriv, hvornår aktiviteten starter (fx 15:00).'
          },
        } as Field,
        {
          ...time('endTime', { da: 'Slutter kl.', en: 'Ends at' }),
          validate: (value: string | null | undefined, { siblingData }: { siblingData: { startTime?: string } }) => {
            if (!value) return true
            if (!/^([01]\d|2[0-3])[:.][0-5]\d$/.test(value)) return 'Skriv tiden som TT:MM, fx 17:00.'
            const start = siblingData?.startTime?.replace('.', ':')
            return !start || value.replace('.', ':') > start || 'Sluttiden skal ligge efter starttiden.'
          },
        } as Field,
      ],
    },
    {
      type: 'row',
      admin: { condition: (_, siblingData) => !siblingData?.byAppointment },
      fields: [
        day('validFrom', { da: 'Gælder fra', en: 'Valid from' }, { da: 'Tom: fra i dag.', en: 'Empty: from today.' }),
        day('validUntil', { da: 'Gælder til og med', en: 'Valid until' }, { da: 'Tom: indtil videre.', en: 'Empty: until further notice.' }),
      ],
    },
    {
      name: 'exceptions',
      type: 'array',
      label: { da: 'Aflyste dage (fx ferier)', en: 'Cancelled dates (e.g. holidays)' },
      labels: { singular: { da: 'Aflyst dag', en: 'Cancelled date' }, plural: { da: 'Aflyste dage', en: 'Cancelled dates' } },
      admin: { condition: (_, siblingData) => !siblingData?.byAppointment, initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            { ...day('date', { da: 'Dato', en: 'Date' }), required: true } as Field,
            { name: 'reason', type: 'text', label: { da: 'Hvorfor (kun til redaktører)', en: 'Why (editors only)' }, admin: { width: '50%' } },
          ],
        },
      ],
    },
    {
      name: 'rrule',
      type: 'text',
      label: { da: 'Gentagelsesregel (RFC 5545, dannes automatisk)', en: 'Recurrence rule (RFC 5545, generated)' },
      admin: { readOnly: true, description: { da: 'Bruges til kalendere og næste datoer.', en: 'Used for calendars and next dates.' } },
      hooks: { beforeChange: [fillRule] },
    },
  ],
}
