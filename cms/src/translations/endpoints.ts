import type { Endpoint, PayloadRequest } from 'payload'

import { isLoggedIn, mayTranslate } from '../access/index'
import { ours } from '../lib/translations'
import { ExchangeError, exportTranslations, importTranslations, parseExportFilters } from './exchange'
import { machineTranslateDocument, machineTranslateLocale, MachineRequestError } from './machineActions'
import { documentsOf, findEntity, machineOffer, isOverviewState, isTargetLocale, translationOverview, workingLocales } from './overview'
import { XliffError } from './xliff/index'

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/**
 * GET /api/translations/overview: the counts per collection, global and locale (the locales the
 * person works on: a translator's own, `locales` in the answer), what machine
 * translation offers per locale and the month's budget. With `?collection=…` or `?global=…`
 * (and optionally `&locale=ti&state=missing`): that entity's documents and their states. With
 * `?only=machine`: just what machine translation offers (the document sidebar's button).
 */
export const translationOverviewEndpoint: Endpoint = {
  path: '/translations/overview',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const t = ours(req.t)
    if (!isLoggedIn(req.user)) return refuse(401, t('translationOverview:loginFirst'))
    if (req.searchParams.get('only') === 'machine') return Response.json(await machineOffer(req))
    const collection = req.searchParams.get('collection')
    const global = req.searchParams.get('global')
    if (!collection && !global) return Response.json(await translationOverview(req))
    const entity = findEntity(req.payload, collection ? 'collection' : 'global', (collection ?? global)!)
    if (!entity) return refuse(404, t('translationOverview:notFound'))
    const locale = req.searchParams.get('locale')
    const state = req.searchParams.get('state')
    // A translator's list in a language not theirs would be one they can do nothing with.
    if (isTargetLocale(locale) && !workingLocales(req.user).includes(locale)) return refuse(403, t('translationOverview:forbidden'))
    const docs = await documentsOf(req, entity)
    return Response.json({
      docs: isTargetLocale(locale) && isOverviewState(state) ? docs.filter((doc) => doc.states[locale] === state) : docs,
    })
  },
}

/**
 * POST /api/translations/machine: `{ collection, id, locale }` or `{ global, locale }` for one
 * document, `{ locale, bulk: true }` for every document of a language with missing or outdated
 * texts. Answers with a report per document; errors are in the admin's language.
 */
export const machineTranslationEndpoint: Endpoint = {
  path: '/translations/machine',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const t = ours(req.t)
    if (!isLoggedIn(req.user)) return refuse(401, t('translationOverview:loginFirst'))
    let body: Record<string, unknown>
    try {
      body = ((await req.json?.()) ?? {}) as Record<string, unknown>
    } catch {
      return refuse(400, t('translationOverview:badRequest'))
    }
    const { locale, collection, global, id, bulk } = body
    if (!isTargetLocale(locale)) return refuse(400, t('translationOverview:badLocale'))
    // A translator their own languages only (the update guard would refuse the writes anyway; this says so before any provider is asked).
    if (!mayTranslate(req.user, locale)) return refuse(403, t('translationOverview:forbidden'))
    try {
      if (bulk === true) return Response.json(await machineTranslateLocale(req, locale))
      if (typeof collection === 'string' && (typeof id === 'string' || typeof id === 'number')) {
        return Response.json(await machineTranslateDocument(req, 'collection', collection, id, locale))
      }
      if (typeof global === 'string') return Response.json(await machineTranslateDocument(req, 'global', global, null, locale))
      return refuse(400, t('translationOverview:badRequest'))
    } catch (error) {
      if (error instanceof MachineRequestError) return refuse(error.status, error.message)
      throw error
    }
  },
}

/**
 * The XLIFF exchange for scripts and the admin's overview (issue 14, item 3):
 * GET /api/translations/export?locale=ti[&status=missing,machine,outdated][&collection=activities]
 * answers the file as a download; POST /api/translations/import with the file as the body
 * (Content-Type: application/xliff+xml, optional ?locale=ti to insist on the language,
 * ?confirmUnchanged=1 to take the file's unchanged machine translations as reviewed) answers the
 * report per unit, the units that need attention first. Who may: `mayTranslate` (access/index.ts).
 */

const noStore = { 'Cache-Control': 'no-store' }

function refusal(req: PayloadRequest, error: unknown): Response {
  if (error instanceof ExchangeError) return Response.json({ errors: [{ message: error.messageFor(req.t) }] }, { status: error.status, headers: noStore })
  if (error instanceof XliffError) return Response.json({ errors: [{ message: error.messageFor(req.t), code: error.code }] }, { status: 400, headers: noStore })
  throw error
}

/** Copenhagen's date, as the file's name tells when it was made. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date())

export const exportTranslationsEndpoint: Endpoint = {
  path: '/translations/export',
  method: 'get',
  handler: async (req) => {
    try {
      const locale = req.searchParams.get('locale') ?? ''
      // The overview's form sends one `status` per ticked box when the browser runs no script; scripts send a list.
      const statuses = req.searchParams.getAll('status').join(',') || null
      const filters = parseExportFilters(statuses, req.searchParams.get('collection'))
      const { xliff } = await exportTranslations({ payload: req.payload, actor: req.user ?? null, locale, ...filters })
      return new Response(xliff, {
        headers: {
          ...noStore,
          'Content-Type': 'application/xliff+xml; charset=utf-8',
          'Content-Disposition': `attachment; filename="drk-${locale}-${today()}.xlf"`,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch (error) {
      return refusal(req, error)
    }
  },
}

export const importTranslationsEndpoint: Endpoint = {
  path: '/translations/import',
  method: 'post',
  handler: async (req) => {
    try {
      const body = req.text ? await req.text() : ''
      if (!req.user) throw new ExchangeError(401, 'loginRequired')
      if (body.trim() === '') throw new ExchangeError(400, 'emptyBody')
      const locale = req.searchParams.get('locale') || undefined
      const confirmUnchanged = ['1', 'true', 'on'].includes(req.searchParams.get('confirmUnchanged') ?? '')
      const report = await importTranslations({ payload: req.payload, actor: req.user, xliff: body, locale, t: req.t, language: req.i18n?.language, confirmUnchanged })
      return Response.json(report, { headers: noStore })
    } catch (error) {
      return refusal(req, error)
    }
  },
}

/** Every endpoint of translations/: the overview, machine translation and the XLIFF exchange. */
export const translationEndpoints = [translationOverviewEndpoint, machineTranslationEndpoint, exportTranslationsEndpoint, importTranslationsEndpoint]
