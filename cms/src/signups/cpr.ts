import type { TextareaField, TextField, Validate } from 'payload'
import { text, textarea } from 'payload/shared'

/**
 * We must never store a CPR number (the Danish personal identity number, ddmmyy-xxxx), so free
 * text that contains something shaped like one is refused before anything is stored.
 */

// People type digits in their own script: Arabic-Indic, Persian and full-width digits count too.
const digitBlocks = [0x0660, 0x06f0, 0xff10]
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => {
    const code = digit.charCodeAt(0)
    const zero = digitBlocks.find((start) => code >= start && code <= start + 9) ?? code
    return String(code - zero)
  })
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
function isDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0)
}

/**
 * 6 digits, then a dash and 4 digits (always CPR-shaped), or other separators or none and 4
 * digits (when the first 6 are a date). People also write "01 01 90 1234", "010190 - 1234" or
 * "01.01.90-1234": a few spaces, dots, slashes or dashes may sit between the groups.
 */
const separator = '[\\s./\\-‐‑–—]'
const candidate = new RegExp(`(?<!\\d)(\\d{2})${separator}{0,2}(\\d{2})${separator}{0,2}(\\d{2})(${separator}{0,3})(\\d{4})(?!\\d)`, 'g')

export function containsCprNumber(text: string): boolean {
  const normalized = asciiDigits(text)
  for (const match of normalized.matchAll(candidate)) {
    const [, day, month, , separator] = match
    if (separator && /[-‐‑–—]/.test(separator) && !/[./]/.test(separator)) return true
    if (isDayMonth(Number(day), Number(month))) return true
  }
  return false
}

/**
 * Field validation for every free-text field on personal data, also when an admin edits it.
 * Payload's own checks for the field (required, max length) run first.
 */
export const noCprNumber: Validate<string, unknown, unknown, TextField | TextareaField> = (value, options) => {
  const standard = options.type === 'textarea' ? textarea(value, options as Parameters<typeof textarea>[1]) : text(value, options as Parameters<typeof text>[1])
  if (standard !== true) return standard
  return !value || !containsCprNumber(value) || 'Feltet ser ud til at indeholde et CPR-nummer. Det må aldrig gemmes her.'
}

/** E-mail addresses are stored in lower case, so export and erase find every record of a person. */
export function lowercase({ value }: { value?: unknown }): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value
}
