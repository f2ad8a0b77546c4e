import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/**
 * An activity's page lives under its department. A published activity moved to another
 * department keeps the old department's slug (`previousDepartmentSlugs`), so the site can lead
 * the old page address to the new one. The CMS keeps the list; nobody adds to it.
 */

let payload: Payload
let stop: () => Promise<void>
let token: string
let activityTypeId: number | string

type Doc = { id: number | string; slug: string; department?: unknown; previousDepartmentSlugs?: string[] | null }

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  token = await loginToken(payload, 'admin@example.org', 'hemmelig-og-lang')
  activityTypeId = (await payload.create({ collection: 'activity-types', data: { title: 'Lektiecaféer', slug: 'lektiecafeer', _status: 'published' }, context: seedContext })).id
})
afterAll(async () => stop())

const unique = (base: string) => `${base}-${Math.random().toString(36).slice(2, 8)}`

async function department(): Promise<{ id: number | string; slug: string }> {
  const slug = unique('afdeling')
  const doc = await payload.create({
    collection: 'departments',
    data: { name: `Røde Kors ${slug}`, slug, town: 'Aarhus', municipality: 'Aarhus', region: 'midtjylland', _status: 'published' },
    context: seedContext,
  })
  return { id: doc.id, slug }
}

async function send(method: 'POST' | 'PATCH', path: string, body: Record<string, unknown>): Promise<Doc> {
  const response = await rest(payload, method, path, { token, body })
  expect(response.status, await response.clone().text()).toBe(method === 'POST' ? 201 : 200)
  return ((await response.json()) as { doc: Doc }).doc
}

const activity = (departmentId: Doc['id'], extra: Record<string, unknown> = {}) =>
  send('POST', '/activities?depth=0', { title: 'Lektiecafé', slug: unique('cafe'), department: departmentId, activityType: activityTypeId, _status: 'published', ...extra })

describe('an activity moved to another department', () => {
  it('keeps the slug of the department it left when the move is published', async () => {
    const [vest, aarhus] = [await department(), await department()]
    const cafe = await activity(vest.id)
    expect(cafe.previousDepartmentSlugs ?? []).toEqual([])
    const moved = await send('PATCH', `/activities/${cafe.id}?depth=0`, { department: aarhus.id, _status: 'published' })
    expect(moved.previousDepartmentSlugs).toEqual([vest.slug])
    // An unrelated save keeps the list, once.
    expect((await send('PATCH', `/activities/${cafe.id}?depth=0`, { title: 'Lektiecafé Brabrand', _status: 'published' })).previousDepartmentSlugs).toEqual([vest.slug])
  })

  it('keeps nothing on the site for a move made only in a draft', async () => {
    const [vest, aarhus] = [await department(), await department()]
    const cafe = await activity(vest.id)
    await send('PATCH', `/activities/${cafe.id}?depth=0&draft=true`, { department: aarhus.id, _status: 'draft' })
    // The site reads the published activity: the move is not public, so nothing was left.
    const shown = (await (await rest(payload, 'GET', `/activities/${cafe.id}?depth=0`)).json()) as Doc
    expect(shown.previousDepartmentSlugs ?? []).toEqual([])
    // Back to where the public page is before publishing: no move ever went public.
    expect((await send('PATCH', `/activities/${cafe.id}?depth=0`, { department: vest.id, _status: 'published' })).previousDepartmentSlugs ?? []).toEqual([])
  })

  it('moving back drops the department it returns to; the old slug stays as it was when the department is renamed later', async () => {
    const [vest, aarhus] = [await department(), await department()]
    const cafe = await activity(vest.id)
    await send('PATCH', `/activities/${cafe.id}?depth=0`, { department: aarhus.id, _status: 'published' })
    await payload.update({ collection: 'departments', id: vest.id, data: { slug: `${vest.slug}-ny`, _status: 'published' } })
    expect((await send('PATCH', `/activities/${cafe.id}?depth=0`, { title: 'Stadig her', _status: 'published' })).previousDepartmentSlugs).toEqual([vest.slug])
    const back = await send('PATCH', `/activities/${cafe.id}?depth=0`, { department: vest.id, _status: 'published' })
    // Its page is under the department again (whose own rename leads its old address on).
    expect(back.previousDepartmentSlugs).toEqual([aarhus.slug])
  })

  it('a request that adds a department is refused; removing one works', async () => {
    const [vest, aarhus] = [await department(), await department()]
    const cafe = await activity(vest.id)
    await send('PATCH', `/activities/${cafe.id}?depth=0`, { department: aarhus.id, _status: 'published' })
    const refused = await rest(payload, 'PATCH', `/activities/${cafe.id}?depth=0`, { token, body: { previousDepartmentSlugs: [vest.slug, 'odense'], _status: 'published' } })
    expect(refused.status).toBe(400)
    const { errors } = (await refused.json()) as { errors: { data: { errors: { path: string; message: string }[] } }[] }
    expect(errors[0]!.data.errors).toEqual([{ path: 'previousDepartmentSlugs', message: expect.stringContaining('Tidligere afdelinger kan kun fjernes, ikke tilføjes ("odense")') }])
    expect(((await (await rest(payload, 'GET', `/activities/${cafe.id}?depth=0`)).json()) as Doc).previousDepartmentSlugs).toEqual([vest.slug])
    const removed = await send('PATCH', `/activities/${cafe.id}?depth=0`, { previousDepartmentSlugs: [], _status: 'published' })
    expect(removed.previousDepartmentSlugs).toEqual([])
  })
})
