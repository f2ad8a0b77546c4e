import type { Endpoint, PayloadRequest } from 'payload'

import { isLoggedIn } from '../access/index'
import { ours } from '../lib/translations'
import { machineTranslateDocument, machineTranslateLocale, MachineRequestError } from './machineActions'
import { documentsOf, findEntity, machineOffer, isOverviewState, isTargetLocale, translationOverview } from './overview'

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/**
 * GET /api/translations/overview: the counts per collection, global and locale, what machine
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
