/**
 * Languages that can be spoken at an activity (ISO 639 codes: 639-1 where one exists, 639-3 for
 * Dari and Sorani). `native` is the language's name in itself, shown to readers; `da` is the
 * Danish name, shown to editors. Wider than the site's own locales: a café may speak Kurdish.
 */
export const spokenLanguages = [
  { code: 'da', native: 'Dansk', da: 'Dansk' },
  { code: 'en', native: 'English', da: 'Engelsk' },
  { code: 'uk', native: 'Українська', da: 'Ukrainsk' },
  { code: 'ru', native: 'Русский', da: 'Russisk' },
  { code: 'ar', native: 'العربية', da: 'Arabisk' },
  { code: 'fa', native: 'فارسی', da: 'Persisk (farsi)' },
  { code: 'prs', native: 'دری', da: 'Dari' },
  { code: 'ps', native: 'پښتو', da: 'Pashto' },
  { code: 'ti', native: 'ትግርኛ', da: 'Tigrinya' },
  { code: 'am', native: 'አማርኛ', da: 'Amharisk' },
  { code: 'so', native: 'Soomaali', da: 'Somali' },
  { code: 'kmr', native: 'Kurdî (Kurmancî)', da: 'Kurdisk (kurmanji)' },
  { code: 'ckb', native: 'کوردی (سۆرانی)', da: 'Kurdisk (sorani)' },
  { code: 'tr', native: 'Türkçe', da: 'Tyrkisk' },
  { code: 'ur', native: 'اردو', da: 'Urdu' },
  { code: 'ta', native: 'தமிழ்', da: 'Tamil' },
  { code: 'fr', native: 'Français', da: 'Fransk' },
  { code: 'de', native: 'Deutsch', da: 'Tysk' },
  { code: 'es', native: 'Español', da: 'Spansk' },
  { code: 'pl', native: 'Polski', da: 'Polsk' },
  { code: 'ro', native: 'Română', da: 'Rumænsk' },
  { code: 'sq', native: 'Shqip', da: 'Albansk' },
  { code: 'bs', native: 'Bosanski', da: 'Bosnisk' },
  { code: 'sw', native: 'Kiswahili', da: 'Swahili' },
  { code: 'vi', native: 'Tiếng Việt', da: 'Vietnamesisk' },
] as const

export type SpokenLanguageCode = (typeof spokenLanguages)[number]['code']

/** Right-to-left spoken languages, so their native names get dir="rtl". */
export const rtlLanguages: readonly string[] = ['ar', 'fa', 'prs', 'ps', 'ckb', 'ur']

export function nativeLanguageName(code: string): string {
  return spokenLanguages.find((language) => language.code === code)?.native ?? code
}
