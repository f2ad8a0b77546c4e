import { expect, it } from 'vitest'

import { authCookies, tokenCookie } from './auth-cookies'

it('on an https CMS_URL the auth cookie is HttpOnly, SameSite=Lax and Secure, at login and logout', async () => {
  const { login, logout } = await authCookies('https://cms.example.org')
  for (const cookie of [tokenCookie(login)!, tokenCookie(logout)!]) {
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).toMatch(/;\s*Secure/i)
  }
}, 120_000) // it starts its own CMS: the hook's time, not a test's
