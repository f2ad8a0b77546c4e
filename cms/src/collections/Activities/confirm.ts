import type { CollectionBeforeChangeHook, Endpoint } from 'payload'

import { isTranslator } from '../../access/index'
import { ours } from '../../lib/translations'

/** Listings nobody has confirmed for this long are flagged in the admin and on the site. */
export const staleAfterDays = 90

export function isStale(lastConfirmedAt: string | null | undefined, now = new Date()): boolean {
  if (!lastConfirmedAt) return true
  return now.getTime() - new Date(lastConfirmedAt).getTime() > staleAfterDays * 86_400_000
}

/**
 * POST /api/activities/:id/confirm — "this listing is still true". Runs as the logged-in user
 * with access control on, so a department editor can only confirm their own department's.
 */
export const confirmEndpoint: Endpoint = {
  path: '/:id/confirm',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: ours(req.t)('api:loginRequired') }] }, { status: 401 })
    const id = req.routeParams?.id as string | undefined
    if (!id) return Response.json({ errors: [{ message: ours(req.t)('api:idMissing') }] }, { status: 400 })
    try {
      // Confirming changes only the date: the published document stays as it is.
      const confirmed = await req.payload.update({
        collection: 'activities',
        id,
        data: { lastConfirmedAt: new Date().toISOString() },
        overrideAccess: false,
        user: req.user,
        req,
        depth: 0,
        context: { confirmOnly: true },
      })
      return Response.json({ id: confirmed.id, lastConfirmedAt: confirmed.lastConfirmedAt })
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500
      const message = status === 403 || status === 404 ? 'Du har ikke adgang til denne aktivitet.' : 'Kunne ikke bekræfte.'
      return Response.json({ errors: [{ message }] }, { status: status === 403 ? 404 : status })
    }
  },
}

/**
 * Creating or publishing a listing is also confirming it; the seed and the confirm button set it
 * themselves. A translator publishing their translation, or a save that only writes a
 * translation (`context.translationOnly`: an XLIFF import, machine translation), says nothing
 * about whether the listing is still true.
 */
export const confirmOnPublish: CollectionBeforeChangeHook = ({ data, operation, req, context }) => {
  if (context.seeding || context.confirmOnly || context.translationOnly || isTranslator(req.user)) return data
  if (operation === 'create' || (req.user && data._status === 'published')) {
    return { ...data, lastConfirmedAt: new Date().toISOString() }
  }
  return data
}
