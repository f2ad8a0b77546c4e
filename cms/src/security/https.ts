import { isIP } from 'node:net'

import type { Trust } from '../lib/clientKey'

/**
 * Whether a request reached the CMS over https: the CMS's own address (serverURL, CMS_URL) is
 * https, or a trusted reverse proxy in front (TRUST_PROXY) says so in X-Forwarded-Proto. A
 * client's own X-Forwarded-Proto counts for nothing when it does not come through such a proxy.
 * Decides HSTS and the auth cookies' Secure flag (cms/server.mjs).
 *
 * Only node: imports and erasable types: cms/server.mjs loads this file as it is (Node strips the types).
 */
export interface HttpsQuestion {
  serverUrl: string
  /** X-Forwarded-Proto as received (a proxy chain may list several, the client's side first). */
  forwardedProto: string | undefined
  /** The connection's peer: the proxy in front, if there is one. */
  socketAddress: string | undefined
  trust: Trust
}

const bare = (address: string) => {
  const plain = address.trim().replace(/^\[|\](:\d+)?$/g, '').replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)
  return mapped ? mapped[1]! : plain
}

function peerIsTrusted(trust: Trust, socketAddress: string | undefined): boolean {
  if (trust.kind === 'none') return false
  if (trust.kind === 'all') return true
  if (trust.kind === 'hops') return trust.hops > 0
  if (!socketAddress) return false
  const address = bare(socketAddress)
  const type = isIP(address)
  return type !== 0 && trust.list.check(address, type === 6 ? 'ipv6' : 'ipv4')
}

export function requestIsHttps({ serverUrl, forwardedProto, socketAddress, trust }: HttpsQuestion): boolean {
  if (serverUrl.toLowerCase().startsWith('https:')) return true
  if (!peerIsTrusted(trust, socketAddress)) return false
  // The first entry is what the client used at the outermost proxy.
  const first = (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase()
  return first === 'https'
}

/** Adds `Secure` to Set-Cookie values that lack it (Payload's auth cookies when the CMS's own URL is http). */
export function withSecureCookies(value: string | string[] | number | undefined): string | string[] | number | undefined {
  const secure = (cookie: string) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`)
  if (typeof value === 'string') return secure(value)
  if (Array.isArray(value)) return value.map(secure)
  return value
}
