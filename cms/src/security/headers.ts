/**
 * The CMS's security headers. The constant ones come from next.config.ts; the admin's
 * Content-Security-Policy carries a fresh nonce per request (src/proxy.ts); HSTS and the auth
 * cookies' Secure flag depend on whether the request came over https (cms/server.mjs, https.ts).
 */

/**
 * Next applies these over a route's own headers, so they are only ones no route sets for itself:
 * the signup cancel page and the personal data export (under /api) send their own stricter
 * Content-Security-Policy and `Referrer-Policy: no-referrer`, which must stay theirs.
 */
export const headersEverywhere: { key: string; value: string }[] = [
  // Browsers must take a JSON or uploaded file for what its Content-Type says, never sniff it as HTML.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Nothing of the CMS is ever framed (the admin's CSP says frame-ancestors 'none' too).
  { key: 'X-Frame-Options', value: 'DENY' },
]

/** The admin and its static files (not /api, see above). */
export const headersOutsideApi: { key: string; value: string }[] = [
  // Not 'no-referrer': a same-origin form post would then carry `Origin: null` (Fetch standard),
  // which origin checks refuse. Cross-origin (a link out of the admin) gets no Referer at all.
  { key: 'Referrer-Policy', value: 'same-origin' },
]

/**
 * The admin's policy. Scripts only by nonce: Next puts the nonce on its own inline and external
 * scripts when it finds one in the request's CSP header, and 'strict-dynamic' lets those load the
 * admin's chunks. Styles need 'unsafe-inline': the server-rendered markup carries style
 * attributes (React `style` props) and react-select (emotion) inserts <style> elements at run
 * time without a nonce; a style cannot run code. Everything else comes from the CMS itself.
 * `next dev` needs eval for React's debugging; `next start` does not.
 */
export function adminContentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // Upload previews are blob: URLs until saved; Payload's default avatar and icons are data: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

/**
 * One year. Without includeSubDomains: the CMS's host name says nothing about the other hosts of
 * the organisation's domain, which may still serve plain http.
 */
export const strictTransportSecurity = 'max-age=31536000'
