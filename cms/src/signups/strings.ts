import { defaultLocale, isLocaleCode, type LocaleCode } from '../../../core/locales'
import signupDa from '../../../core/strings/signup/da.json'
import signupEn from '../../../core/strings/signup/en.json'
import signupUk from '../../../core/strings/signup/uk.json'
import signupAr from '../../../core/strings/signup/ar.json'
import signupFa from '../../../core/strings/signup/fa.json'
import signupPs from '../../../core/strings/signup/ps.json'
import signupTi from '../../../core/strings/signup/ti.json'
import signupSo from '../../../core/strings/signup/so.json'
import placesDa from '../../../core/strings/places/da.json'
import placesEn from '../../../core/strings/places/en.json'
import placesUk from '../../../core/strings/places/uk.json'
import placesAr from '../../../core/strings/places/ar.json'
import placesFa from '../../../core/strings/places/fa.json'
import placesPs from '../../../core/strings/places/ps.json'
import placesTi from '../../../core/strings/places/ti.json'
import placesSo from '../../../core/strings/places/so.json'
import messagesDa from '../../../core/strings/messages/da.json'
import messagesEn from '../../../core/strings/messages/en.json'
import messagesUk from '../../../core/strings/messages/uk.json'
import messagesAr from '../../../core/strings/messages/ar.json'
import messagesFa from '../../../core/strings/messages/fa.json'
import messagesPs from '../../../core/strings/messages/ps.json'
import messagesTi from '../../../core/strings/messages/ti.json'
import messagesSo from '../../../core/strings/messages/so.json'

/**
 * The signup strings (core/strings/<area>/), shared with the site's forms, so the CMS's pages and
 * messages say the same words as the form, in the person's language: `signup/` for the forms and
 * their answers, `places/` for places and the waiting list, `messages/` for what a person is told
 * (confirmations, cancelling, reminders, SMS). Danish defines the keys.
 */
const danish = { ...signupDa, ...placesDa, ...messagesDa }
export type SignupKey = keyof typeof danish
const strings: Record<LocaleCode, Partial<Record<SignupKey, string>>> = {
  da: { ...signupDa, ...placesDa, ...messagesDa },
  en: { ...signupEn, ...placesEn, ...messagesEn },
  uk: { ...signupUk, ...placesUk, ...messagesUk },
  ar: { ...signupAr, ...placesAr, ...messagesAr },
  fa: { ...signupFa, ...placesFa, ...messagesFa },
  ps: { ...signupPs, ...placesPs, ...messagesPs },
  ti: { ...signupTi, ...placesTi, ...messagesTi },
  so: { ...signupSo, ...placesSo, ...messagesSo },
}

export function signupText(language: LocaleCode, key: SignupKey, params: Record<string, string> = {}): string {
  const text = strings[language]?.[key] ?? danish[key]
  return text.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match)
}

/** The form's language when it is one of ours, else Danish. */
export function languageOf(value: unknown): LocaleCode {
  return typeof value === 'string' && isLocaleCode(value) ? value : defaultLocale
}
