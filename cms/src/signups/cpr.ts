import type { EmailField, PayloadRequest, TextareaField, TextField, Validate } from 'payload'
import { email as emailValidation, text, textarea } from 'payload/shared'

import { ours } from '../lib/translations'

/**
 * We must never store a CPR number (the Danish personal identity number, ddmmyy-xxxx), so free
 * text that contains something shaped like one is refused before anything is stored.
 *
 * People (and people trying to get around a filter) write one in many ways: digits of their own
 * script, full-width forms, zero-width characters between digits, any kind of space or dash,
 * several separators in a row, a four-digit year, letters that look like digits. So the text is
 * first brought to one form (normalize), and then a few digit-group shapes are looked for.
 */

/** Decimal digits (\p{Nd}) come in runs of ten from 0 to 9 (a Unicode stability guarantee). */
const decimal = /\p{Nd}/u
const digitValues = new Map<number, string>()
function asciiDigit(codePoint: number): string {
  let value = digitValues.get(codePoint)
  if (value === undefined) {
    let zero = codePoint
    while (zero > 0 && decimal.test(String.fromCodePoint(zero - 1))) zero--
    // Some scripts' digit sets follow each other directly (e.g. mathematical digits): mod 10.
    value = String((codePoint - zero) % 10)
    digitValues.set(codePoint, value)
  }
  return value
}

/**
 * Letters and symbols that pass for digits. NFKC has already folded full-width and mathematical
 * forms; Greek and Cyrillic capitals and small o look the same as Latin ones. Lower-case letters
 * other than o and l are left out: they are too common in words to be read as digits.
 */
const lookAlikes: Record<string, string> = {
  O: '0', o: '0', Ο: '0', ο: '0', О: '0', о: '0', '°': '0',
  I: '1', l: '1', '|': '1', ǀ: '1', Ι: '1', І: '1', Ӏ: '1', ӏ: '1', ı: '1', '¦': '1',
  Z: '2', S: '5', B: '8',
}
const lookAlikeClass = Object.keys(lookAlikes).join('').replace(/[|\\\]^-]/g, '\\$&')
/**
 * A "word": letters, digits and the look-alike symbols together. A look-alike is read as a digit
 * only in a word made of nothing but digits and look-alikes ("O1O19O", "lO"), never inside an
 * ordinary word ("Oslo", "Ali").
 */
const word = new RegExp(`[\\p{L}\\p{M}\\p{Nd}${lookAlikeClass}]+`, 'gu')
const onlyDigitsAndLookAlikes = new RegExp(`^[0-9${lookAlikeClass}]+$`, 'u')

/** NFKC, without format characters (zero-width and bidi controls), every decimal digit as ASCII. */
export function normalizeDigits(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\p{Nd}/gu, (digit) => (digit >= '0' && digit <= '9' ? digit : asciiDigit(digit.codePointAt(0)!)))
}

function withLookAlikesAsDigits(value: string): string {
  return value.replace(word, (token) => (onlyDigitsAndLookAlikes.test(token) && !/^\d+$/.test(token) ? token.replace(/./gu, (char) => lookAlikes[char] ?? char) : token))
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
function isDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0)
}

/**
 * What may stand between the digit groups, one to four of them: any space (NBSP, thin space,
 * ideographic space, tab), any dash or hyphen, connector punctuation (underscore), other
 * punctuation (dots, commas, slashes, middle dots, colons), brackets, maths symbols (minus,
 * fraction slash). Inside the last four digits ("12 34") only spaces and dashes: "10.30" is a time.
 */
const separator = '[\\s\\p{Z}\\p{Pd}\\p{Pc}\\p{Po}\\p{Ps}\\p{Pe}\\p{Sm}]'
const gap = `${separator}{0,4}`
const innerGap = '[\\s\\p{Z}\\p{Pd}]{1,2}'
// Split in two, it must not be followed by more digits ("20 12 19 90 30 40" is two phone numbers).
const serial = `(\\d{4}(?!\\d)|\\d{2}${innerGap}\\d{2}(?!${separator}*\\d))`
/** ddmmyy or ddmmyyyy, then four digits; each shape on its own so one cannot hide another. */
const shapes = [
  new RegExp(`(?<!\\d)(\\d{2})(${gap})(\\d{2})(${gap})(\\d{2})(${gap})${serial}`, 'gu'),
  new RegExp(`(?<!\\d)(\\d{2})(${gap})(\\d{2})(${gap})(\\d{4})(${gap})${serial}`, 'gu'),
]

