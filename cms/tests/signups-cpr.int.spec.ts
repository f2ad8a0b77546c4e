import { describe, expect, it } from 'vitest'

import { containsCprNumber, emailContainsCprNumber, phoneContainsCprNumber } from '../src/signups/cpr'
import { normalizePhone } from '../src/signups/schema'
import { cprCorpus, decimalZeros, ordinaryTexts, separatorClasses } from '../../e2e/fixtures/cpr-corpus'

/**
 * The CPR filter against a generated corpus: every separator class (and runs of them) × every
 * script's decimal digits (all \p{Nd} blocks, found by scanning Unicode, not a hand list) × both
 * year forms × with and without format characters, and look-alike letters. Then ordinary texts a
 * person writes (Danish phone numbers, dates, times, addresses, prices) that must pass.
 */
describe('the generated corpus covers Unicode', () => {
  it('finds every decimal digit block (Arabic-Indic, Persian, Devanagari, Ethiopic has none, full-width, Adlam …)', () => {
    const zeros = decimalZeros()
    expect(zeros).toEqual(expect.arrayContaining([0x30, 0x660, 0x6f0, 0x966, 0xff10, 0x1e950]))
    expect(zeros.length).toBeGreaterThan(60)
    expect(separatorClasses.length).toBeGreaterThanOrEqual(8)
  })
})

describe('every CPR-shaped text in the corpus is refused', () => {
  for (const zero of decimalZeros()) {
    it(`digits from U+${zero.toString(16).toUpperCase().padStart(4, '0')}`, () => {
      const missed = cprCorpus({ zero }).filter(({ text }) => !containsCprNumber(text))
      expect(missed.map(({ label }) => label)).toEqual([])
    })
  }
  it('look-alike letters for digits', () => {
    const missed = cprCorpus({ zero: 0x30, lookAlikes: true }).filter(({ text }) => !containsCprNumber(text))
    expect(missed.map(({ label }) => label)).toEqual([])
  })
  it('in an e-mail address’s local part', () => {
    for (const local of ['0101901234', 'jens.010190-1234', 'jens_01011990_1234', '010190.1234', 'O1O19O1234', '01.01.90.10.34', '01+01+90+1034']) {
      expect(emailContainsCprNumber(`${local}@example.org`), local).toBe(true)
    }
    expect(emailContainsCprNumber('jens.jensen1990@example.org')).toBe(false)
    expect(emailContainsCprNumber('jens@0101901234.dk')).toBe(false)
  })
  it('in a phone number, typed and normalised', () => {
    for (const typed of ['010190-1234', '01 01 90 12 34', '+46 010190 1234', '0046 0101901234', '+1 01011990 1234']) {
      expect(phoneContainsCprNumber(typed, normalizePhone(typed)), typed).toBe(true)
    }
  })
})

describe('ordinary texts are not refused', () => {
  for (const text of ordinaryTexts) it(`allows "${text}"`, () => expect(containsCprNumber(text)).toBe(false))
  for (const phone of ['12 34 56 78', '+45 12 34 56 78', '0045 2012 1990', '+45 20121990', '+46 70-123 45 67', '+49 151 1234 5678', '+49 1511234567', '+964 770 123 4567']) {
    it(`allows the phone number "${phone}"`, () => expect(phoneContainsCprNumber(phone, normalizePhone(phone))).toBe(false))
  }
})
