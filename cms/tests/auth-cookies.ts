import { startPayload } from './payload'
import { rest } from './rest'

/**
 * Starts the CMS with this CMS_URL (read when the config is imported, so each spec file that calls
 * this runs its own module graph), logs a new admin in over REST and out again, stops the CMS, and
 * returns the Set-Cookie values of the login and of the logout.
 */
export async function authCookies(cmsUrl: string): Promise<{ login: string[]; logout: string[] }> {
  process.env.CMS_URL = cmsUrl
  const { payload, stop } = await startPayload()
  try {
    const email = `cookies-${Date.now()}@example.org`
    const password = 'a long password for cookies'
    await payload.create({ collection: 'users', data: { email, password, role: 'admin', name: 'Cookies' } })
    const login = await rest(payload, 'POST', '/users/login', { body: { email, password } })
    if (login.status !== 200) throw new Error(`login answered ${login.status}`)
    const { token } = (await login.json()) as { token: string }
    const logout = await rest(payload, 'POST', '/users/logout', { token })
    return { login: login.headers.getSetCookie(), logout: logout.headers.getSetCookie() }
  } finally {
    await stop()
  }
}

export const tokenCookie = (cookies: string[]) => cookies.find((cookie) => cookie.startsWith('payload-token='))
