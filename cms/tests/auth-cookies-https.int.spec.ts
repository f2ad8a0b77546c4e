import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { authCookies, tokenCookie } from './auth-cookies'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  // Read when the config is imported: the CMS's own address is https.
  process.env.CMS_URL = 'https://cms.example.org'
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop?.())

it('on an https CMS_URL the auth cookie is HttpOnly, SameSite=Lax and Secure, at login and logout', async () => {
  const { login, logout } = await authCookies(payload)
  for (const cookie of [tokenCookie(login)!, tokenCookie(logout)!]) {
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).toMatch(/;\s*Secure/i)
  }
})
