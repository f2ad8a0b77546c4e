import type { LocaleCode } from '../../../../core/locales'
import { MachineTranslationError } from './errors'
import { commonFailure, defaultTimeoutMs, exchange, translationsIn, type LocaleSupport, type RequestLimits, type TranslationProvider } from './provider'

/**
 * DeepL's REST API v2 (https://developers.deepl.com/api-reference/translate).
 *
 * Our locales in DeepL's language table (DeepLcom/api-docs, snippets/language-table.jsx, read
 * 2026-12-01): English (as the variant EN-GB: plain EN is no longer accepted as a target),
 * Ukrainian and Arabic are full languages with tag handling. Persian (FA) and Pashto (PS) are
 * "text-only languages (both source and target, but no glossaries or tag handling)", so their
 * rich text is sent run by run. Tigrinya and Somali are not in the table.
 */
const targets: Partial<Record<LocaleCode, { code: string; support: LocaleSupport }>> = {
  en: { code: 'EN-GB', support: 'markup' },
  uk: { code: 'UK', support: 'markup' },
  ar: { code: 'AR', support: 'markup' },
  fa: { code: 'FA', support: 'text' },
  ps: { code: 'PS', support: 'text' },
}

/**
 * "The /v2/translate endpoint accepts up to 50 texts per request and request bodies up to
 * 128 KiB" (docs: translating-large-volumes, usage-limits). The texts get 120 KiB of it; the
 * other parameters are a few dozen bytes.
 */
export const deeplLimits: RequestLimits = { texts: 50, bytes: 120 * 1024 }

/** Free API keys end in ":fx" and are served by a separate host (docs: "API Free users … api-free.deepl.com"). */
export function deeplBaseUrl(apiKey: string, override?: string): string {
  if (override) return override.replace(/\/+$/, '')
  return apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'
}

export interface DeepLOptions {
  apiKey: string
  /** DEEPL_API_URL: another host speaking the same API (a proxy, or a test's server). */
  url?: string | undefined
  timeoutMs?: number
  limits?: RequestLimits
}

export function deepl(options: DeepLOptions): TranslationProvider {
  const baseUrl = deeplBaseUrl(options.apiKey, options.url)
  const supported = new Map(Object.entries(targets).map(([locale, target]) => [locale as LocaleCode, target.support]))
  const provider: TranslationProvider = {
    name: 'deepl',
    label: 'DeepL',
    limits: options.limits ?? deeplLimits,
    markupAnswer: 'escaped',
    supportedLocales: async () => supported,
    async translate(texts, target, format, signal) {
      const targetLang = targets[target]?.code
      if (!targetLang) throw new MachineTranslationError('unsupportedLocale', { provider: 'DeepL', language: target })
      const body = {
        text: texts,
        source_lang: 'DA',
        target_lang: targetLang,
        ...(format === 'markup'
          ? // v2 tag handling parses strict XML and places tags by meaning rather than by source position (docs: tag-handling-v2).
            { tag_handling: 'xml', tag_handling_version: 'v2' }
          : // A run cut out of a sentence keeps its case and punctuation instead of being "corrected" into a sentence.
            { preserve_formatting: true }),
      }
      const answer = await exchange(
        provider,
        `${baseUrl}/v2/translate`,
        {
          method: 'POST',
          headers: { Authorization: `DeepL-Auth-Key ${options.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        },
        // 456: "quota exceeded" (the Free plan's 500,000 characters or Pro's cost control; docs: error-handling).
        { timeoutMs: options.timeoutMs ?? defaultTimeoutMs, signal, failureOf: (status) => (status === 456 ? 'quotaExceeded' : commonFailure(status)) },
      )
      const translations = (answer as { translations?: unknown } | null)?.translations
      const list = Array.isArray(translations) ? translations.map((entry) => (entry as { text?: unknown } | null)?.text) : translations
      return translationsIn(provider, list, texts.length)
    },
  }
  return provider
}
