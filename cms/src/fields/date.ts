import type { DateField } from 'payload'

export type DateAppearance = 'dayAndTime' | 'dayOnly'
export type AdminLanguage = 'da' | 'en'

/**
 * How each admin language writes a date. Danes write day-month ("10.07.2027 10:00"); the
 * English admin serves the same Danish organisation, so it writes day-month too, the British
 * way ("10/07/2027 10:00"), never the American month-day. Besides the input's format, the
 * date picker's own words (react-datepicker defaults to English "Time", "Next Month").
 */
export const dateConventions = {
  da: {
    date: 'dd.MM.yyyy',
    time: 'HH:mm',
    placeholder: { dayAndTime: 'dd.mm.åååå tt:mm', dayOnly: 'dd.mm.åååå' },
    picker: {
      timeCaption: 'Tid',
      timeInputLabel: 'Tid',
      previousMonthButtonLabel: 'Forrige måned',
      previousMonthAriaLabel: 'Forrige måned',
      nextMonthButtonLabel: 'Næste måned',
      nextMonthAriaLabel: 'Næste måned',
      previousYearButtonLabel: 'Forrige år',
      previousYearAriaLabel: 'Forrige år',
      nextYearButtonLabel: 'Næste år',
      nextYearAriaLabel: 'Næste år',
      chooseDayAriaLabelPrefix: 'Vælg',
      disabledDayAriaLabelPrefix: 'Kan ikke vælges:',
      monthAriaLabelPrefix: 'Måned',
      weekAriaLabelPrefix: 'Uge',
      ariaLabelClose: 'Luk',
    },
  },
  en: {
    date: 'dd/MM/yyyy',
    time: 'HH:mm',
    placeholder: { dayAndTime: 'dd/mm/yyyy hh:mm', dayOnly: 'dd/mm/yyyy' },
    picker: {
      timeCaption: 'Time',
      timeInputLabel: 'Time',
      previousMonthButtonLabel: 'Previous month',
      previousMonthAriaLabel: 'Previous month',
      nextMonthButtonLabel: 'Next month',
      nextMonthAriaLabel: 'Next month',
      previousYearButtonLabel: 'Previous year',
      previousYearAriaLabel: 'Previous year',
      nextYearButtonLabel: 'Next year',
      nextYearAriaLabel: 'Next year',
      chooseDayAriaLabelPrefix: 'Choose',
      disabledDayAriaLabelPrefix: 'Not available:',
      monthAriaLabelPrefix: 'Month',
      weekAriaLabelPrefix: 'Week',
      ariaLabelClose: 'Close',
    },
  },
} as const satisfies Record<AdminLanguage, unknown>

// Every way of writing a day that we read: day-month with ".", "/" or "-", a two- or four-digit
// year, or ISO year-month-day. No two can read the same text differently (a four-digit year is
// refused by "yy", a two-digit one is year 27 for "yyyy", which react-datepicker refuses), and
// month-day is not among them.
const days = ['.', '/', '-'].flatMap((separator) => [`d${separator}M${separator}yyyy`, `d${separator}M${separator}yy`]).concat('yyyy-M-d')
const times = ['H:mm', 'H.mm']

/**
 * What react-datepicker gets as `dateFormat`: the language's own format first (it formats the
 * input with the first), then every accepted form. Given a list, react-datepicker never falls
 * back to `new Date(text)`, which is what read "10.07.2027" as 7 October.
 */
export function inputFormats(appearance: DateAppearance, language: AdminLanguage): string[] {
  const { date, time } = dateConventions[language]
  if (appearance === 'dayOnly') return [date, ...days]
  return [`${date} ${time}`, ...days.flatMap((day) => times.map((clock) => `${day} ${clock}`)), ...days]
}

/** Lists and version views (Payload formats with the admin language's month names). */
const listFormats: Record<DateAppearance, string> = { dayAndTime: 'd. MMM yyyy HH:mm', dayOnly: 'd. MMMM yyyy' }

/**
 * Every date field in the admin goes through here, so all of them read and show dates
 * day-month in the admin's language: the input (components/DateInput.tsx) and the list column.
 * `displayFormat` is the list column's format; a field with its own Field component keeps it.
 */
export function dateField(
  field: Omit<DateField, 'type'>,
  { appearance = 'dayAndTime', displayFormat = listFormats[appearance] }: { appearance?: DateAppearance; displayFormat?: string } = {},
): DateField {
  return {
    ...field,
    type: 'date',
    admin: {
      ...field.admin,
      date: {
        pickerAppearance: appearance,
        displayFormat,
        timeFormat: 'HH:mm',
        timeIntervals: 15,
        // Where Payload renders the picker without our component (list filters), Danish rules.
        overrides: { dateFormat: inputFormats(appearance, 'da'), ...dateConventions.da.picker },
      },
      placeholder: dateConventions.da.placeholder[appearance],
      components: { Field: '/components/DateInput#DateInput', ...field.admin?.components },
    },
  }
}
