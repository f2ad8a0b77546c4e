import { defaultLocale, isLocaleCode, type LocaleCode } from '../../../core/locales'
import ar from '../../../site/src/i18n/ui/signup/ar.json'
import da from '../../../site/src/i18n/ui/signup/da.json'
import en from '../../../site/src/i18n/ui/signup/en.json'
import fa from '../../../site/src/i18n/ui/signup/fa.json'
import ps from '../../../site/src/i18n/ui/signup/ps.json'
import so from '../../../site/src/i18n/ui/signup/so.json'
import ti from '../../../site/src/i18n/ui/signup/ti.json'
import uk from '../../../site/src/i18n/ui/signup/uk.json'

/**
 * The signup strings the site's forms use, so the CMS's error page and the confirmation email
 * say the same words as the form, in the person's language. Danish defines the keys.
 */
export type SignupKey = keyof typeof da
const strings: Record<LocaleCode, Partial<Record<SignupKey, string>>> = { da, en, uk, ar, fa, ps, ti, so }

export function signupText(language: LocaleCode, key: SignupKey, params: Record<string, string> = {}): string {
  const text = strings[language]?.[key] ?? da[key]
  return text.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match)
}

/** The form's language when it is one of ours, else Danish. */
export function languageOf(value: unknown): LocaleCode {
  return typeof value === 'string' && isLocaleCode(value) ? value : defaultLocale
}
