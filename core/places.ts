/**
 * Danish towns and municipalities in every site language, and the one way of matching what a
 * reader types against them. Read by the site's build (the finder's place box and datalist, the
 * no-JavaScript municipality pages and links) and by the finder's script in the browser, so a
 * name typed in Persian or Tigrinya finds the same place as the Danish one.
 *
 * Keys are the Danish names as departments are entered in the CMS (town and municipality). A
 * place without an entry is shown and matched by its Danish name only. English forms include
 * the spellings without Danish letters (Hillerod, Naestved) that English keyboards produce.
 */
import type { LocaleCode } from './locales'

type Names = Partial<Record<Exclude<LocaleCode, 'da'>, string[]>>

// The first name per language is the one shown; the others are accepted when typed.
export const placeNames: Record<string, Names> = {
  Aalborg: { en: ['Aalborg', 'Alborg'], uk: ['Ольборг'], ar: ['آلبورغ', 'ألبورغ'], fa: ['آلبورگ'], ps: ['آلبورګ'], ti: ['ኦልቦርግ'], so: ['Aalborg'] },
  Aarhus: { en: ['Aarhus', 'Arhus'], uk: ['Орхус'], ar: ['آرهوس', 'أرهوس'], fa: ['آرهوس', 'اورهوس'], ps: ['آرهوس'], ti: ['ኦርሁስ'], so: ['Aarhus'] },
  Bornholm: { en: ['Bornholm'], uk: ['Борнгольм'], ar: ['بورنهولم'], fa: ['بورنهولم'], ps: ['بورنهولم'], ti: ['ቦርንሆልም'], so: ['Bornholm'] },
  Esbjerg: { en: ['Esbjerg'], uk: ['Есб\'єрг', 'Есбʼєрг'], ar: ['إسبيرغ', 'اسبيرغ'], fa: ['اسبیرگ'], ps: ['اسبیرګ'], ti: ['ኤስብየርግ'], so: ['Esbjerg'] },
  Herning: { en: ['Herning'], uk: ['Гернінг'], ar: ['هيرنينغ'], fa: ['هرنینگ'], ps: ['هرنینګ'], ti: ['ሄርኒንግ'], so: ['Herning'] },
  Hillerød: { en: ['Hillerød', 'Hillerod'], uk: ['Гіллерод'], ar: ['هيلرود'], fa: ['هیلرود'], ps: ['هیلرود'], ti: ['ሂለሩድ'], so: ['Hillerød', 'Hillerod'] },
  Hjørring: { en: ['Hjørring', 'Hjorring'], uk: ['Єррінг', 'Йоррінг'], ar: ['يورينغ'], fa: ['یورینگ'], ps: ['یورینګ'], ti: ['ዮሪንግ'], so: ['Hjørring', 'Hjorring'] },
  Holbæk: { en: ['Holbæk', 'Holbak', 'Holbek'], uk: ['Гольбек', 'Голбек'], ar: ['هولبيك'], fa: ['هولبک'], ps: ['هولبک'], ti: ['ሆልበክ'], so: ['Holbæk', 'Holbek'] },
  København: { en: ['Copenhagen'], uk: ['Копенгаген'], ar: ['كوبنهاغن', 'كوبنهاجن'], fa: ['کپنهاگ', 'کوپنهاگن'], ps: ['کوپنهاګن', 'کوپنهاگن'], ti: ['ኮፐንሃገን'], so: ['Koobanheegan', 'Copenhagen'] },
  Kolding: { en: ['Kolding'], uk: ['Колдінг'], ar: ['كولدينغ'], fa: ['کولدینگ'], ps: ['کولډینګ', 'کولدینګ'], ti: ['ኮልዲንግ'], so: ['Kolding'] },
  Næstved: { en: ['Næstved', 'Naestved', 'Nastved'], uk: ['Нествед'], ar: ['نيستفيد'], fa: ['نستود'], ps: ['نستوېد', 'نستود'], ti: ['ነስትቨድ'], so: ['Næstved', 'Nastved'] },
  Odense: { en: ['Odense'], uk: ['Оденсе'], ar: ['أودنسه', 'اودنسه', 'أودنسي'], fa: ['اودنسه'], ps: ['اوډنسه', 'اودنسه'], ti: ['ኦደንሰ'], so: ['Odense'] },
  Roskilde: { en: ['Roskilde'], uk: ['Роскілле'], ar: ['روسكيلده', 'روسكيلدا'], fa: ['روسکیلده'], ps: ['روسکیلده'], ti: ['ሮስኪልደ'], so: ['Roskilde'] },
  Rønne: { en: ['Rønne', 'Ronne'], uk: ['Ренне'], ar: ['رونه'], fa: ['رونه'], ps: ['رونه'], ti: ['ሮነ'], so: ['Rønne', 'Ronne'] },
  Viborg: { en: ['Viborg'], uk: ['Віборг'], ar: ['فيبورغ'], fa: ['ویبورگ'], ps: ['ویبورګ'], ti: ['ቪቦርግ'], so: ['Viborg'] },
}

/** The name to show a reader: in their language when known, else the Danish one. */
export function placeName(danishName: string, lang: LocaleCode): string {
  if (lang === 'da') return danishName
  return placeNames[danishName]?.[lang]?.[0] ?? danishName
}

/** Every name a place is known by (Danish first), for the place box's lookup. */
export function allPlaceNames(danishName: string): string[] {
  return [danishName, ...Object.values(placeNames[danishName] ?? {}).flat()]
}

// Letters that Arabic, Persian and Pashto keyboards write differently for the same name.
const letterVariants: Record<string, string> = {
  ي: 'ی', ى: 'ی', ې: 'ی', ێ: 'ی', ك: 'ک', ګ: 'گ', ڪ: 'ک', ة: 'ه', ۀ: 'ه', ە: 'ه', أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ؤ: 'و', ئ: 'ی', ډ: 'د', ټ: 'ت',
}
const danishLetters: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' }

/**
 * What a typed place is matched by: case, accents and Arabic vowel signs ignored, Danish letters
 * spelled out ("Holbæk" = "holbaek"), Arabic/Persian letter variants as one (ي = ی, ك = ک), every
 * script's digits as ASCII ("۵۰۰۰" = "5000"), punctuation and spacing as one space.
 */
export function placeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => danishLetters[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\p{Cf}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/./gu, (letter) => letterVariants[letter] ?? letter)
    .replace(/\p{Nd}/gu, toAsciiDigit)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * A decimal digit of any script (Arabic-Indic, Persian, Devanagari, full-width…) as its ASCII
 * digit. Unicode keeps each script's digits (General_Category Nd) in runs of ten from zero, so
 * a digit's value is its distance from the start of its run, modulo ten.
 */
export function toAsciiDigit(digit: string) {
  const codePoint = digit.codePointAt(0)!
  let start = codePoint
  while (start > 0x30 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--
  return String((codePoint - start) % 10)
}
