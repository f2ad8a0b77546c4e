import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { scheduleDay } from '../../../core/schedule'
import { copenhagenInstant } from '../../../core/time'
import type { Signup } from '../payload-types'
import type { Listing } from './messages'

/**
 * The person's cancel links. A token is 128 random bits (22 characters of base64url, so an SMS
 * has room for it); the signup keeps only its SHA-256 hash, so a leaked database holds no
 * working link. A token does one thing: cancel this one signup (it shows nothing else and logs
 * nobody in). Each message that carries a link mints its own token, and every one of them works
 * until the listing is over: the confirmation's link keeps working after the reminder came.
 * Once the signup is cancelled (or closed by the department) every link answers "already
 * cancelled"; no link works after its expiry.
 */
const tokenBytes = 16
export const tokenPattern = /^[A-Za-z0-9_-]{22}$/
/** The tokens a signup keeps at most (confirmation, promotion, reminder, a few resends). */
const maxTokens = 8
/**
 * An activity has no end of its own (it runs every week until the department stops it): a link
 * for one expires a fixed 12 months after it was made, the same span as the retention rule
 * counts after a signup is closed, or at the end of the activity's "valid until" day if that is
 * sooner. An event's link expires when the event ends (its start when it has no end time).
 */
export const activityHorizonMs = 365 * 86_400_000

export const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex')

export function tokenExpiry(listing: Pick<Listing, 'kind' | 'startsAt' | 'endsAt' | 'schedule'>, now: Date): Date {
  if (listing.kind === 'event' && listing.startsAt) return listing.endsAt ?? listing.startsAt
  const horizon = new Date(now.getTime() + activityHorizonMs)
  const until = scheduleDay(listing.schedule?.nextPeriod?.validUntil ?? listing.schedule?.validUntil)
  if (!until) return horizon
  const [year, month, day] = until.split('-').map(Number) as [number, number, number]
  const end = copenhagenInstant({ year, month, day, hour: 23, minute: 59, second: 59 })
  return end < horizon ? end : horizon
}

type StoredToken = { hash: string; expiresAt: string; id?: string | null }
const tokensOf = (signup: Signup) => ((signup as { cancelTokens?: StoredToken[] | null }).cancelTokens ?? []) as StoredToken[]

const cancelUrl = (payload: Payload, token: string) => `${payload.config.serverURL}/api/signups/cancel?token=${token}`

/**
 * A cancel link minted before the signup is stored: the endpoint stores its hash with the new
 * signup (one write instead of a write and an update), and the confirmation carries the link.
 */
export function newCancelLink(payload: Payload, listing: Listing, now = new Date()): { url: string; stored: StoredToken } {
  const token = crypto.randomBytes(tokenBytes).toString('base64url')
  return { url: cancelUrl(payload, token), stored: { hash: hashToken(token), expiresAt: tokenExpiry(listing, now).toISOString() } }
}

/** A new cancel link for the signup (its hash stored beside the others still valid). */
export async function issueCancelLink(payload: Payload, signup: Signup, listing: Listing, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(tokenBytes).toString('base64url')
  const current = (await payload.findByID({ collection: 'signups', id: signup.id, depth: 0, overrideAccess: true, disableErrors: true })) ?? signup
  const kept = tokensOf(current)
    .filter((stored) => new Date(stored.expiresAt) > now)
    .slice(-(maxTokens - 1))
    .map(({ hash, expiresAt }) => ({ hash, expiresAt }))
  await payload.update({
    collection: 'signups',
    id: signup.id,
    data: { cancelTokens: [...kept, { hash: hashToken(token), expiresAt: tokenExpiry(listing, now).toISOString() }] } as Partial<Signup>,
    overrideAccess: true,
    depth: 0,
  })
  return cancelUrl(payload, token)
}

export type TokenLookup = { found: false } | { found: true; signup: Signup; expired: boolean }

/** The signup a token belongs to, and whether the token has expired; `found: false` for anything else. */
export async function findByToken(payload: Payload, token: unknown, now = new Date()): Promise<TokenLookup> {
  if (typeof token !== 'string' || !tokenPattern.test(token)) return { found: false }
  const hash = hashToken(token)
  const { docs } = await payload.find({ collection: 'signups', where: { 'cancelTokens.hash': { equals: hash } }, depth: 0, limit: 1, overrideAccess: true, pagination: false })
  const signup = docs[0]
  if (!signup) return { found: false }
  const stored = tokensOf(signup).find((candidate) => candidate.hash === hash)
  if (!stored) return { found: false }
  return { found: true, signup, expired: new Date(stored.expiresAt) <= now }
}
