import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/**
 * What a translator is told over REST when the guard (access/translator.ts) refuses a save: the
 * reason in the requester's language, never Payload's "An unknown error occurred."
 */
let payload: Payload
let stop: () => Promise<void>
let token: string
let activityId: number | string

const password = 'hemmelig-og-lang'

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password, role: 'admin' } })
  await payload.create({ collection: 'users', data: { email: 'tesfay@example.org', password, role: 'translator', languages: ['ti', 'so'] } })
  const department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Testby', slug: 'testby', town: 'Testby', municipality: 'Testby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  const type = await payload.create({ collection: 'activity-types', data: { title: 'Lektiecafé', slug: 'lektiecafe', _status: 'published' }, context: seedContext })
  const activity = await payload.create({
    collection: 'activities',
    data: {
      title: 'Lektiecafé i Testby',
      summary: 'Hjælp til lektier',
      slug: 'lektiecafe-testby',
      department: department.id,
      activityType: type.id,
      venue: 'Biblioteket',
      schedule: { byAppointment: true },
      _status: 'published',
    },
    context: seedContext,
  })
  activityId = activity.id
  token = await loginToken(payload, 'tesfay@example.org', password)
})
afterAll(async () => stop())

const message = async (response: Response) => ((await response.json()) as { errors?: { message?: string }[] }).errors?.[0]?.message

describe('a translator editing Danish over REST', () => {
  it('is told in Danish that only their languages are theirs, and nothing changes', async () => {
    const response = await rest(payload, 'PATCH', `/activities/${activityId}?locale=da`, { token, body: { summary: 'Ny dansk tekst' }, headers: { 'Accept-Language': 'da' } })
    expect(response.status).toBe(403)
    expect(await message(response)).toMatch(/^Som oversætter kan du kun redigere tekster på dine sprog \(ti, so\)\. Dansk er originalen/)
    const after = await payload.findByID({ collection: 'activities', id: activityId, locale: 'da', depth: 0 })
    expect(after.summary).toBe('Hjælp til lektier')
  })

  it('is told the same without ?locale= (Danish), and for a global', async () => {
    const plain = await rest(payload, 'PATCH', `/activities/${activityId}`, { token, body: { summary: 'Ny dansk tekst' }, headers: { 'Accept-Language': 'da' } })
    expect([plain.status, await message(plain)]).toEqual([403, expect.stringMatching(/^Som oversætter kan du kun redigere tekster på dine sprog \(ti, so\)/)])
    const global = await rest(payload, 'POST', '/globals/site-settings?locale=da', { token, body: { siteName: 'Ny' }, headers: { 'Accept-Language': 'da' } })
    expect([global.status, await message(global)]).toEqual([403, expect.stringMatching(/^Som oversætter kan du kun redigere tekster på dine sprog \(ti, so\)/)])
  })

  it('is told in English when the request asks for English', async () => {
    const response = await rest(payload, 'PATCH', `/activities/${activityId}?locale=da`, { token, body: { summary: 'New Danish text' }, headers: { 'Accept-Language': 'en' } })
    expect(response.status).toBe(403)
    expect(await message(response)).toMatch(/^As a translator you can only edit texts in your languages \(ti, so\)\. Danish is the original/)
  })
})
