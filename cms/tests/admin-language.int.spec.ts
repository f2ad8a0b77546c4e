import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/**
 * Validation messages and our endpoints' refusals answer in the admin's language: Payload's
 * language cookie (what the admin's language setting sets), else the request's Accept-Language,
 * else Danish. The Danish wording is the one the admin has always shown.
 */
let payload: Payload
let stop: () => Promise<void>
let token: string
let department: number

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const data = { name: 'Røde Kors Sprog', slug: 'sprog', town: 'Odense', municipality: 'Odense', region: 'syddanmark', _status: 'published' } as const
  department = (await payload.create({ collection: 'departments', data, context: seedContext })).id
  await payload.create({ collection: 'users', data: { email: 'sprog@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  token = await loginToken(payload, 'sprog@example.org', 'hemmelig-og-lang')
})
afterAll(async () => stop())

const inLanguage = (headers: Record<string, string>) => ({ token, headers })

/** A department editor without a department: refused by the departments field's validator. */
async function userWithoutDepartment(headers: Record<string, string>): Promise<string> {
  const response = await rest(payload, 'POST', '/users', {
    ...inLanguage(headers),
    body: { email: `uden-${Date.now()}-${Math.random()}@example.org`, password: 'hemmelig-og-lang', role: 'department-editor' },
  })
  expect(response.status).toBe(400)
  return response.text()
}

describe('the admin language of a request', () => {
  it('an English admin is told in English, a Danish one in Danish, by a field validator', async () => {
    expect(await userWithoutDepartment({ Cookie: 'payload-lng=en' })).toContain('A local branch user must belong to at least one branch.')
    expect(await userWithoutDepartment({ Cookie: 'payload-lng=da' })).toContain('En bruger i en lokalafdeling skal høre til mindst én afdeling.')
  })

  it('without the cookie, Accept-Language decides, and Danish is the default', async () => {
    expect(await userWithoutDepartment({ 'Accept-Language': 'en-GB,en;q=0.9' })).toContain('A local branch user must belong to at least one branch.')
    const danish = await userWithoutDepartment({})
    expect(danish).toContain('En bruger i en lokalafdeling skal høre til mindst én afdeling.')
    expect(danish).not.toContain('A local branch user')
  })

  it('validators with values in their message fill them in the admin language', async () => {
    // Refused for its schedule (and for the activity type it lacks): every field's message comes back.
    const activity = {
      title: `Sprogtest ${Date.now()}`,
      department,
      schedule: { weekdays: ['MO'], startTime: '15:00', endTime: '14:00', validFrom: '2099-01-10', nextPeriod: { changesOn: '2099-01-05', weekdays: ['TU'], startTime: '16:00' } },
      _status: 'published',
    }
    const answer = async (headers: Record<string, string>) => (await rest(payload, 'POST', '/activities', { ...inLanguage(headers), body: activity })).text()
    const english = await answer({ Cookie: 'payload-lng=en' })
    expect(english).toContain('The end time must be after the start time.')
    expect(english).toContain('The new times must begin after \\"Valid from\\" (10/01/2099).')
    const danish = await answer({ Cookie: 'payload-lng=da' })
    expect(danish).toContain('Sluttiden skal ligge efter starttiden.')
    expect(danish).toContain('Den nye tid skal begynde efter \\"Gælder fra\\" (10.1.2099).')
  })

  it('our own endpoints refuse in the language of the request', async () => {
    const english = await rest(payload, 'GET', '/personal-data?email=someone@example.org', { headers: { Cookie: 'payload-lng=en' } })
    expect(english.status).toBe(401)
    expect(await english.json()).toEqual({ error: 'Log in as an administrator.' })
    const danish = await rest(payload, 'GET', '/personal-data?email=someone@example.org')
    expect(await danish.json()).toEqual({ error: 'Log ind som administrator.' })
  })
})
