import { locales } from '../../../content/locales'

/** `getStaticPaths` for pages that exist once per language. */
export function localeStaticPaths() {
  return locales.map(({ code }) => ({ params: { lang: code } }))
}
