import { locales } from '../../../core/locales'

/** `getStaticPaths` for pages that exist once per language. */
export function localeStaticPaths() {
  return locales.map(({ code }) => ({ params: { lang: code } }))
}
