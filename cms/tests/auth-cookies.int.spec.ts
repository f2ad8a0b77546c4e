import { expect, it } from 'vitest'

import { authCookies, tokenCookie } from './auth-cookies'

it('on an http CMS_URL the auth cookie is HttpOnly and SameSite=Lax, and not Secure (server.mjs adds it behind a TLS proxy)', async () => {
  const { login, logout } = await authCookies('http://localhost:3000')
  const token = tokenCookie(login)!
  expect(token).toMatch(/;\s*HttpOnly/i)
  expect(token).toMatch(/;\s*SameSite=Lax/i)
  expect(token).not.toMatch(/;\s*Secure/i)
  expect(tokenCookie(logout)).toMatch(/;\s*SameSite=Lax/i)
}, 120_000) // it starts its own CMS: the hook's time, not a test's
