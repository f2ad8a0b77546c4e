import { z } from 'zod'

import { consentVersion } from '../../../core/consent'
import { localeCodes, type LocaleCode } from '../../../core/locales'
import { companionAgeGroups, companionRows, type CompanionAgeGroup, maxParticipants, signupKinds, signupTargetPattern, targetTypeOf, targetTypesOf } from '../../../core/signups'
import { containsCprNumber, emailContainsCprNumber, normalizeDigits, phoneContainsCprNumber } from './cpr'
import type { SignupKey } from './strings'

/** The rows for those who come along: `companion1Name`, `companion1Age`, … (core/signups.ts). */
type CompanionField = `companion${number}Name` | `companion${number}Age`
const companionFields = companionRows.flatMap((row) => [`companion${row}Name`, `companion${row}Age`] as CompanionField[])

/** The form's field names: anything else is refused. */
export const formFields = [
  'kind',
  'target',
  'name',
  'email',
  'phone',
  'language',
  'message',
  'participants',
  ...companionFields,
  'consent',
  'consentVersion',
  'website',
  'startedAt',
  'challenge',
  'proof',
] as const
export type FormField = 'kind' | 'target' | 'name' | 'email' | 'phone' | 'language' | 'message' | 'participants' | CompanionField | 'consent' | 'consentVersion' | 'website' | 'startedAt' | 'challenge' | 'proof'

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
  // How many they are (the form's select sends text; a script may send a number).
  participants: z.union([text(20), z.number()]).optional(),
  // The fixed rows for those who come along; empty ones are ignored (companionsOf).
  ...Object.fromEntries(companionFields.map((field) => [field, text(field.endsWith('Name') ? 2_000 : 20).optional()])),
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
export type Envelope = z.infer<typeof envelopeSchema> & Partial<Record<CompanionField, string>>

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

export interface Companion {
  firstName?: string
  ageGroup?: CompanionAgeGroup
}
export type Signup = z.infer<typeof signupSchema> & { participants: number; companions: Companion[] }

/** The field a person sees an error next to, and the UI string that explains it. */
export type FieldErrors = Partial<Record<FormField | 'contact' | 'companions', SignupKey>>

/**
 * How many they are: 1 to 10 (core/signups.ts). A form from before the question was asked sends
 * none, and a volunteer comes alone: 1.
 */
function participantsOf(envelope: Envelope): number | undefined {
  const value = envelope.participants
  if (value === undefined || value === '' || envelope.kind === 'volunteer') return 1
  const count = typeof value === 'number' ? value : /^\s*\d{1,2}\s*$/.test(normalizeDigits(value)) ? Number(normalizeDigits(value)) : NaN
  return Number.isInteger(count) && count >= 1 && count <= maxParticipants ? count : undefined
}

/**
 * Those who come along, from the form's filled rows (a row with neither a name nor an age group is
 * empty and ignored). A first name is personal free text like the message: one line, short, and
 * never a CPR number.
 */
function companionsOf(envelope: Envelope, add: (field: FormField | 'companions', key: SignupKey) => void): Companion[] {
  if (envelope.kind === 'volunteer') return []
  const companions: Companion[] = []
  for (const row of companionRows) {
    const rawName = envelope[`companion${row}Name`] ?? ''
    const rawAge = (envelope[`companion${row}Age`] ?? '').trim()
    const name = rawName.trim()
    if (!name && !rawAge) continue
    const companion: Companion = {}
    if (name) {
      if (!isSingleLine(rawName)) add(`companion${row}Name`, 'signup.error.characters')
      else if (containsCprNumber(name)) add(`companion${row}Name`, 'signup.error.cpr')
      else if (name.length > 100) add(`companion${row}Name`, 'places.error.companionName')
      else companion.firstName = name
    }
    if (rawAge) {
      if ((companionAgeGroups as readonly string[]).includes(rawAge)) companion.ageGroup = rawAge as CompanionAgeGroup
      else add(`companion${row}Age`, 'signup.error.malformed')
    }
    companions.push(companion)
  }
  return companions
}

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
  const participants = participantsOf(envelope)
  if (participants === undefined) errors.participants ??= 'places.error.participants'
  const companions = companionsOf(envelope, (field, key) => (errors[field] ??= key))
  // The person is one of them: at most participants - 1 come along.
  if (participants !== undefined && companions.length > participants - 1) errors.companions ??= 'places.error.companions'
  if (result.success && participants !== undefined && Object.keys(errors).length === 0) return { ok: true, signup: { ...result.data, participants, companions } }
  return { ok: false, errors }
}
