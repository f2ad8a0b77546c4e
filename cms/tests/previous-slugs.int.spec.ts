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

  it('adding to the list is refused with a message, not dropped, even for an admin; a new document starts with none', async () => {
    const doc = await create('events', unique('fest'), { previousSlugs: ['someone-elses-page'] })
    expect(doc.previousSlugs ?? []).toEqual([])
    const newName = unique('fest')
    const renamed = await patch('events', doc.id, { slug: newName, _status: 'published' })
    expect(renamed.previousSlugs).toEqual([doc.slug])

    const refused = await rest(payload, 'PATCH', `/events/${doc.id}?depth=0`, { token, body: { title: 'Vinterfest', previousSlugs: [doc.slug, 'afdelinger'], _status: 'published' } })
    expect(refused.status).toBe(400)
    const { errors } = (await refused.json()) as { errors: { data?: { errors?: { path: string; message: string }[] } }[] }
    expect(errors[0]?.data?.errors).toEqual([
      { path: 'previousSlugs', message: expect.stringContaining('Tidligere adresser kan kun fjernes, ikke tilføjes ("afdelinger")') },
    ])
    // In English for an admin who reads English.
    const english = await rest(payload, 'PATCH', `/events/${doc.id}?depth=0`, { token, body: { previousSlugs: ['x'] }, headers: { 'Accept-Language': 'en' } })
    expect(english.status).toBe(400)
    expect(await english.text()).toContain('Previous addresses can only be removed, not added (\\"x\\")')
    // Nothing of the refused saves was stored.
    expect(await published('events', doc.id)).toMatchObject({ slug: newName, previousSlugs: [doc.slug] })
    expect(((await published('events', doc.id)) as Doc & { title?: string }).title).toBe('Sommerfest')

    // The Local API (seeds, scripts) cannot add either.
    await expect(payload.update({ collection: 'events', id: doc.id, data: { previousSlugs: [doc.slug, 'y'] }, context: seedContext })).rejects.toMatchObject({
      data: { errors: [{ path: 'previousSlugs', message: expect.stringContaining('("y")') }] },
    })
    expect((await published('events', doc.id)).previousSlugs).toEqual([doc.slug])
  })

  it('an editor can take an old address back (remove it); a department editor cannot', async () => {
    const doc = await create('activities', unique('cafe'))
    const second = unique('cafe-ny')
    await patch('activities', doc.id, { slug: second, _status: 'published' })
    await patch('activities', doc.id, { slug: unique('cafe-nyere'), _status: 'published' })
    const email = `${unique('afd')}@example.org`
    await payload.create({ collection: 'users', data: { email, password: 'hemmelig-og-lang', role: 'department-editor', departments: [departmentId as number] } })
    const departmentEditor = await loginToken(payload, email, 'hemmelig-og-lang')
    const refused = await rest(payload, 'PATCH', `/activities/${doc.id}?depth=0`, { token: departmentEditor, body: { previousSlugs: [], _status: 'published' } })
    expect([200, 403]).toContain(refused.status)
    expect((await published('activities', doc.id)).previousSlugs).toEqual([doc.slug, second])
    expect((await patch('activities', doc.id, { previousSlugs: [second], _status: 'published' })).previousSlugs).toEqual([second])
  })

  it('a slug that is another document’s old address is refused, so nobody takes over its old links', async () => {
    const owner = await create('events', unique('cykelstart'))
    await patch('events', owner.id, { slug: unique('cykelstart-ny'), _status: 'published' })
    const response = await rest(payload, 'POST', '/events?depth=0', { token, body: { ...makers.events!(owner.slug), _status: 'published' } })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(`URL-navnet \\"${owner.slug}\\" har tidligere været adressen på en anden side`)
    // The owner may take it back.
    expect((await patch('events', owner.id, { slug: owner.slug, _status: 'published' })).slug).toBe(owner.slug)
  })

  it('a content page cannot take a slug the site’s own sections use (it would never be built)', async () => {
    for (const slug of ['soeg', 'aabne-data', '404']) {
      const response = await rest(payload, 'POST', '/pages?depth=0', { token, body: { ...makers.pages!(slug), _status: 'published' } })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain(`URL-navnet \\"${slug}\\" bruges af en fast del af siden`)
    }
  })

  it('the slug a never-published document was created with is not an old address', async () => {
    const created = await rest(payload, 'POST', '/pages?depth=0&draft=true', { token, body: { ...makers.pages!(unique('udkast')), _status: 'draft' } })
    expect(created.status, await created.clone().text()).toBe(201)
    const draft = ((await created.json()) as { doc: Doc }).doc
    const final = unique('endelig')
    await patch('pages', draft.id, { slug: final }, '&draft=true&autosave=true')
    await patch('pages', draft.id, { _status: 'published' })
    expect(await published('pages', draft.id)).toMatchObject({ slug: final, previousSlugs: [] })
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