function hasCprShape(normalized: string, original: string): boolean {
  for (const shape of shapes) {
    shape.lastIndex = 0
    for (let match = shape.exec(normalized); match; match = shape.exec(normalized)) {
      // Try every start, not only after the previous match: a decoy must not hide a number.
      shape.lastIndex = match.index + 1
      const [whole, day, dayGap, month, monthGap, year, yearGap, serialDigits] = match as unknown as string[]
      // A split serial right after the year ("10-07-2027 10.30") is a year and a time.
      if (!yearGap && serialDigits!.length > 4) continue
      // A run of look-alike letters with no digit at all is a word, not a number.
      if (!/\d/.test(original.slice(match.index, match.index + whole!.length))) continue
      const date = isDayMonth(Number(day), Number(month))
      if (year!.length === 4) {
        if (date && /^(18|19|20)/.test(year!)) return true
        continue
      }
      if (date) return true
      // 6 digits, a dash and 4 digits is always the CPR form, even when the date is not a date.
      if (!dayGap && !monthGap && /\p{Pd}/u.test(yearGap!) && !/[^\s\p{Z}\p{Pd}]/u.test(yearGap!)) return true
    }
  }
  return false
}

export function containsCprNumber(value: string): boolean {
  const normalized = normalizeDigits(value)
  // Look-alikes read as digits, and as they are ("|" may also be a separator).
  return hasCprShape(withLookAlikesAsDigits(normalized), normalized) || hasCprShape(normalized, normalized)
}

/** The part of an e-mail address before the @ (a number there is as much a CPR number). */
export function emailContainsCprNumber(address: string): boolean {
  const at = address.lastIndexOf('@')
  const local = at < 0 ? address : address.slice(0, at)
  // "01.01.90.10.34": dots, plus signs and the like are separators here (no times in an address).
  return containsCprNumber(local) || containsCprNumber(local.replace(/[^\p{L}\p{N}]+/gu, ' '))
}

/**
 * A phone number as typed and as normalised (E.164, "+4512345678", undefined when it is not a
 * phone number). A Danish number has 8 digits and cannot hold one. Typed text that is no phone
 * number is looked at as text ("010190-1234" in the phone field). A foreign number is looked at
 * after its country code (one to three digits): a national part that starts with 0 and is a CPR
 * number counts ("+46 010190 1234"); in E.164 a real one never starts with 0 (the trunk 0 is
 * dropped), while some real mobile numbers do look like a date ("+49 1511234567"), so those pass.
 */
export function phoneContainsCprNumber(typed: string, normalized: string | undefined): boolean {
  if (normalized === undefined) return containsCprNumber(typed)
  const digits = normalizeDigits(normalized).replace(/^\+/, '')
  if (!/^\d+$/.test(digits)) return containsCprNumber(normalized)
  for (const countryCode of [1, 2, 3]) {
    const national = digits.slice(countryCode)
    if (national.startsWith('0') && (national.length === 10 || national.length === 12) && containsCprNumber(national)) return true
  }
  return false
}

const cprMessage = (req: PayloadRequest) => ours(req.t)('invalid:cprNumber')

/**
 * Field validation for every free-text field on personal data, also when an admin edits it.
 * Payload's own checks for the field (required, max length) run first.
 */
export const noCprNumber: Validate<string, unknown, unknown, TextField | TextareaField> = (value, options) => {
  const standard = options.type === 'textarea' ? textarea(value, options as Parameters<typeof textarea>[1]) : text(value, options as Parameters<typeof text>[1])
  if (standard !== true) return standard
  return !value || !containsCprNumber(value) || cprMessage(options.req)
}

/** The same for a stored (normalised) phone number. */
export const noCprNumberInPhone: Validate<string, unknown, unknown, TextField> = (value, options) => {
  const standard = text(value, options as Parameters<typeof text>[1])
  if (standard !== true) return standard
  return !value || !phoneContainsCprNumber(value, value) || cprMessage(options.req)
}

/** The same for an e-mail address's local part. */
export const noCprNumberInEmail: Validate<string, unknown, unknown, EmailField> = (value, options) => {
  const standard = emailValidation(value, options as Parameters<typeof emailValidation>[1])
  if (standard !== true) return standard
  return !value || !emailContainsCprNumber(value) || cprMessage(options.req)
}

/** E-mail addresses are stored in lower case, so export and erase find every record of a person. */
export function lowercase({ value }: { value?: unknown }): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value
}
