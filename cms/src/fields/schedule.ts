import type { TFunction } from '@payloadcms/translations'
import type { Field, FieldHook, PayloadRequest } from 'payload'

import {
  buildRules,
  copenhagenToday,
  promoteNextPeriod,
  ruleStartDay,
  scheduleDay,
  type NextPeriodForm,
  type ScheduleForm,
} from '../../../core/schedule'
import { ours, type TranslationKey } from '../lib/translations'
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
})

const day = (name: string, label: { da: string; en: string }, description?: { da: string; en: string }): Field =>
  dateField({ name, label, admin: { width: '50%', description } }, { appearance: 'dayOnly' })

/** The field, shown only when `condition` holds (keeps the rest of its admin settings). */
const shownWhen = (field: Field, condition: (data: unknown, siblingData: NextPeriodForm) => boolean): Field =>
  ({ ...field, admin: { ...field.admin, condition } }) as Field

const timePattern = /^([01]\d|2[0-3])[:.][0-5]\d$/

const defined = <T extends object>(value: T | null | undefined) =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<T>

/**
 * The whole schedule as it will be stored. A partial update (e.g. only `lastConfirmedAt`) sends
 * no schedule, so stored values fill what was not sent.
 */
function storedSchedule(data: Partial<{ schedule: ScheduleForm | null }> | undefined, originalDoc: Partial<{ schedule: ScheduleForm | null }> | undefined): ScheduleForm {
  const stored = originalDoc?.schedule ?? {}
  const sent = defined(data?.schedule)
  return { ...stored, ...sent, nextPeriod: { ...(stored.nextPeriod ?? {}), ...defined(sent.nextPeriod) } }
}

/**
 * Keeps `schedule.rrule` (the current period, ending the day before a planned change) in step
 * with the form on every save. A series without "valid from" keeps the start day it was first
 * saved with ("every other week" keeps its weeks).
 */
const fillRule: FieldHook = ({ data, originalDoc, previousValue }) =>
  buildRules(storedSchedule(data, originalDoc), { startDay: ruleStartDay(previousValue as string | null | undefined) }).current

/** Keeps `schedule.nextPeriod.rrule` (the period that takes over on its date) in step with the form. */
const fillNextRule: FieldHook = ({ data, originalDoc }) => buildRules(storedSchedule(data, originalDoc)).next

/**
 * Once a planned change's day has come, the next save makes it the schedule: the form then shows
 * the times that are true now and can plan the next change. Only a change that was already stored
 * is promoted; a past date typed now is refused by validation instead.
 */
const promoteDueChange: FieldHook = ({ value, previousValue }) => {
  const stored = previousValue as ScheduleForm | null | undefined
  const storedDay = scheduleDay(stored?.nextPeriod?.changesOn)
  if (!stored || !storedDay || storedDay > copenhagenToday()) return value
  const schedule = value === undefined ? stored : (value as ScheduleForm | null)
  if (!schedule || scheduleDay(schedule.nextPeriod?.changesOn) !== storedDay) return value
  return promoteNextPeriod({ ...stored, ...defined(schedule), nextPeriod: { ...(stored.nextPeriod ?? {}), ...defined(schedule.nextPeriod) } })
}

type Translate = TFunction<TranslationKey>

interface PeriodRules {
  /** Why the weekdays are missing, or true when they may be empty. */
  weekdaysRequired: (siblingData: ScheduleForm & NextPeriodForm, t: Translate) => true | string
  /** Why the start time is missing, or true when it may be empty. */
  startRequired: (siblingData: ScheduleForm & NextPeriodForm, t: Translate) => true | string
}

/**
 * The weekdays, how often and the times of one period: the same fields for the current period
 * and for the one planned to take over, each with its own "required" rules and texts.
 */
