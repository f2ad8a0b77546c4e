import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/**
 * A renamed document keeps its old slugs (`previousSlugs`), so the site can redirect its old
 * addresses. The CMS keeps the list itself, through REST as the admin saves: nobody writes it.
 */

let payload: Payload
let stop: () => Promise<void>
let token: string
let departmentId: number | string
let activityTypeId: number | string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  token = await loginToken(payload, 'admin@example.org', 'hemmelig-og-lang')
  departmentId = (
    await payload.create({
      collection: 'departments',
      data: { name: 'Røde Kors Aarhus', slug: 'aarhus', town: 'Aarhus', municipality: 'Aarhus', region: 'midtjylland', _status: 'published' },
      context: seedContext,
    })
  ).id
  activityTypeId = (await payload.create({ collection: 'activity-types', data: { title: 'Lektiecaféer', slug: 'lektiecafeer', _status: 'published' }, context: seedContext })).id
})
afterAll(async () => stop())

type Doc = { id: number | string; slug: string; previousSlugs?: string[] | null }

async function patch(collection: string, id: Doc['id'], body: Record<string, unknown>, query = ''): Promise<Doc> {
  const response = await rest(payload, 'PATCH', `/${collection}/${id}?depth=0${query}`, { token, body })
  expect(response.status, await response.clone().text()).toBe(200)
  return ((await response.json()) as { doc: Doc }).doc
}

/** The published document, as the site build reads it. */
async function published(collection: string, id: Doc['id']): Promise<Doc> {
  const response = await rest(payload, 'GET', `/${collection}/${id}?depth=0`)
  expect(response.status).toBe(200)
  return (await response.json()) as Doc
}

const unique = (base: string) => `${base}-${Math.random().toString(36).slice(2, 8)}`

/** A published document of each collection whose slug makes site addresses, made through REST. */
const makers: Record<string, (slug: string) => Record<string, unknown>> = {
  activities: (slug) => ({ title: 'Lektiecafé', slug, department: departmentId, activityType: activityTypeId }),
  events: (slug) => ({ title: 'Sommerfest', slug, department: departmentId, startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }),
  departments: (slug) => ({ name: `Røde Kors ${slug}`, slug, town: 'Aarhus', municipality: 'Aarhus', region: 'midtjylland' }),
  'activity-types': (slug) => ({ title: 'Cykelkurser', slug }),
  pages: (slug) => ({ title: 'Om integration', slug }),
}

async function create(collection: string, slug: string, extra: Record<string, unknown> = {}): Promise<Doc> {
  const response = await rest(payload, 'POST', `/${collection}?depth=0`, { token, body: { ...makers[collection]!(slug), ...extra, _status: 'published' } })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: Doc }).doc
}

describe('previous slugs', () => {
  it.each(Object.keys(makers))('%s: a published rename keeps the old slug, once, and renaming back takes it off', async (collection) => {
    const [first, second, third] = [unique('a'), unique('b'), unique('c')]
    const doc = await create(collection, first)
    expect(doc.previousSlugs ?? []).toEqual([])

    expect((await patch(collection, doc.id, { slug: second, _status: 'published' })).previousSlugs).toEqual([first])
    expect((await patch(collection, doc.id, { slug: third, _status: 'published' })).previousSlugs).toEqual([first, second])
    // Other edits leave the list alone.
    expect((await patch(collection, doc.id, { _status: 'published' })).previousSlugs).toEqual([first, second])
    // Back to the first slug: it is the document's own address again, not an old one.
    expect((await patch(collection, doc.id, { slug: first, _status: 'published' })).previousSlugs).toEqual([second, third])
    expect((await published(collection, doc.id)).previousSlugs).toEqual([second, third])
  })

  it('nobody writes the list through the API, not even an admin; a new document starts with none', async () => {
    const doc = await create('events', unique('fest'), { previousSlugs: ['someone-elses-page'] })
    expect(doc.previousSlugs ?? []).toEqual([])
    const renamed = await patch('events', doc.id, { slug: unique('fest'), _status: 'published' })
    expect(renamed.previousSlugs).toEqual([doc.slug])
    expect((await patch('events', doc.id, { previousSlugs: ['afdelinger', 'x'], _status: 'published' })).previousSlugs).toEqual([doc.slug])
    // The Local API (seeds, scripts) cannot set it either.
    const local = await payload.update({ collection: 'events', id: doc.id, data: { previousSlugs: ['y'] }, context: seedContext })
    expect(local.previousSlugs).toEqual([doc.slug])
  })

  it('slugs typed into drafts and changed again before publishing never went public and are not kept', async () => {
    const doc = await create('pages', unique('side'))
    const typing = unique('side-kladde')
    const final = unique('side-ny')
    await patch('pages', doc.id, { slug: typing }, '&draft=true&autosave=true')
    await patch('pages', doc.id, { slug: final }, '&draft=true&autosave=true')
    // Still the published one on the site, with no old slugs.
    expect(await published('pages', doc.id)).toMatchObject({ slug: doc.slug, previousSlugs: [] })
    await patch('pages', doc.id, { _status: 'published' })
    expect(await published('pages', doc.id)).toMatchObject({ slug: final, previousSlugs: [doc.slug] })
  })

  it('a duplicate does not take the original’s old addresses, through REST or the Local API', async () => {
    const doc = await create('activity-types', unique('type'))
    const renamed = await patch('activity-types', doc.id, { slug: unique('type-ny'), _status: 'published' })
    expect(renamed.previousSlugs).toEqual([doc.slug])
    const response = await rest(payload, 'POST', `/activity-types/${doc.id}/duplicate?depth=0`, { token, body: { slug: unique('kopi') } })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(((await response.json()) as { doc: Doc }).doc.previousSlugs ?? []).toEqual([])
    // The Local API passes every field on (no field access): the CMS itself leaves the list out.
    const copy = await payload.duplicate({ collection: 'activity-types', id: doc.id, data: { slug: unique('kopi') }, context: seedContext })
    expect(copy.previousSlugs ?? []).toEqual([])
  })
})
