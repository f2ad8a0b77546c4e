/**
 * The one list of content locales, read by the CMS (Payload localization) and the site
 * (routes, <html lang dir>, language switcher). Adding a locale is one line here plus a UI
 * strings file in site/src/i18n/ui/<code>.json.
 */
export type Direction = 'ltr' | 'rtl'

export interface LocaleDefinition {
  /** BCP 47 code, used in URLs (/da/, /ar/) and as Payload's locale code. */
  code: string
  /** The language's name in its own language, for the language switcher. */
  label: string
  /** The language's name in Danish, for the admin UI. */
  labelDa: string
  dir: Direction
  /** Script that needs a font most systems lack; the site loads it only on these locales. */
  script?: 'arabic' | 'ethiopic'
  /**
   * The digits every number on the site is written with (Unicode/CLDR numbering system id):
   * one system per language, so a page never mixes "12" and "۱۲". Persian and Pashto readers
   * write and read Eastern Arabic-Indic digits (arabext). Arabic uses Latin digits: it is CLDR's
   * current default for "ar" (what an Arabic-language phone's browser shows), Arabic readers
   * across the Maghreb and the Gulf read them every day, and everything an Arabic speaker in
   * Denmark matches a page against (postcodes, bus numbers, clocks, phone numbers) is written with them.
   * Tigrinya uses Latin digits too: Ethiopic numerals are not positional (no zero) and not used for clocks or counts.
   */
  numberingSystem: 'latn' | 'arabext' | 'arab'
}

export const locales = [
  { code: 'da', label: 'Dansk', labelDa: 'Dansk', dir: 'ltr', numberingSystem: 'latn' },
  { code: 'en', label: 'English', labelDa: 'Engelsk', dir: 'ltr', numberingSystem: 'latn' },
  { code: 'uk', label: 'Українська', labelDa: 'Ukrainsk', dir: 'ltr', numberingSystem: 'latn' },
  { code: 'ar', label: 'العربية', labelDa: 'Arabisk', dir: 'rtl', script: 'arabic', numberingSystem: 'latn' },
  { code: 'fa', label: 'فارسی', labelDa: 'Persisk (farsi/dari)', dir: 'rtl', script: 'arabic', numberingSystem: 'arabext' },
  { code: 'ps', label: 'پښتو', labelDa: 'Pashto', dir: 'rtl', script: 'arabic', numberingSystem: 'arabext' },
  { code: 'ti', label: 'ትግርኛ', labelDa: 'Tigrinya', dir: 'ltr', script: 'ethiopic', numberingSystem: 'latn' },
  { code: 'so', label: 'Soomaali', labelDa: 'Somali', dir: 'ltr', numberingSystem: 'latn' },
] as const satisfies readonly LocaleDefinition[]

export type LocaleCode = (typeof locales)[number]['code']

/** Danish is the original language of all content and the fallback for every other locale. */
export const defaultLocale: LocaleCode = 'da'

export const localeCodes = locales.map((locale) => locale.code) as LocaleCode[]

export function isLocaleCode(value: string): value is LocaleCode {
  return (localeCodes as string[]).includes(value)
}

export function getLocale(code: LocaleCode): LocaleDefinition {
  const locale = locales.find((candidate) => candidate.code === code)
  if (!locale) throw new Error(`Unknown locale: ${code}`)
  return locale
}
