import { BlockList, isIP, isIPv6 } from 'node:net'

import type { PayloadRequest } from 'payload'

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

/** The header cms/server.mjs sets from the socket; believed only when that server marked the process. */
function socketAddress(req: PayloadRequest): string | undefined {
  const header = (globalThis as Record<symbol, unknown>)[Symbol.for('drk.socketAddressHeader')]
  if (typeof header !== 'string') return undefined
  return req.headers.get(header) || undefined
}

const bare = (address: string) => {
  const plain = address.trim().replace(/^\[|\](:\d+)?$/g, '').replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)
  return mapped ? mapped[1]! : plain
}

type Trust = { kind: 'none' } | { kind: 'all' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList }

const namedRanges: Record<string, [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']],
  linklocal: [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']],
  uniquelocal: [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']],
}

let parsedTrust: { value: string | undefined; trust: Trust } | undefined
/**
 * TRUST_PROXY as Express's `trust proxy`: unset or `false` (no proxy: the socket's address),
 * `true` (every hop: the left-most X-Forwarded-For address; only safe if the proxy replaces the
 * header), a hop count (`1`: the address the one proxy in front appended), or the proxies'
 * addresses and CIDR ranges, comma-separated (also `loopback`, `linklocal`, `uniquelocal`).
 */
export function trustProxySetting(value = process.env.TRUST_PROXY): Trust {
  if (parsedTrust && parsedTrust.value === value) return parsedTrust.trust
  let trust: Trust
  const text = (value ?? '').trim().toLowerCase()
  if (!text || text === 'false') trust = { kind: 'none' }
  else if (text === 'true') trust = { kind: 'all' }
  else if (/^\d+$/.test(text)) trust = { kind: 'hops', hops: Number(text) }
  else {
    const list = new BlockList()
    for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
      for (const [network, prefix, type] of namedRanges[entry] ?? []) list.addSubnet(network, prefix, type)
      if (namedRanges[entry]) continue
      const [address = '', prefix] = entry.split('/')
      const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : undefined
      if (!type) throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR range or loopback/linklocal/uniquelocal`)
      if (prefix === undefined) list.addAddress(address, type)
      else list.addSubnet(address, Number(prefix), type)
    }
    trust = { kind: 'addresses', list }
  }
  parsedTrust = { value, trust }
  return trust
}

const isTrusted = (list: BlockList, address: string) => {
  const type = isIP(address)
  return type !== 0 && list.check(address, type === 6 ? 'ipv6' : 'ipv4')
}

/**
 * The client's address: the socket's, then X-Forwarded-For walked from the right, past every
 * hop that is a trusted proxy. Without cms/server.mjs (next dev, Payload's handler in tests)
 * there is no socket address: then, with a trusted proxy configured, the header's addresses are
 * used as if the socket were the proxy, and without one every client is "unknown".
 */
export function clientAddress(req: PayloadRequest): string {
  const trust = trustProxySetting()
  const socket = socketAddress(req)
  const forwarded = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((address) => bare(address))
    .filter(Boolean)
  if (trust.kind === 'none') return socket ? bare(socket) : 'unknown'
  // Nearest hop first: the socket, then X-Forwarded-For from right to left.
  const hops = [...(socket ? [bare(socket)] : []), ...forwarded.reverse()]
  if (!hops.length) return 'unknown'
  if (trust.kind === 'all') return hops.at(-1)!
  // Without a socket address (no server.mjs) the request is taken to come from a trusted proxy.
  const missing = socket ? 0 : 1
  if (trust.kind === 'hops') return hops[Math.max(0, Math.min(trust.hops - missing, hops.length - 1))]!
  let index = 0
  while (index < hops.length - 1 && isTrusted(trust.list, hops[index]!)) index++
  return hops[index]!
}

/** One key per client (see addressKey). Also used by the login throttling. */
export function clientKey(req: PayloadRequest): string {
  return addressKey(clientAddress(req))
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
