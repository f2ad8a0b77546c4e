import { getRelativeLocaleUrl } from 'astro:i18n'

import type { LocaleCode } from '../../../content/locales'

/**
 * Paths are the same in every language (`/da/aktiviteter/lektiecafeer/`,
 * `/ar/aktiviteter/lektiecafeer/`), so the language switcher only swaps the prefix.
 */
export const routes = {
  home: () => '',
  activityTypes: () => 'aktiviteter/',
  activityType: (slug: string) => `aktiviteter/${slug}/`,
  departments: () => 'afdelinger/',
  department: (slug: string) => `afdelinger/${slug}/`,
  page: (slug: string) => `${slug}/`,
}

export function localeUrl(lang: LocaleCode, path: string) {
  return getRelativeLocaleUrl(lang, path)
}

/** Page slugs that would collide with the fixed sections above. */
export const reservedSlugs = new Set(['aktiviteter', 'afdelinger'])
