import type { Payload } from 'payload'

import { defaultLocale, getLocale, type LocaleCode } from '../../../../core/locales'
import { reserveCharacters } from './budget'
import { deepl } from './deepl'
import { MachineTranslationError } from './errors'
import { libreTranslate } from './libretranslate'
import type { LocaleSupport, TextFormat, TranslationProvider } from './provider'
import { planTranslation, type Segment, type TranslationUnit } from './richText'

export { budgetMonth, budgetStatus, monthlyLimit, TranslationUsage, type BudgetStatus } from './budget'
export { MachineTranslationError, type MachineTranslationFailure } from './errors'
export type { LocaleSupport, ProviderName, TranslationProvider } from './provider'
export { isRichText, type RichTextValue, type Segment } from './richText'

/**
 * Machine translation: the provider chosen by TRANSLATION_PROVIDER, the locales it supports,
 * and `machineTranslate`, which translates one job's texts all or nothing.
 */

/** The public content the site is built from: the only documents whose texts may leave the CMS. */
export const publicCollections = ['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages'] as const
export const publicGlobals = ['site-settings', 'navigation'] as const

export type TextSource = { collection: string; global?: never } | { global: string; collection?: never }

/** Refuses anything but public content: signups, child certificates and users never go to a provider. */
export function assertPublicContent(source: TextSource): void {
  const allowed = source.collection !== undefined ? (publicCollections as readonly string[]).includes(source.collection) : (publicGlobals as readonly string[]).includes(source.global)
  if (!allowed) throw new MachineTranslationError('notPublic', { source: source.collection ?? source.global ?? '' })
}

const providers = new Map<string, TranslationProvider | null>()

/**
 * The provider TRANSLATION_PROVIDER names, or null when machine translation is off. The same
 * settings give the same provider, so what it caches (LibreTranslate's languages) is kept.
 */
export function providerFromEnv(env: Record<string, string | undefined> = process.env): TranslationProvider | null {
  const settings = ['TRANSLATION_PROVIDER', 'DEEPL_API_KEY', 'DEEPL_API_URL', 'LIBRETRANSLATE_URL', 'LIBRETRANSLATE_API_KEY'].map((name) => env[name] ?? '')
  const key = JSON.stringify(settings)
  if (!providers.has(key)) providers.set(key, newProvider(env))
  return providers.get(key)!
}

function newProvider(env: Record<string, string | undefined>): TranslationProvider | null {
  const name = env.TRANSLATION_PROVIDER?.trim()
  if (!name) return null
  if (name === 'deepl') {
    if (!env.DEEPL_API_KEY) throw new Error('TRANSLATION_PROVIDER=deepl needs DEEPL_API_KEY')
    return deepl({ apiKey: env.DEEPL_API_KEY, url: env.DEEPL_API_URL || undefined })
  }
  if (name === 'libretranslate') {
    if (!env.LIBRETRANSLATE_URL) throw new Error('TRANSLATION_PROVIDER=libretranslate needs LIBRETRANSLATE_URL')
    return libreTranslate({ url: env.LIBRETRANSLATE_URL, apiKey: env.LIBRETRANSLATE_API_KEY || undefined })
  }
  throw new Error(`TRANSLATION_PROVIDER must be deepl or libretranslate (got "${name}")`)
}

/**
 * Which of our target locales the provider translates into, and how. Empty without a provider;
 * a locale missing here stays with human translators ("no provider supports Tigrinya").
 */
export async function supportedLocales(provider: TranslationProvider | null): Promise<ReadonlyMap<LocaleCode, LocaleSupport>> {
  return provider ? provider.supportedLocales() : new Map()
}

export interface MachineTranslationJob<S extends Segment = Segment> {
  payload: Payload
  /** Where the texts come from; anything but public content is refused before anything else. */
  source: TextSource
  target: LocaleCode
  /** The Danish texts of one job (one document, or one language in bulk): strings and rich text. */
  segments: readonly S[]
  /** Defaults to providerFromEnv(). */
  provider?: TranslationProvider | null
  signal?: AbortSignal
  now?: Date
}

export interface MachineTranslationResult<S extends Segment = Segment> {
  /** The translations, one per segment in the same order and shape (so of the same type); empty segments unchanged. */
  segments: S[]
  /** Characters sent and counted against the month's budget. */
  characters: number
}

/**
 * Translates all of a job's segments, or none: the budget for the whole job is reserved before
 * the first request (refused up front if the month's remainder is too small), the requests go
 * one after the other within the provider's limits, and any failure throws a
 * MachineTranslationError with no partial result, giving back the characters that were not sent.
 */
export async function machineTranslate<S extends Segment>(job: MachineTranslationJob<S>): Promise<MachineTranslationResult<S>> {
  assertPublicContent(job.source)
  const provider = job.provider === undefined ? providerFromEnv() : job.provider
  if (!provider) throw new MachineTranslationError('notConfigured')
  if (job.target === defaultLocale) throw new MachineTranslationError('sourceLocale')
  const support = (await provider.supportedLocales()).get(job.target)
  if (!support) throw new MachineTranslationError('unsupportedLocale', { provider: provider.label, language: getLocale(job.target).labelDa })

  const plan = planTranslation(job.segments, support, provider)
  const requests = batches(plan.units, provider)
  // Only text content changes, so each result has its segment's type (a field's generated type goes back into that field).
  const assemble = (answers: readonly string[]) => plan.assemble(answers) as S[]
  if (plan.units.length === 0) return { segments: assemble([]), characters: 0 }

  const reservation = await reserveCharacters(job.payload, plan.characters, job.now)
  let sent = 0
  try {
    const answers: string[] = []
    for (const request of requests) {
      const translated = await provider.translate(
        request.units.map((unit) => unit.text),
        job.target,
        request.format,
        job.signal,
      )
      if (translated.length !== request.units.length) {
        throw new MachineTranslationError('wrongCount', { provider: provider.label, sent: request.units.length, received: translated.length })
      }
      translated.forEach((text, index) => (answers[request.indexes[index]!] = text))
      sent += request.characters
    }
    return { segments: assemble(answers), characters: plan.characters }
  } catch (error) {
    // What the provider answered was billed; what it refused or never got was not.
    await reservation.release(plan.characters - sent)
    throw error
  }
}

interface Request {
  format: TextFormat
  units: TranslationUnit[]
  /** Each unit's place among the plan's units. */
  indexes: number[]
  characters: number
}

/** Plain texts and tagged texts go in separate requests (DeepL's tag_handling is per request), each within the provider's limits. */
function batches(units: readonly TranslationUnit[], provider: TranslationProvider): Request[] {
  const { texts, bytes } = provider.limits
  const requests: Request[] = []
  for (const format of ['text', 'markup'] as const) {
    let current: (Request & { bytes: number }) | undefined
    units.forEach((unit, index) => {
      if (unit.format !== format) return
      const size = Buffer.byteLength(JSON.stringify(unit.text)) + 1
      if (size > bytes) throw new MachineTranslationError('tooLong', { provider: provider.label, characters: unit.characters })
      if (!current || current.units.length >= texts || current.bytes + size > bytes) {
        current = { format, units: [], indexes: [], characters: 0, bytes: 0 }
        requests.push(current)
      }
      current.units.push(unit)
      current.indexes.push(index)
      current.characters += unit.characters
      current.bytes += size
    })
  }
  return requests.map(({ format, units, indexes, characters }) => ({ format, units, indexes, characters }))
}
