import { BlockList, isIP, isIPv6 } from 'node:net'

import type { PayloadRequest } from 'payload'

/**
 * Who a request comes from, as far as the CMS can tell, for the limits that count per client
 * (signups/rateLimit.ts, auth/login.ts). cms/server.mjs tells it the socket's address; TRUST_PROXY
 * says which X-Forwarded-For hops to believe.
 */

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

export type Trust = { kind: 'none' } | { kind: 'all' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList }

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

/** One key per client (see addressKey): what signup rate limits and login throttling count by. */
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
