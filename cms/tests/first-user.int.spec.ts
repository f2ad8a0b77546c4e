import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'
import { rest } from './rest'

/** The "create first user" screen with a setup code (as `npm start` gives the CMS in production). */
let payload: Payload
let stop: () => Promise<void>
const setupToken = 'engangskode-til-test'

beforeAll(async () => {
  process.env.SETUP_TOKEN = setupToken
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => {
  await stop()
  delete process.env.SETUP_TOKEN
})

const register = (body: Record<string, unknown>) =>
  rest(payload, 'POST', '/users/first-register', { body: { email: 'first@example.org', password: 'hemmelig-og-lang', 'confirm-password': 'hemmelig-og-lang', ...body } })
const users = async () => (await payload.count({ collection: 'users' })).totalDocs

describe('the first user', () => {
  it('is not made without the setup code, or with a wrong one', async () => {
    expect((await register({})).status).toBe(400)
    expect((await register({ setupToken: 'gæt' })).status).toBe(400)
    expect(await users()).toBe(0)
  })

  it('is made, as admin, with the setup code; after that the screen is closed', async () => {
    const response = await register({ setupToken })
    expect(response.status, await response.clone().text()).toBe(200)
    const { docs } = await payload.find({ collection: 'users' })
    expect(docs.map(({ email, role }) => ({ email, role }))).toEqual([{ email: 'first@example.org', role: 'admin' }])
    expect(JSON.stringify(docs[0])).not.toContain(setupToken)
    expect((await rest(payload, 'POST', '/users/first-register', { body: { email: 'second@example.org', password: 'hemmelig-og-lang', setupToken } })).status).toBe(403)
  })
})
