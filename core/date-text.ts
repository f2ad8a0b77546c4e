/**
 * Dates written on the reader's phone exactly as the site writes them at build time. The site
 * formats with Node's full ICU data (site/src/i18n formatDateTime); a phone's browser carries less:
 * Chromium has no Tigrinya, and writes "Tuesday, December 8" on a Tigrinya page. So the build
 * reads each language's way of writing a date once (`dateTextOf`: the pattern, the weekday and
 * month names as they stand in a date, the digits) and the phone fills it in (`writeDate`), with
 * only the Copenhagen wall clock from the browser. site/tests/date-text.test.ts holds the two to
 * the same text in every language.
 *
 * Imports only ./time.ts (the phone's bundle stays small).
 */
import { copenhagenInstant, timeZone, wallAt } from './time'

/** The site's three ways of writing a moment. */
export type SiteDateStyle = 'date' | 'time' | 'dateTime'
/**
 * And `numeric`: "2026-12-02 19:52" in the language's digits, the same order in every language
 * (the offline note of the service worker, which carries no names; CLDR's short dates are
 * day-first in some languages and month-first in others).
 */
export type DateStyle = SiteDateStyle | 'numeric'

/** How one language writes a date: the patterns hold `{weekday}`, `{day}`, `{month}`, `{year}`, `{hour}`, `{minute}`. */
export interface DateText {
  date: string
  time: string
  dateTime: string
  numeric: string
  /** Monday first. */
  weekdays: string[]
  months: string[]
  /** The language's digits, 0 to 9. */
  digits: string
  /** Whether the day of the month is written with two digits ("05"). */
  padDay: boolean
}

const styles: Record<SiteDateStyle, Intl.DateTimeFormatOptions> = {
  date: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
  dateTime: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
}

/** The options the site formats every date with (site/src/i18n formatDateTime). */
export const dateOptions = (numberingSystem: string, style: SiteDateStyle): Intl.DateTimeFormatOptions => ({
  timeZone,
  calendar: 'gregory',
  hourCycle: 'h23',
  numberingSystem,
  ...styles[style],
})

/** At build time (full ICU): how `lang` writes dates in `numberingSystem`'s digits. */
export function dateTextOf(lang: string, numberingSystem: string): DateText {
  const parts = (style: SiteDateStyle, instant: Date) => new Intl.DateTimeFormat(lang, dateOptions(numberingSystem, style)).formatToParts(instant)
  // Monday 5 January 2026, 13:45 in Copenhagen: every field tells apart from the others.
  const at = (month: number, day: number) => copenhagenInstant({ year: 2026, month, day, hour: 13, minute: 45, second: 0 })
  const pattern = (style: SiteDateStyle) =>
    parts(style, at(1, 5))
      // V8's format() writes a plain space where formatToParts gives U+202F (Ukrainian "2027 р.").
      .map((part) => (part.type === 'literal' ? part.value.replace(/\u202f/g, ' ') : `{${part.type}}`))
      .join('')
  const field = (type: Intl.DateTimeFormatPartTypes, instant: Date) => parts('date', instant).find((part) => part.type === type)?.value ?? ''
  const digits = new Intl.NumberFormat('en', { numberingSystem, useGrouping: false })
  return {
    date: pattern('date'),
    time: pattern('time'),
    dateTime: pattern('dateTime'),
    numeric: '{year}-{month}-{day} {hour}:{minute}',
    weekdays: Array.from({ length: 7 }, (_, index) => field('weekday', at(1, 5 + index))),
    months: Array.from({ length: 12 }, (_, index) => field('month', at(index + 1, 15))),
    digits: Array.from({ length: 10 }, (_, digit) => digits.format(digit)).join(''),
    padDay: field('day', at(1, 5)).length === 2,
  }
}

/** On the phone: `instant` (ms) as the site writes it in the language `text` describes (for `numeric`, its pattern and digits suffice). */
export function writeDate(text: Partial<DateText> & Pick<DateText, 'digits'>, instant: number, style: DateStyle): string {
  const wall = wallAt(new Date(instant))
  const numeric = style === 'numeric'
  const number = (value: number, pad?: boolean) => String(value).padStart(pad ? 2 : 1, '0').replace(/\d/g, (digit) => text.digits[Number(digit)]!)
  const values: Record<string, string | undefined> = {
    weekday: text.weekdays?.[(new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7],
    day: number(wall.day, numeric || text.padDay),
    month: numeric ? number(wall.month, true) : text.months?.[wall.month - 1],
    year: number(wall.year),
    hour: number(wall.hour, true),
    minute: number(wall.minute, true),
  }
  return (text[style] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}
