import { defaultLocale, isLocaleCode, type LocaleCode } from '../../../core/locales'
import ar from '../../../core/strings/signup/ar.json'
import da from '../../../core/strings/signup/da.json'
import en from '../../../core/strings/signup/en.json'
import fa from '../../../core/strings/signup/fa.json'
import ps from '../../../core/strings/signup/ps.json'
import so from '../../../core/strings/signup/so.json'
import ti from '../../../core/strings/signup/ti.json'
import uk from '../../../core/strings/signup/uk.json'

/**
 * The signup strings (core/strings/signup/), shared with the site's forms, so the CMS's error
 * page and the confirmation email say the same words as the form, in the person's language.
 * Danish defines the keys.
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
