import { type NextRequest, NextResponse } from 'next/server'

import { adminContentSecurityPolicy, newNonce } from './security/headers'

const languageCookie = 'payload-lng'

/**
 * The admin's pages: their Content-Security-Policy (security/headers.ts), and the default language.
 * Not /api: a route's own CSP (the cancel page's, stricter) would be replaced by one set here.
 */
export function proxy(request: NextRequest) {
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const policy = adminContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' })
  const headers = new Headers(request.headers)
  headers.set('Content-Security-Policy', policy)

  // The admin speaks Danish unless the user chose otherwise. Payload would otherwise follow the
  // browser's Accept-Language, so a volunteer with an English browser got an English admin.
  // A user's own choice (Account → Language) sets this cookie and is kept.
  const setLanguage = !request.cookies.has(languageCookie)
  if (setLanguage) {
    const cookie = headers.get('cookie')
    headers.set('cookie', cookie ? `${cookie}; ${languageCookie}=da` : `${languageCookie}=da`)
  }
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  if (setLanguage) response.cookies.set(languageCookie, 'da', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin/:path*', '/admin'] }
