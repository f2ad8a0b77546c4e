import type { LocaleCode } from '../../../../core/locales'
import { MachineTranslationError, type MachineTranslationFailure } from './errors'

export type ProviderName = 'deepl' | 'libretranslate'

/**
 * How a provider handles one of our locales: `markup` translates a paragraph with its inline
 * formatting as tags (sentences keep their context); `text` translates plain text only, so each
 * formatted run is sent on its own.
 */
export type LocaleSupport = 'markup' | 'text'

/** `text`: plain text. `markup`: our tagged paragraphs (XML for DeepL, HTML for LibreTranslate). */
export type TextFormat = 'text' | 'markup'

/** What one request may carry; a job is split into requests within both. */
export interface RequestLimits {
  texts: number
  /** Bytes of the texts as JSON strings, leaving room for the rest of the request body. */
  bytes: number
}

export interface TranslationProvider {
  readonly name: ProviderName
  /** As the admin names it in messages ("DeepL"). */
  readonly label: string
  readonly limits: RequestLimits
  /**
   * Whether translated markup comes back with its text still escaped (`&lt;`, as XML) or
   * unescaped (LibreTranslate runs its HTML answer through html.unescape).
   */
  readonly markupAnswer: 'escaped' | 'unescaped'
  /** Our target locales (never Danish) this provider translates Danish into. */
  supportedLocales(): Promise<ReadonlyMap<LocaleCode, LocaleSupport>>
  /** Danish texts → target texts, one for one, in order; a MachineTranslationError otherwise. */
  translate(texts: readonly string[], target: LocaleCode, format: TextFormat, signal?: AbortSignal): Promise<string[]>
}

/** A request that has not answered in this long is given up: the admin should not wait on it. */
export const defaultTimeoutMs = 30_000

/**
 * One HTTP exchange with a provider: the JSON answer of a 2xx response, or a
 * MachineTranslationError naming what went wrong. `failureOf` maps the provider's own statuses.
 */
export async function exchange(
  provider: Pick<TranslationProvider, 'label'>,
  url: string,
  init: RequestInit,
  options: { timeoutMs: number; signal?: AbortSignal | undefined; failureOf: (status: number) => MachineTranslationFailure },
): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const values = { provider: provider.label }
  const failed = (error: unknown): never => {
    if (options.signal?.aborted) throw options.signal.reason
    if (timeout.aborted) throw new MachineTranslationError('timeout', values, { cause: error })
    throw new MachineTranslationError('network', values, { cause: error })
  }
  const response = await fetch(url, { ...init, signal }).catch(failed)
  if (!response.ok) {
    // The body is read so the connection is released; its text is not shown (it may echo the request).
    await response.body?.cancel().catch(() => undefined)
    throw new MachineTranslationError(options.failureOf(response.status), { ...values, status: response.status })
  }
  const body = await response.text().catch(failed)
  try {
    return JSON.parse(body) as unknown
  } catch (error) {
    throw new MachineTranslationError('malformed', values, { cause: error })
  }
}

/** Statuses every provider shares the meaning of. */
export function commonFailure(status: number): MachineTranslationFailure {
  if (status === 429) return 'rateLimited'
  if (status >= 500) return 'unavailable'
  return 'refused'
}

/** The strings of an answer's list, exactly as many as were sent. */
export function translationsIn(provider: Pick<TranslationProvider, 'label'>, list: unknown, sent: number): string[] {
  if (!Array.isArray(list) || !list.every((text): text is string => typeof text === 'string')) {
    throw new MachineTranslationError('malformed', { provider: provider.label })
  }
  if (list.length !== sent) throw new MachineTranslationError('wrongCount', { provider: provider.label, sent, received: list.length })
  return list
}
