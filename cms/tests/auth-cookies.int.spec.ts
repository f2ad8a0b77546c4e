import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { authCookies, tokenCookie } from './auth-cookies'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  process.env.CMS_URL = 'http://localhost:3000'
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop?.())

it('on an http CMS_URL the auth cookie is HttpOnly and SameSite=Lax, and not Secure (server.mjs adds it behind a TLS proxy)', async () => {
  const { login, logout } = await authCookies(payload)
  const token = tokenCookie(login)!
  expect(token).toMatch(/;\s*HttpOnly/i)
  expect(token).toMatch(/;\s*SameSite=Lax/i)
  expect(token).not.toMatch(/;\s*Secure/i)
  expect(tokenCookie(logout)).toMatch(/;\s*SameSite=Lax/i)
})
