import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { closedStatuses } from '../../../core/signups'
import { isEmpty } from '../lib/where'

const closed = new Set<string>(closedStatuses)

/** The retention period counts from when a signup was closed; reopening it clears that. */
export const closeSignup: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const status = data.status ?? originalDoc?.status
  if (!closed.has(status)) return { ...data, closedAt: null }
  // Kept when it was already closed (or given by the system, e.g. a test's clock).
  return { ...data, closedAt: data.closedAt ?? originalDoc?.closedAt ?? new Date().toISOString() }
}

/**
 * A volunteer who was declined or withdrew never starts: their child-certificate task stops
 * too, so it leaves the department's list and falls under the certificate retention period.
 */
export const stopCertificatesOfDeclinedVolunteer: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.kind !== 'volunteer' || (doc.status !== 'declined' && doc.status !== 'withdrawn') || previousDoc?.status === doc.status) return doc
  await req.payload.update({
    collection: 'child-certificates',
    where: { and: [{ signup: { equals: doc.id } }, isEmpty('stoppedAt')] },
    data: { stoppedAt: doc.closedAt ?? new Date().toISOString() },
    req,
    depth: 0,
  })
  return doc
}
