import crypto from 'node:crypto'

import type { APIRoute } from 'astro'

import { dateTextOf } from '../../../core/date-text'
import { locales, useTranslations } from '../i18n'
import { source } from 'virtual:service-worker'

/**
 * `/sw.js`: the service worker (src/offline/service-worker.ts, bundled by its plugin) with what it says in each language
 * above it: the offline notes and how each language writes the note's date. Rendered by every build
 * and the same for the same code and strings, so a partial build gives the same file as a full
 * one; the first line names the version, so a browser sees a new worker exactly when this changes.
 */
export const GET: APIRoute = () => {
  const notes = Object.fromEntries(
    locales.map(({ code }) => {
      const t = useTranslations(code)
      return [code, { saved: t('offline.saved'), missing: t('offline.missing') }]
    }),
  )
  // The date of the note: its pattern and each language's digits.
  const dates = Object.fromEntries(
    locales.map(({ code, numberingSystem }) => {
      // The note writes the date with digits only ("2026-12-08 15:04"): no names to carry.
      const { numeric, digits } = dateTextOf(code, numberingSystem)
      return [code, { numeric, digits }]
    }),
  )
  const body = [
    `const LANGS = ${JSON.stringify(locales.map(({ code }) => code))}`,
    `const NOTES = ${JSON.stringify(notes)}`,
    `const DATES = ${JSON.stringify(dates)}`,
    source,
  ].join('\n')
  const version = crypto.createHash('sha256').update(body).digest('hex').slice(0, 12)
  return new Response(`// ${version}\n${body}`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } })
}
