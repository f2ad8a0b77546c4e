/**
 * Every number and list the site shows goes through here, so each language uses one numbering
 * system (core/locales.ts) everywhere: counts, ages, times, dates and "N results", at build
 * time and in the browser's scripts alike (no JSON strings imported: small enough for a script).
 */
import { getLocale, type LocaleCode } from '../../../core/locales'

export function numberingSystem(lang: LocaleCode) {
  return getLocale(lang).numberingSystem
}

const formatters = new Map<string, unknown>()
/**
 * The formatter for `key` (language, kind, options), made on first use and kept: making an Intl
 * formatter costs a hundred times using it (a fifth of a full build's rendering went to making
 * them). For every Intl formatter the site uses at build time.
 */
export function formatter<T>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined
  if (!made) formatters.set(key, (made = make()))
  return made
}

export function formatNumber(lang: LocaleCode, value: number, options: Intl.NumberFormatOptions = {}) {
  return formatter(`n:${lang}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(lang, { ...options, numberingSystem: numberingSystem(lang) })).format(value)
}

const digitTables = new Map<string, string[]>()
/** The ten digits of the language's numbering system, 0 to 9. */
function digitsOf(lang: LocaleCode) {
  const system = numberingSystem(lang)
  let digits = digitTables.get(system)
  if (!digits) {
    const format = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false })
    digits = Array.from({ length: 10 }, (_, digit) => format.format(digit))
    digitTables.set(system, digits)
  }
  return digits
}

/**
 * ASCII digits in text that was written with them ("15:00–17:00", a postcode in a sentence) in
 * the language's digits. Not for addresses, phone numbers or URLs: those are kept as written,
 * because they are copied into a map, a phone or a browser, which expect them that way.
 */
export function localizeDigits(lang: LocaleCode, text: string) {
  if (numberingSystem(lang) === 'latn') return text
  const digits = digitsOf(lang)
  return text.replace(/[0-9]/g, (digit) => digits[Number(digit)]!)
}

/** "a, b og c" / "a، b، و c": the language's own separators and conjunction. */
export function formatList(lang: LocaleCode, items: string[], type: Intl.ListFormatType = 'conjunction') {
  return formatter(`l:${lang}:${type}`, () => new Intl.ListFormat(lang, { type })).format(items)
}

/**
 * What goes between the items of a list the language's way, for lists of links or other markup
 * that cannot be one string: `separators[i]` comes after item i ("، ", "، و ", " og ").
 */
export function listSeparators(lang: LocaleCode, count: number, type: Intl.ListFormatType = 'conjunction') {
  const placeholders = Array.from({ length: count }, (_, index) => `\u0000${index}\u0000`)
  const separators: string[] = []
  let pending = ''
  for (const part of formatter(`l:${lang}:${type}`, () => new Intl.ListFormat(lang, { type })).formatToParts(placeholders)) {
    if (part.type === 'literal') pending += part.value
    else if (separators.length < placeholders.indexOf(part.value)) {
      separators.push(pending)
      pending = ''
    } else pending = ''
  }
  return separators
}

/**
 * The language's comma, for two things side by side that are not a list with "and" (a date and
 * its time). Arabic-script languages write "،" (CLDR's Pashto and Arabic list data do not always
 * give it outside "a, b and c"), others what their list format puts between the first items.
 */
export function comma(lang: LocaleCode) {
  if (getLocale(lang).script === 'arabic') return '، '
  return listSeparators(lang, 3)[0] ?? ', '
}
