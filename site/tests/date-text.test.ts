import vm from 'node:vm'

import { describe, expect, it } from 'vitest'

import { dateTextOf, writeDate, type DateText } from '../../core/date-text'
import { formatDateTime, locales } from '../src/i18n'
import { GET as serviceWorker } from '../src/pages/sw.js'

// Moments across a year: both sides of the clock changes, single-digit days, midnight, every month.
const moments = [
  '2027-01-01T00:00:00Z',
  '2027-03-28T00:59:00Z',
  '2027-03-28T01:00:00Z',
  '2027-05-09T22:30:00Z',
  '2027-07-14T06:05:00Z',
  '2027-10-31T00:30:00Z',
  '2027-10-31T01:30:00Z',
  '2027-12-24T16:45:00Z',
  ...Array.from({ length: 12 }, (_, month) => `2028-${String(month + 1).padStart(2, '0')}-0${(month % 9) + 1}T${String((month * 5) % 24).padStart(2, '0')}:1${month % 10}:00Z`),
].map((text) => Date.parse(text))

describe('dates written on the phone (core/date-text.ts) as the site writes them', () => {
  for (const { code, numberingSystem } of locales) {
    it(`in ${code}: the same text for every moment, in every style`, () => {
      const text = dateTextOf(code, numberingSystem)
      for (const moment of moments) {
        for (const style of ['date', 'time', 'dateTime'] as const) {
          expect(writeDate(text, moment, style), `${code} ${new Date(moment).toISOString()} ${style}`).toBe(formatDateTime(code, new Date(moment), style))
        }
      }
    })
  }

  it('the service worker writes its note’s date as 2026-12-08 15:04 in each language’s digits, on Copenhagen’s clock', async () => {
    const source = await (await serviceWorker({} as Parameters<typeof serviceWorker>[0])).text()
    // The worker's script, run as a browser would: its listeners are not called here.
    const context = vm.createContext({ self: { addEventListener: () => {} }, location: { origin: 'https://example.org' }, Intl, Date, URL, Headers, Response })
    vm.runInContext(`${source}\nglobalThis.datesOfWorker = DATES`, context)
    // What the worker writes with its tables is what the site writes.
    const dates = context.datesOfWorker as Record<string, Pick<DateText, 'numeric' | 'digits'>>
    expect(Object.keys(dates)).toEqual(locales.map(({ code }) => code))
    for (const { code } of locales) {
      const digits = new Intl.NumberFormat('en', { numberingSystem: locales.find((locale) => locale.code === code)!.numberingSystem, useGrouping: false })
      for (const moment of moments) {
        // Copenhagen's clock read by Intl, independently of core/time.ts.
        const wall = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(moment).map((part) => [part.type, part.value]))
        const expected = `${wall.year}-${wall.month}-${wall.day} ${wall.hour}:${wall.minute}`.replace(/\d/g, (digit) => digits.format(Number(digit)))
        expect(writeDate(dates[code]!, moment, 'numeric'), `${code} ${new Date(moment).toISOString()}`).toBe(expected)
      }
    }
  })
})
