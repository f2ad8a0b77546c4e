import type { PayloadRequest } from 'payload'

import { clientKey } from '../lib/clientKey'

/**
 * Signup limits, in the CMS process's memory (one CMS process; a restart forgets, which is fine
 * for stopping floods), in sliding windows of SIGNUP_RATE_WINDOW_SECONDS:
 *
 * - per client (SIGNUP_RATE_LIMIT attempts, valid or not): over it, that client is refused (429).
 *   The client is the socket's address, or with a trusted proxy the first untrusted address in
 *   X-Forwarded-For, so nobody can name someone else's address or pick a new one per request.
 * - ceilings, counted only for signups that passed validation, so invalid requests cannot use
 *   them up: all signups together (SIGNUP_GLOBAL_RATE_LIMIT), per activity/event/department
 *   (SIGNUP_TARGET_RATE_LIMIT) and per e-mail address or phone number given
 *   (SIGNUP_CONTACT_RATE_LIMIT). Over a ceiling nobody is refused: the signup needs a solved
 *   challenge first (see challenge.ts), which the site's script solves by itself and a person
 *   without JavaScript passes by pressing "send" once more.
 */
const settings = () => ({
  limit: Number(process.env.SIGNUP_RATE_LIMIT ?? 10),
  windowMs: Number(process.env.SIGNUP_RATE_WINDOW_SECONDS ?? 600) * 1000,
  globalLimit: Number(process.env.SIGNUP_GLOBAL_RATE_LIMIT ?? 200),
  targetLimit: Number(process.env.SIGNUP_TARGET_RATE_LIMIT ?? 30),
  contactLimit: Number(process.env.SIGNUP_CONTACT_RATE_LIMIT ?? 5),
})

const attempts = new Map<string, number[]>()
const maxKeys = 50_000

/** The recent attempts under a key, oldest first, without those that left the window. */
function recent(key: string, windowMs: number, now: number): number[] {
  const times = attempts.get(key) ?? []
  let expired = 0
  while (expired < times.length && now - times[expired]! >= windowMs) expired++
  if (expired) times.splice(0, expired)
  return times
}

function record(key: string, now: number) {
  const times = attempts.get(key) ?? []
  times.push(now)
  if (!attempts.has(key) && attempts.size >= maxKeys) {
    const oldest = attempts.keys().next().value
    if (oldest !== undefined) attempts.delete(oldest)
  }
  attempts.set(key, times)
}

/** Counts an attempt from this client; answers the seconds to wait when it is over its limit. */
export function rateLimited(req: PayloadRequest, now = Date.now()): number | undefined {
  const { limit, windowMs } = settings()
  const key = `client:${clientKey(req)}`
  const times = recent(key, windowMs, now)
  if (times.length >= limit) return Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000))
  record(key, now)
  return undefined
}

/** The ceilings a valid signup counts against: all signups, its target, the addresses it gives. */
export function ceilingKeys(signup: { target: string; email?: string; phone?: string }): { key: string; limit: number }[] {
  const { globalLimit, targetLimit, contactLimit } = settings()
  return [
    { key: 'all-signups', limit: globalLimit },
    { key: `target:${signup.target}`, limit: targetLimit },
    ...(signup.email ? [{ key: `email:${signup.email.toLowerCase()}`, limit: contactLimit }] : []),
    ...(signup.phone ? [{ key: `phone:${signup.phone}`, limit: contactLimit }] : []),
  ]
}

/** Whether any of these ceilings is reached (then the signup needs a solved challenge). */
export function ceilingReached(keys: { key: string; limit: number }[], now = Date.now()): boolean {
  const { windowMs } = settings()
  return keys.some(({ key, limit }) => recent(key, windowMs, now).length >= limit)
}

/** Counts a valid signup against its ceilings. */
export function countSignup(keys: { key: string; limit: number }[], now = Date.now()): void {
  for (const { key } of keys) record(key, now)
}
