import { isIPv6 } from 'node:net'

import type { PayloadRequest } from 'payload'

/**
 * Signups per client in a sliding window, in the CMS process's memory (one CMS process; a
 * restart forgets, which is fine for stopping floods). SIGNUP_RATE_LIMIT attempts per
 * SIGNUP_RATE_WINDOW_SECONDS, every attempt counted, valid or not.
 */
const settings = () => ({
  limit: Number(process.env.SIGNUP_RATE_LIMIT ?? 10),
  windowMs: Number(process.env.SIGNUP_RATE_WINDOW_SECONDS ?? 600) * 1000,
  // Without a trusted proxy a client can name its own address (see clientKey): then all of them
  // together also share this ceiling, so spoofed addresses cannot flood the database.
  globalLimit: Number(process.env.SIGNUP_GLOBAL_RATE_LIMIT ?? 200),
  trustProxy: process.env.TRUST_PROXY === 'true',
})

const attempts = new Map<string, number[]>()
const maxClients = 50_000

/**
 * The client's address. Next fills X-Forwarded-For from the socket only when the request has
 * none, so it is the client's own claim unless a proxy in front sets it: with TRUST_PROXY=true
 * the last address (the one our proxy appended) is used.
 */
export function clientKey(req: PayloadRequest): string {
  const forwarded = req.headers.get('x-forwarded-for') ?? ''
  const addresses = forwarded.split(',').map((address) => address.trim()).filter(Boolean)
  return addressKey((settings().trustProxy ? addresses.at(-1) : addresses[0]) ?? 'unknown')
}

/**
 * One key per client: an IPv4 address as it is, an IPv6 address by its /64 network. A home or
 * phone connection gets a whole /64 and can pick any address in it, so counting per address
 * would let one client sign up without limit.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, '').replace(/%.*$/, '')
  if (!isIPv6(bare)) return address
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped) return mapped[1]!
  const [head = '', tail = ''] = bare.toLowerCase().split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = bare.includes('::') ? (tail ? tail.split(':') : []) : []
  // An IPv4 tail (::ffff:… aside, e.g. 64:ff9b::192.0.2.1) takes two groups' room.
  const tailRoom = tailGroups.length + (tailGroups.at(-1)?.includes('.') ? 1 : 0)
  const groups = bare.includes('::') ? [...headGroups, ...Array(8 - headGroups.length - tailRoom).fill('0'), ...tailGroups] : headGroups
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

function hit(key: string, limit: number, windowMs: number, now: number): number | undefined {
  const recent = attempts.get(key) ?? []
  // Oldest first: drop the attempts that left the window (not a scan of the whole list per request).
  let expired = 0
  while (expired < recent.length && now - recent[expired]! >= windowMs) expired++
  if (expired) recent.splice(0, expired)
  if (recent.length >= limit) {
    attempts.set(key, recent)
    return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000))
  }
  recent.push(now)
  if (!attempts.has(key) && attempts.size >= maxClients) {
    const oldest = attempts.keys().next().value
    if (oldest !== undefined) attempts.delete(oldest)
  }
  attempts.set(key, recent)
  return undefined
}

/** Counts an attempt; answers the seconds to wait when over the limit. */
export function rateLimited(req: PayloadRequest, now = Date.now()): number | undefined {
  const { limit, windowMs, globalLimit, trustProxy } = settings()
  const wait = hit(`client:${clientKey(req)}`, limit, windowMs, now)
  if (wait !== undefined || trustProxy) return wait
  return hit('all-clients', globalLimit, windowMs, now)
}
