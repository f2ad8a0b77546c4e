import { defaultLocale, isLocaleCode, type LocaleCode } from '../../../../core/locales'
import { commonFailure, defaultTimeoutMs, exchange, translationsIn, type LocaleSupport, type RequestLimits, type TranslationProvider } from './provider'

/**
 * LibreTranslate, the self-hostable open-source service (LibreTranslate/LibreTranslate,
 * libretranslate/app.py): `POST /translate` with `q` (a string or a list), `source`, `target`,
 * `format` ("text" or "html") and `api_key`, answering `{ translatedText }` (a list for a list);
 * `GET /languages` lists `{ code, name, targets }`. Its stock Argos models cover en, uk, ar and
 * fa (through English), not ps, ti or so, but an instance may install more, so the instance is
 * asked which targets it has. Errors: 400 (bad request, over the instance's limits), 403 (wrong
 * API key, or banned after too many limit violations), 429 (slow down), 500.
 */

/** LibreTranslate has no fixed limits (its char and batch limits are per instance, off by default): DeepL's are a polite size. */
export const libreTranslateLimits: RequestLimits = { texts: 50, bytes: 120 * 1024 }

/** How long an instance's language list is trusted: models are installed rarely, but not never. */
const languagesTtlMs = 10 * 60_000

export interface LibreTranslateOptions {
  url: string
  apiKey?: string | undefined
  timeoutMs?: number
  limits?: RequestLimits
}

export function libreTranslate(options: LibreTranslateOptions): TranslationProvider {
  const baseUrl = options.url.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  let languages: { map: Map<LocaleCode, LocaleSupport>; until: number } | undefined
  const provider: TranslationProvider = {
    name: 'libretranslate',
    label: 'LibreTranslate',
    limits: options.limits ?? libreTranslateLimits,
    // app.py: translated_text = unescape(str(translate_html(translator, text)))
    markupAnswer: 'unescaped',
    async supportedLocales() {
      if (languages && languages.until > Date.now()) return languages.map
      try {
        const answer = await exchange(provider, `${baseUrl}/languages`, { headers: { Accept: 'application/json' } }, { timeoutMs, failureOf: commonFailure })
        const danish = Array.isArray(answer) ? (answer as { code?: unknown; targets?: unknown }[]).find((language) => language?.code === defaultLocale) : undefined
        const codes = Array.isArray(danish?.targets) ? danish.targets.filter((code): code is string => typeof code === 'string') : []
        const map = new Map<LocaleCode, LocaleSupport>(codes.filter(isLocaleCode).filter((code) => code !== defaultLocale).map((code) => [code, 'markup']))
        languages = { map, until: Date.now() + languagesTtlMs }
        return map
      } catch {
        // An instance that cannot say what it translates translates nothing for now; asked again next time.
        return new Map()
      }
    },
    async translate(texts, target, format, signal) {
      const answer = await exchange(
        provider,
        `${baseUrl}/translate`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ q: texts, source: defaultLocale, target, format: format === 'markup' ? 'html' : 'text', ...(options.apiKey && { api_key: options.apiKey }) }),
        },
        { timeoutMs, signal, failureOf: commonFailure },
      )
      return translationsIn(provider, (answer as { translatedText?: unknown } | null)?.translatedText, texts.length)
    },
  }
  return provider
}
