import { defaultLocale, getLocale, isLocaleCode, locales, type LocaleCode } from '../../../core/locales'
import messagesDa from '../../../core/strings/messages/da.json'
import placesDa from '../../../core/strings/places/da.json'
import signupDa from '../../../core/strings/signup/da.json'
import { dateOptions, type SiteDateStyle } from '../../../core/date-text'
import da from './ui/da.json'
import eventsDa from './ui/events/da.json'
import finderDa from './ui/finder/da.json'
import offlineDa from './ui/offline/da.json'
import posterDa from './ui/poster/da.json'
import scheduleDa from './ui/schedule/da.json'
import volunteerDa from './ui/volunteer/da.json'
import { formatNumber, formatter, numberingSystem } from './numbers'

// Strings are split by area (ui/<lang>.json for the shell, ui/<area>/<lang>.json for the
// finder, events, volunteer pages, schedule changes and the offline parts (service worker, saved list) and the posters; the signup forms' strings are in
// core/strings/signup/, as the CMS's signup endpoint and e-mails say the same words); the Danish
// files define the keys.
export type UIKey = keyof typeof da | keyof typeof finderDa | keyof typeof eventsDa | keyof typeof signupDa | keyof typeof placesDa | keyof typeof messagesDa | keyof typeof volunteerDa | keyof typeof scheduleDa | keyof typeof offlineDa | keyof typeof posterDa
type Strings = Record<UIKey, string>

const files = import.meta.glob<Partial<Strings>>(['./ui/*.json', './ui/*/*.json', '../../../core/strings/*/*.json'], { eager: true, import: 'default' })
const strings: Partial<Record<LocaleCode, Partial<Strings>>> = {}
for (const [file, value] of Object.entries(files)) {
  const lang = file.replace(/^.*\/(\w+)\.json$/, '$1') as LocaleCode
  strings[lang] = { ...strings[lang], ...value }
}

for (const locale of locales) {
  if (!strings[locale.code]) throw new Error(`site/src/i18n/ui/${locale.code}.json is missing`)
}

/**
 * `t('department.events')` in the reader's language. A key missing in Danish fails the build;
 * one missing in a translation falls back to Danish (site/tests/strings.test.ts refuses that).
 */
export function useTranslations(lang: LocaleCode) {
  return function t(key: UIKey, params: Record<string, string | number> = {}): string {
    const text = strings[lang]?.[key] ?? strings[defaultLocale]?.[key]
    if (text === undefined) throw new Error(`Missing UI string "${key}" in ${defaultLocale}.json`)
    // Numbers in the reader's digits ("۱۲ نتیجه"), so no caller can forget it.
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      if (!(name in params)) return match
      const value = params[name]
      return typeof value === 'number' ? formatNumber(lang, value) : String(value)
    })
  }
}

/** What `useTranslations` returns: `Astro.locals.t` on every page. */
export type Translate = ReturnType<typeof useTranslations>

/**
 * A page's language: the first segment of its path (`/ar/find/` is Arabic). The few files outside
 * a language prefix (`/`, `/404.html`, `/open-data/…`) are Danish, as their HTML and data are.
 */
export function localeFromPath(pathname: string): LocaleCode {
  const first = pathname.split('/')[1] ?? ''
  return isLocaleCode(first) ? first : defaultLocale
}

export const uiStrings = strings
export { defaultLocale, getLocale, locales, type LocaleCode }

export function dir(lang: LocaleCode) {
  return getLocale(lang).dir
}

/** Dates and times for people in Denmark, in the reader's language. */
export function formatDateTime(lang: LocaleCode, value: string | Date, style: SiteDateStyle = 'dateTime') {
  // Dates people can match with Danish letters and signs: Gregorian calendar, 24-hour clock,
  // also in Persian and Pashto (whose default is the solar calendar). The phone writes the same
  // (core/date-text.ts).
  return formatter(`d:${lang}:${style}`, () => new Intl.DateTimeFormat(lang, dateOptions(numberingSystem(lang), style))).format(new Date(value))
}

export { comma, formatList, formatNumber, formatter, listSeparators, localizeDigits, numberingSystem } from './numbers'
