import { defineMiddleware } from 'astro:middleware'

import { localeFromPath, useTranslations } from './i18n'

/**
 * The reader's language and `t()` for every page, component and endpoint, read from the URL in
 * this one place (as Starlight does): `const { lang, t } = Astro.locals`. The site is static, so
 * this runs at build time, once for each page and file it writes.
 */
export const onRequest = defineMiddleware((context, next) => {
  const lang = localeFromPath(context.url.pathname)
  context.locals.lang = lang
  context.locals.t = useTranslations(lang)
  return next()
})
