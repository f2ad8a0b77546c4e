import type { UIFieldServerProps } from 'payload'

import { availabilityOf } from '../signups/places'
import { PlacesStatusLive } from './PlacesStatusLive'

/**
 * Under "Antal pladser" on an event or activity that takes signups: the places left and how many
 * wait, as the site shows them (counts only, no names), and a link to its signups (which the
 * signup list shows only to those who may see them: access/personalData.ts).
 */
export async function PlacesStatus({ data, id, collectionSlug, payload }: UIFieldServerProps) {
  if (!id || data?.howToJoin !== 'sign-up') return null
  const type = collectionSlug === 'events' ? 'event' : 'activity'
  const capacity = typeof data.capacity === 'number' ? data.capacity : null
  const { placesLeft, waiting } = await availabilityOf(payload, { type, id }, capacity)
  const list = `${payload.config.routes.admin}/collections/signups?where[${type}][equals]=${encodeURIComponent(String(id))}`
  return <PlacesStatusLive target={`${type}:${String(data.slug ?? '')}`} api={payload.config.routes.api} list={list} initial={{ capacity, placesLeft, waiting }} />
}
