import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { clientKey } from '../lib/clientKey'
import { payloadSecret } from '../lib/database'
import { redis } from '../lib/redis'

/**
 * Signup limits in sliding windows of SIGNUP_RATE_WINDOW_SECONDS, kept in Redis when REDIS_URL is
 * set (so that several CMS instances count together: a client cannot get twice the limit by
 * landing on two of them), else in this process's memory (one CMS process; a restart forgets,
 * which is fine for stopping floods):
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
 *
 * The keys hold e-mail addresses and phone numbers: in Redis they are hashed (keyOf), and every
 * key expires with its window.
 */
const settings = () => ({
  limit: Number(process.env.SIGNUP_RATE_LIMIT ?? 10),
  windowMs: Number(process.env.SIGNUP_RATE_WINDOW_SECONDS ?? 600) * 1000,
  globalLimit: Number(process.env.SIGNUP_GLOBAL_RATE_LIMIT ?? 200),
  targetLimit: Number(process.env.SIGNUP_TARGET_RATE_LIMIT ?? 30),
  contactLimit: Number(process.env.SIGNUP_CONTACT_RATE_LIMIT ?? 5),
})

/** Attempts under a key in the window before this call, and the oldest of them. */
interface Window {
  count: number
  oldest?: number
}

/**
 * Counts the attempts under `key` in the window; records one at `now` when `record` is set and
 * fewer than `below` are there (no `below`: always). One step, so two instances cannot both pass
 * the last free attempt.
 */
type Hit = (key: string, options: { now: number; windowMs: number; record: boolean; below?: number }) => Promise<Window>

const memory = (() => {
  const attempts = new Map<string, number[]>()
  const maxKeys = 50_000
  const hit: Hit = async (key, { now, windowMs, record, below }) => {
    const times = attempts.get(key) ?? []
    let expired = 0
    while (expired < times.length && now - times[expired]! >= windowMs) expired++
    if (expired) times.splice(0, expired)
    const window = { count: times.length, oldest: times[0] }
    if (record && (below === undefined || times.length < below)) {
      times.push(now)
      if (!attempts.has(key) && attempts.size >= maxKeys) {
        const oldest = attempts.keys().next().value
        if (oldest !== undefined) attempts.delete(oldest)
      }
      attempts.set(key, times)
    } else if (!times.length) attempts.delete(key)
    return window
  }
  return hit
})()

// KEYS[1]: a sorted set of attempt times. ARGV: now, window (ms), record (1/0), below (-1: none), member.
const slidingWindow = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local count = redis.call('ZCARD', KEYS[1])
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2] or '-1'
local below = tonumber(ARGV[4])
if ARGV[3] == '1' and (below < 0 or count < below) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return {count, oldest}`

let sequence = 0
const inRedis =
  (client: NonNullable<ReturnType<typeof redis>>): Hit =>
  async (key, { now, windowMs, record, below }) => {
    // The member only has to be unique: two attempts in the same millisecond both count.
    const member = `${now}:${process.pid}:${++sequence}:${Math.random().toString(36).slice(2, 8)}`
    const [count, oldest] = (await client.eval(slidingWindow, 1, `signup-limit:${key}`, now, windowMs, record ? 1 : 0, below ?? -1, member)) as [number, string]
    return { count: Number(count), oldest: Number(oldest) >= 0 ? Number(oldest) : undefined }
  }

const store = (): Hit => {
  const client = redis()
  return client ? inRedis(client) : memory
}

/**
 * In Redis a key names no address or number in the clear: whoever reads Redis reads no personal
 * data (keyed with the secret, so a list of likely addresses cannot be hashed to match).
 */
async function keyOf(key: string): Promise<string> {
  if (!process.env.REDIS_URL || key === 'all-signups' || key.startsWith('target:')) return key
  return crypto.createHmac('sha256', payloadSecret()).update(key).digest('base64url')
}

/** Counts an attempt from this client; answers the seconds to wait when it is over its limit. */
export async function rateLimited(req: PayloadRequest, now = Date.now()): Promise<number | undefined> {
  const { limit, windowMs } = settings()
  const { count, oldest } = await store()(await keyOf(`client:${clientKey(req)}`), { now, windowMs, record: true, below: limit })
  if (count >= limit) return Math.max(1, Math.ceil(((oldest ?? now) + windowMs - now) / 1000))
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
export async function ceilingReached(keys: { key: string; limit: number }[], now = Date.now()): Promise<boolean> {
  const { windowMs } = settings()
  const hit = store()
  const windows = await Promise.all(keys.map(async ({ key }) => hit(await keyOf(key), { now, windowMs, record: false })))
  return windows.some(({ count }, i) => count >= keys[i]!.limit)
}

/** Counts a valid signup against its ceilings. */
export async function countSignup(keys: { key: string; limit: number }[], now = Date.now()): Promise<void> {
  const { windowMs } = settings()
  const hit = store()
  await Promise.all(keys.map(async ({ key }) => hit(await keyOf(key), { now, windowMs, record: true })))
}