function periodTimeRows({ weekdaysRequired, startRequired }: PeriodRules, condition?: (siblingData: ScheduleForm & NextPeriodForm) => boolean): Field[] {
  const admin = condition ? { condition: (_: unknown, siblingData: ScheduleForm & NextPeriodForm) => condition(siblingData ?? {}) } : {}
  return [
    {
      type: 'row',
      admin,
      fields: [
        {
          name: 'weekdays',
          type: 'select',
          hasMany: true,
          label: { da: 'Ugedage', en: 'Weekdays' },
          options: weekdays,
          admin: { width: '50%' },
          validate: (value: string[] | null | undefined, { req, siblingData }: { req: PayloadRequest; siblingData: ScheduleForm & NextPeriodForm }) =>
            (Array.isArray(value) && value.length > 0) || weekdaysRequired(siblingData ?? {}, ours(req.t)),
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
      admin,
      fields: [
        {
          ...time('startTime', { da: 'Starter kl.', en: 'Starts at' }),
          validate: (value: string | null | undefined, { req, siblingData }: { req: PayloadRequest; siblingData: ScheduleForm & NextPeriodForm }) => {
            if (value) return timePattern.test(value) || ours(req.t)('invalid:timeFormat', { example: '15:00' })
            return startRequired(siblingData ?? {}, ours(req.t))
          },
        } as Field,
        {
          ...time('endTime', { da: 'Slutter kl.', en: 'Ends at' }),
          validate: (value: string | null | undefined, { req, siblingData }: { req: PayloadRequest; siblingData: { startTime?: string | null } }) => {
            if (!value) return true
            if (!timePattern.test(value)) return ours(req.t)('invalid:timeFormat', { example: '17:00' })
            const start = siblingData?.startTime?.replace('.', ':')
            return !start || value.replace('.', ':') > start || ours(req.t)('invalid:endTimeBeforeStart')
          },
        } as Field,
      ],
    },
  ]
}

/** A YYYY-MM-DD day as the admin language writes it (10.1.2099; 10/01/2099). */
const shownDay = (day: string, language: string) => {
  const [year, month, date] = day.split('-')
  return language === 'en' ? `${date}/${month}/${year}` : `${Number(date)}.${Number(month)}.${year}`
}

/** The change day: after today (a change from today is simply a new time above) and after the current period starts. */
const validateChangesOn = (value: string | null | undefined, { data, req }: { data: Partial<{ schedule: ScheduleForm | null }>; req: PayloadRequest }) => {
  const day = scheduleDay(value)
  if (!day) return true
  if (day <= copenhagenToday()) return ours(req.t)('invalid:changesOnNotAfterToday')
  const validFrom = scheduleDay(data?.schedule?.validFrom)
  if (validFrom && day <= validFrom) return ours(req.t)('invalid:changesOnNotAfterValidFrom', { day: shownDay(validFrom, req.i18n.language) })
  return true
}

/**
 * When a recurring activity meets, as a form an editor cannot get wrong: weekdays, how often,
 * start and end time, valid from/until, and dates it does not meet (holidays). A hook turns it
 * into an RFC 5545 recurrence rule (`rrule`), which the site expands into the next dates and
 * calendar feeds. "By appointment" is for listings with no fixed times (Venner Viser Vej).
 *
 * "Ny tid fra" plans one change ahead ("from 16 August, Monday 16–18"): one date and the same
 * time fields, under the current ones. One following period rather than a list of periods: the
 * form Ali knows stays as it is, there is nothing to sort or overlap, and the change shows up on
 * the site, in the feeds and in the next dates on its day by itself.
 */
export const scheduleField: Field = {
  name: 'schedule',
  type: 'group',
  label: { da: 'Tidspunkter', en: 'Schedule' },
  hooks: { beforeValidate: [promoteDueChange] },
  fields: [
    {
      name: 'byAppointment',
      type: 'checkbox',
      defaultValue: false,
      label: { da: 'Ingen faste tidspunkter (efter aftale)', en: 'No fixed times (by appointment)' },
    },
    ...periodTimeRows(
      {
        // A time without a day cannot be shown; no day and no time means "no fixed times".
        weekdaysRequired: (siblingData, t) => siblingData.byAppointment || !siblingData.startTime || t('invalid:weekdaysForTime'),
        startRequired: (siblingData, t) => siblingData.byAppointment || !siblingData.weekdays?.length || t('invalid:startForWeekdays'),
      },
      (siblingData) => !siblingData.byAppointment,
    ),
    {
      type: 'row',
      admin: { condition: (_, siblingData) => !siblingData?.byAppointment },
      fields: [
        day('validFrom', { da: 'Gælder fra', en: 'Valid from' }, { da: 'Tom: fra i dag.', en: 'Empty: from today.' }),
        day('validUntil', { da: 'Gælder til og med', en: 'Valid until' }, { da: 'Tom: indtil videre.', en: 'Empty: until further notice.' }),
      ],
    },
    {
      name: 'nextPeriod',
      type: 'group',
      label: { da: 'Ny tid fra en bestemt dato (valgfrit)', en: 'New times from a given date (optional)' },
      admin: {
        condition: (_, siblingData) => !siblingData?.byAppointment,
        description: {
          da: 'Skal aktiviteten fx mødes på en anden dag eller tid efter sommerferien? Skriv datoen og den nye tid her. Hjemmesiden, kalendrene og de næste datoer skifter selv på datoen. Aflyste dage nedenfor gælder for begge tider.',
          en: 'Will the activity meet on another day or time, e.g. after the summer holidays? Enter the date and the new times here. The site, the calendars and the next dates switch by themselves on that date. Cancelled dates below apply to both.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              ...day('changesOn', { da: 'Ny tid fra', en: 'New times from' }, { da: 'Første dag med den nye tid. Tom: ingen ændring planlagt.', en: 'First day with the new times. Empty: no change planned.' }),
              validate: validateChangesOn,
            } as Field,
            shownWhen(
              day('validUntil', { da: 'Ny tid gælder til og med', en: 'New times valid until' }, { da: 'Tom: indtil videre.', en: 'Empty: until further notice.' }),
              (_: unknown, siblingData: NextPeriodForm) => Boolean(siblingData?.changesOn),
            ),
          ],
        },
        ...periodTimeRows(
          {
            weekdaysRequired: (siblingData, t) => !siblingData.changesOn || t('invalid:weekdaysForNextPeriod'),
            startRequired: (siblingData, t) => !siblingData.changesOn || t('invalid:startForNextPeriod'),
          },
          (siblingData) => Boolean(siblingData.changesOn),
        ),
        {
          name: 'rrule',
          type: 'text',
          admin: { hidden: true },
          hooks: { beforeChange: [fillNextRule] },
        },
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
