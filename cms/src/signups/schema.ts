import { z } from 'zod'

import { consentVersion } from '../../../core/consent'
import { localeCodes, type LocaleCode } from '../../../core/locales'
import { signupKinds, signupTargetPattern, targetTypeOf, targetTypesOf } from '../../../core/signups'
import { containsCprNumber, emailContainsCprNumber, normalizeDigits, phoneContainsCprNumber } from './cpr'
import type { SignupKey } from './strings'

/** The form's field names: anything else is refused. */
export const formFields = ['kind', 'target', 'name', 'email', 'phone', 'language', 'message', 'consent', 'consentVersion', 'website', 'startedAt', 'challenge', 'proof'] as const
export type FormField = (typeof formFields)[number]

/**
 * First gate: the body is a flat object of short strings with only our field names. Anything
 * else (unknown or prototype keys, nested objects, arrays, numbers where text belongs) is not
 * our form at all and is answered 400, before any rule about the content.
 */
const text = (max: number) => z.string().max(max)
export const envelopeSchema = z.strictObject({
  kind: text(20).optional(),
  target: text(200).optional(),
  // Longer than allowed, but still a form a person filled in: the field rules explain the limit.
  name: text(2_000).optional(),
  email: text(1_000).optional(),
  phone: text(200).optional(),
  language: text(10).optional(),
  message: text(16_384).optional(),
  consent: text(20).optional(),
  consentVersion: text(100).optional(),
  website: text(2_000).optional(),
  // Pages built before the fill timer was removed still send when they loaded: accepted, not used
  // (a person who autofills and sends at once was taken for a bot and lost the signup).
  startedAt: z.union([z.literal(''), z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).optional(),
  // A solved challenge, when a signup ceiling was reached (challenge.ts).
  challenge: text(1_000).optional(),
  proof: text(100).optional(),
})
export type Envelope = z.infer<typeof envelopeSchema>

/** Keys that could reach an object's prototype if anything ever merged the body into one. */
export const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * "12 34 56 78", "+45 12345678", "0045 1234 5678", "+46 70-123 45 67" → E.164 ("+4512345678").
 * Digits in the person's own script ("٢٠ ١٢ ١٩ ٩٠") and full-width forms count as digits.
 */
export function normalizePhone(value: string): string | undefined {
  const compact = normalizeDigits(value)
    .replace(/[\s\p{Pd}().]/gu, '')
    .replace(/^00/, '+')
  if (/^\d{8}$/.test(compact)) return `+45${compact}`
  if (/^\+45\d{8}$/.test(compact)) return compact
  if (/^\+[1-9]\d{6,14}$/.test(compact) && !compact.startsWith('+45')) return compact
  return undefined
}

/**
 * Characters that do not belong in a one-line field: C0 and C1 controls (CR/LF would forge lines
 * in the department's plain-text e-mail), line and paragraph separators, and the bidi overrides
 * and isolates that make a name display as something else.
 */
const notOnOneLine = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u
export const isSingleLine = (value: string) => !notOnOneLine.test(value)

/**
 * A message keeps its line breaks (as \n) and loses every other control character; tabs become
 * spaces; bidi overrides and isolates go (they could make the text display as something else).
 */
export function normalizeMessage(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]|(?!\n)\p{Cc}/gu, '')
}

// Each rule's message is the UI string key for its error (signup.error.<message>).
const error = (key: string) => ({ error: key })
export const signupSchema = z.object({
  kind: z.enum(signupKinds, error('target')),
  target: z.string().regex(signupTargetPattern, 'target'),
  name: z
    .string(error('name'))
    .refine(isSingleLine, 'characters')
    .trim()
    .min(1, 'name')
    .max(100, 'name')
    .refine((name) => !containsCprNumber(name), 'cpr'),
  email: z
    .string()
    .optional()
    .refine((email) => email === undefined || isSingleLine(email), 'characters')
    .transform((value) => value?.trim() || undefined)
    .pipe(
      z
        .email('email')
        .max(254, 'email')
        .transform((email) => email.toLowerCase())
        .refine((email) => !emailContainsCprNumber(email), 'cpr')
        .optional(),
    ),
  phone: z
    .string()
    .optional()
    .refine((phone) => phone === undefined || isSingleLine(phone), 'characters')
    .transform((value) => value?.trim() || undefined)
    .transform((phone, context) => {
      if (phone === undefined) return undefined
      const normalized = normalizePhone(phone)
      // A CPR number is refused as one, also when it is not a valid phone number either.
      if (phoneContainsCprNumber(phone, normalized)) context.addIssue({ code: 'custom', message: 'cpr' })
      else if (!normalized) context.addIssue({ code: 'custom', message: 'phone' })
      return normalized
    }),
  language: z.enum(localeCodes as [LocaleCode, ...LocaleCode[]], error('malformed')),
  message: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : normalizeMessage(value).trim() || undefined))
    .pipe(
      z
        .string()
        .max(1_000, 'message')
        .refine((message) => !containsCprNumber(message), 'cpr')
        .optional(),
    ),
  consent: z.literal('yes', error('consent')),
  consentVersion: z.literal(consentVersion, error('consentVersion')),
})

export type Signup = z.infer<typeof signupSchema>

/** The field a person sees an error next to, and the UI string that explains it. */
export type FieldErrors = Partial<Record<FormField | 'contact', SignupKey>>

export type Validation = { ok: true; signup: Signup } | { ok: false; errors: FieldErrors }

/** The field rules, all at once, so a person sees every error in one go. */
export function validateSignup(envelope: Envelope): Validation {
  const result = signupSchema.safeParse(envelope)
  const errors: FieldErrors = {}
  const add = (field: FormField | 'contact', message: string) => {
    // consentVersion is a hidden field: the person acts on the consent checkbox.
    const at = field === 'consentVersion' ? 'consent' : field
    errors[at] ??= `signup.error.${message}` as SignupKey
  }
  for (const issue of result.error?.issues ?? []) add(String(issue.path[0] ?? 'target') as FormField, issue.message)
  // Rules across fields run even when a single field failed.
  if (!envelope.email?.trim() && !envelope.phone?.trim()) {
    delete errors.email
    delete errors.phone
    add('contact', 'contact')
  }
  const type = targetTypeOf(envelope.target)
  const allowed: readonly string[] = targetTypesOf[envelope.kind === 'volunteer' ? 'volunteer' : 'participant']
  if (type && !allowed.includes(type)) add('target', 'target')
  if (result.success && Object.keys(errors).length === 0) return { ok: true, signup: result.data }
  return { ok: false, errors }
}
