/**
 * "Lektiecaféer i Århus" → "lektiecafeer-i-aarhus": stable ASCII for URLs, the Danish way
 * (æ → ae, ø → oe, å → aa). Shared by the CMS (slugs), the site (municipality pages) and the
 * finder's script (matching a typed town name).
 */
const danishLetters: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'ae', Ø: 'oe', Å: 'aa' }

export function slugify(text: string): string {
  return text
    .replace(/[æøåÆØÅ]/g, (letter) => danishLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Page slugs the site's own sections use (site/src/lib/paths.ts `routes`): a content page with
 * one of them would never be built, so the CMS refuses it.
 */
export const reservedPageSlugs: ReadonlySet<string> = new Set([
  'aktiviteter',
  'afdelinger',
  'find',
  'arrangementer',
  'kalender',
  'tilmelding',
  'frivillig',
  'tak',
  'boerneattest',
  'soeg',
  'aabne-data',
  'open-data',
  // The saved list ("My activities") and the printable posters.
  'gemte',
  'plakat',
  // The web app manifest (no slug can hold a dot; listed so every fixed section is here).
  'manifest.json',
  // [lang]/404.astro: the language's "page not found" answer.
  '404',
])
