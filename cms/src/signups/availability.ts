import type { Endpoint } from 'payload'

import { parseSignupTarget } from '../../../core/signups'
import { availabilityOf, type Availability } from './places'
import { findTarget } from './targets'

/** A page asks for its own listings (one, or a few on a list): more in one request is refused. */
export const maxAvailabilityTargets = 20

function answer(status: number, body: unknown, cache: string) {
  return Response.json(body, {
    status,
    headers: {
      'Cache-Control': cache,
      // Counts only, nothing personal: any page may read them (the site is on another origin).
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
const refuse = (error: string) => answer(400, { ok: false, error }, 'no-store')

/**
 * GET /api/signups/availability?targets=event:<slug>,activity:<slug>: for each listing, its
 * number of places, the places left and how many wait — the figure the site's pages show,
 * refreshed by their script with this one request per page. Public and cacheable for 30 seconds;
 * a listing that takes no signups (or does not exist) is null. Input is checked before anything
 * is looked up: a malformed request is a 400 in JSON, never a 5xx.
 */
export const availabilityEndpoint: Endpoint = {
  path: '/availability',
  method: 'get',
  handler: async (req) => {
    const raw = new URL(req.url ?? '', 'http://localhost').searchParams.getAll('targets')
    if (raw.length !== 1 || !raw[0]) return refuse('Give the listings as ?targets=event:<slug>,activity:<slug>.')
    if (raw[0].length > 4_000) return refuse(`At most ${maxAvailabilityTargets} listings.`)
    const targets = [...new Set(raw[0].split(','))]
    if (targets.length > maxAvailabilityTargets) return refuse(`At most ${maxAvailabilityTargets} listings.`)
    const parsed = targets.map((target) => ({ target, parsed: parseSignupTarget(target) }))
    const wrong = parsed.find(({ parsed }) => !parsed || parsed.type === 'department')
    if (wrong) return refuse('A listing is event:<slug> or activity:<slug>.')
    try {
      const entries = await Promise.all(
        parsed.map(async ({ target }): Promise<[string, Availability | null]> => {
          const found = await findTarget(req.payload, target)
          const id = found?.event ?? found?.activity
          if (!found || id === undefined || found.listing.howToJoin !== 'sign-up') return [target, null]
          return [target, await availabilityOf(req.payload, { type: found.type as 'event' | 'activity', id }, found.capacity ?? null)]
        }),
      )
      return answer(200, { ok: true, targets: Object.fromEntries(entries) }, 'public, max-age=30')
    } catch (error) {
      req.payload.logger.error(`Signup availability failed (${error instanceof Error ? error.name : 'error'}).`)
      return answer(503, { ok: false, error: 'Try again in a moment.' }, 'no-store')
    }
  },
}
