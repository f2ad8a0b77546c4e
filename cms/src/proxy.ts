import { type NextRequest, NextResponse } from 'next/server'

const languageCookie = 'payload-lng'

/**
 * The admin speaks Danish unless the user chose otherwise. Payload would otherwise follow the
 * browser's Accept-Language, so a volunteer with an English browser got an English admin.
 * A user's own choice (Account → Language) sets this cookie and is kept.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(languageCookie)) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = headers.get('cookie')
  headers.set('cookie', cookie ? `${cookie}; ${languageCookie}=da` : `${languageCookie}=da`)
  const response = NextResponse.next({ request: { headers } })
  response.cookies.set(languageCookie, 'da', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin/:path*', '/admin'] }
