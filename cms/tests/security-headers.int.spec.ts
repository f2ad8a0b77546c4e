import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'

import { trustProxySetting } from '../src/lib/clientKey'
import { proxy } from '../src/proxy'
import { adminContentSecurityPolicy, headersEverywhere, headersOutsideApi } from '../src/security/headers'
import { requestIsHttps, withSecureCookies } from '../src/security/https'

/** The decisions behind the headers; e2e/tests/admin-security-headers.spec.ts checks them over real HTTP. */

const directive = (policy: string, name: string) => policy.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `))

describe('the admin Content-Security-Policy', () => {
  it('runs scripts only by nonce, is never framed and loads nothing from elsewhere', () => {
    const policy = adminContentSecurityPolicy('abc123')
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'")
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directive(policy, 'object-src')).toBe("object-src 'none'")
    expect(directive(policy, 'default-src')).toBe("default-src 'self'")
    expect(policy).not.toMatch(/https?:|\*/)
    expect(policy).not.toContain('unsafe-eval')
    expect(adminContentSecurityPolicy('n', { dev: true })).toContain("'unsafe-eval'")
  })

  it('src/proxy.ts gives each admin request a new nonce, in the request (for Next) and the answer', () => {
    const first = proxy(new NextRequest('http://cms.test/admin/login'))
    const second = proxy(new NextRequest('http://cms.test/admin'))
    const policy = first.headers.get('content-security-policy')!
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!
    expect(nonce.length).toBeGreaterThanOrEqual(22)
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy)
    // The admin's default language is still set.
    expect(first.headers.get('set-cookie')).toMatch(/payload-lng=da/)
  })

  it('the constant headers: nosniff and never framed everywhere; a same-origin Referer outside /api (next.config.ts)', () => {
    const asObject = (headers: { key: string; value: string }[]) => Object.fromEntries(headers.map(({ key, value }) => [key, value]))
    expect(asObject(headersEverywhere)).toEqual({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' })
    // Not under /api: Next would put it over the cancel page's own `no-referrer`.
    expect(asObject(headersOutsideApi)).toEqual({ 'Referrer-Policy': 'same-origin' })
  })
})

describe('over https or not: HSTS and Secure cookies (cms/server.mjs)', () => {
  const http = 'http://localhost:3000'
  const cases: [string, Parameters<typeof requestIsHttps>[0], boolean][] = [
    ['an https CMS_URL', { serverUrl: 'https://cms.example.org', forwardedProto: undefined, socketAddress: '203.0.113.9', trust: trustProxySetting('') }, true],
    ['http, no proxy', { serverUrl: http, forwardedProto: undefined, socketAddress: '127.0.0.1', trust: trustProxySetting('') }, false],
    ['a client’s own X-Forwarded-Proto without TRUST_PROXY', { serverUrl: http, forwardedProto: 'https', socketAddress: '203.0.113.9', trust: trustProxySetting('') }, false],
    ['X-Forwarded-Proto from a trusted proxy address', { serverUrl: http, forwardedProto: 'https', socketAddress: '::ffff:10.0.0.5', trust: trustProxySetting('10.0.0.5') }, true],
    ['X-Forwarded-Proto from an address that is not the proxy', { serverUrl: http, forwardedProto: 'https', socketAddress: '10.0.0.6', trust: trustProxySetting('10.0.0.5') }, false],
    ['X-Forwarded-Proto with TRUST_PROXY=1', { serverUrl: http, forwardedProto: 'https', socketAddress: '10.1.1.1', trust: trustProxySetting('1') }, true],
    ['the outermost proxy’s protocol counts (https, http)', { serverUrl: http, forwardedProto: 'https, http', socketAddress: '127.0.0.1', trust: trustProxySetting('loopback') }, true],
    ['a trusted proxy saying http', { serverUrl: http, forwardedProto: 'http', socketAddress: '127.0.0.1', trust: trustProxySetting('loopback') }, false],
  ]
  it.each(cases)('%s', (_name, question, https) => {
    expect(requestIsHttps(question)).toBe(https)
  })

  it('adds Secure to cookies that lack it, once', () => {
    expect(withSecureCookies('payload-token=x; Path=/; HttpOnly; SameSite=Lax')).toBe('payload-token=x; Path=/; HttpOnly; SameSite=Lax; Secure')
    expect(withSecureCookies(['a=1; Secure', 'b=2; secure; Path=/', 'c=3'])).toEqual(['a=1; Secure', 'b=2; secure; Path=/', 'c=3; Secure'])
    expect(withSecureCookies(undefined)).toBeUndefined()
  })
})
