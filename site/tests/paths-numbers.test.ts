import { describe, expect, it } from 'vitest'

import { comma, formatDateTime, formatList, formatNumber, listSeparators, localizeDigits, useTranslations, type UIKey } from '../src/i18n'
import { localeUrl, reservedSlugs, routes } from '../src/lib/paths'

describe('paths', () => {
  it('pages get the language prefix and a trailing slash; calendar feeds and JSON files keep their name', () => {
    expect(localeUrl('da', routes.home())).toBe('/da/')
    expect(localeUrl('ar', routes.activity('holbaek', 'holbaek-lektiecafe'))).toBe('/ar/afdelinger/holbaek/holbaek-lektiecafe/')
    expect(localeUrl('fa', routes.finderByMunicipality('koebenhavn'))).toBe('/fa/find/kommune/koebenhavn/')
    expect(localeUrl('uk', routes.calendarActivity('holbaek-lektiecafe'))).toBe('/uk/kalender/aktivitet/holbaek-lektiecafe.ics')
    expect(localeUrl('da', routes.calendarAll())).toBe('/da/kalender/alle.ics')
  })

  it('every fixed section is a reserved page slug, so no page can take its address', () => {
    const sample = 'x'
    const fixed = Object.entries(routes)
      .filter(([name]) => name !== 'page' && name !== 'home')
      .map(([, route]) => (route as (...slugs: string[]) => string)(sample, sample).split('/')[0]!)
    for (const section of new Set(fixed)) expect(reservedSlugs, section).toContain(section)
    expect(reservedSlugs).toContain('404')
  })
})

describe('numbers in the reader’s digits', () => {
  it('Persian and Pashto write Eastern Arabic-Indic digits; Arabic, Tigrinya and Danish Latin ones', () => {
    expect(formatNumber('fa', 1234)).toBe('۱٬۲۳۴')
    expect(formatNumber('ps', 12)).toBe('۱۲')
    expect(formatNumber('ar', 12)).toBe('12')
    expect(formatNumber('ti', 12)).toBe('12')
    expect(formatNumber('da', 1234)).toBe('1.234')
  })

  it('text written with ASCII digits is turned into the language’s digits, and left alone in Latin-digit languages', () => {
    expect(localizeDigits('fa', '15:00–17:00')).toBe('۱۵:۰۰–۱۷:۰۰')
    expect(localizeDigits('ps', 'Demovej 40')).toBe('Demovej ۴۰')
    expect(localizeDigits('ar', '15:00')).toBe('15:00')
    expect(localizeDigits('da', '')).toBe('')
  })

  it('UI strings fill in numbers in the reader’s digits and leave unknown placeholders as they are', () => {
    expect(useTranslations('fa')('departments.count', { count: 12 })).toMatch(/^۱۲ /)
    expect(useTranslations('da')('departments.count', { count: 12 })).toBe('12 afdelinger')
    expect(useTranslations('da')('finder.count', { count: 3 })).toBe('Viser 3 af {total} aktiviteter og arrangementer.')
  })

  it('a key missing in Danish is an error, not an empty string', () => {
    expect(() => useTranslations('en')('findes.ikke' as UIKey)).toThrow('Missing UI string "findes.ikke" in da.json')
  })
})

describe('dates', () => {
  it('are tested on a machine clock far from Copenhagen (TZ in vitest.config.ts)', () => {
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(8 * 60)
  })

  it('Danish time whatever the machine’s zone, 24-hour clock', () => {
    expect(formatDateTime('da', '2027-03-29T13:00:00Z', 'time')).toBe('15.00')
    expect(formatDateTime('en', '2027-03-26T14:00:00Z', 'time')).toBe('15:00')
  })

  it('Persian and Pashto use the Gregorian calendar (their default is the solar one) in their own digits', () => {
    for (const lang of ['fa', 'ps'] as const) {
      const date = formatDateTime(lang, '2027-03-29T13:00:00Z', 'date')
      expect(date).toContain('۲۰۲۷')
      expect(date).not.toContain('۱۴۰۶')
      expect(date).not.toMatch(/[0-9]/)
    }
  })
})

describe('lists', () => {
  it('joined the language’s way', () => {
    expect(formatList('da', ['dansk', 'arabisk', 'ukrainsk'])).toBe('dansk, arabisk og ukrainsk')
    expect(formatList('en', ['Danish', 'Arabic'])).toBe('Danish and Arabic')
    expect(formatList('fa', ['الف', 'ب', 'پ'])).not.toContain(',')
  })

  it('separators for lists of links: one fewer than the items', () => {
    expect(listSeparators('da', 3)).toEqual([', ', ' og '])
    expect(listSeparators('da', 2)).toEqual([' og '])
    expect(listSeparators('da', 1)).toEqual([])
    expect(listSeparators('da', 0)).toEqual([])
    expect(listSeparators('fa', 3)).toHaveLength(2)
  })

  it('the comma between a date and its time', () => {
    expect(comma('da')).toBe(', ')
    expect(comma('fa')).toBe('، ')
    expect(comma('ar')).toBe('، ')
    expect(comma('ps')).toBe('، ')
  })
})
