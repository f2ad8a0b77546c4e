import { expect, test } from '@playwright/test'

import { type Doc, json, tinyPng } from '../fixtures/api'
import { type AccessWorld, createWorld, inAWeek, snapshot, unique } from '../fixtures/access-world'
import { cmsUrl } from '../fixtures/cms'

/** What a department editor might try in order to get more than their own department. */
let world: AccessWorld
const refused = [401, 403, 404]

test.beforeAll(async ({ playwright }) => {
  world = await createWorld(await playwright.request.newContext())
})

async function activityIn(department: Doc, status: 'draft' | 'published' = 'published'): Promise<Doc> {
  const slug = unique('aktivitet')
  const response = await world.admin.post(`/activities${status === 'draft' ? '?draft=true' : ''}`, {
    title: `Aktivitet ${slug}`,
    slug,
    department: department.id,
    activityType: world.activityTypeId,
    _status: status,
  })
  expect(response.status()).toBe(201)
  return (await json<{ doc: Doc }>(response)).doc
}

const editorApi = () => world.as['department-editor']

test('a department editor cannot make themselves admin', async () => {
  const me = world.departmentEditor
  const before = await snapshot(world.admin, 'users', me.id)
  const response = await editorApi().patch(`/users/${me.id}`, { role: 'admin' })
  expect(response.status()).toBe(403)
  expect(await snapshot(world.admin, 'users', me.id)).toEqual(before)
})

test('a department editor cannot add another department to themselves', async () => {
  const me = world.departmentEditor
  const before = await snapshot(world.admin, 'users', me.id)
  const response = await editorApi().patch(`/users/${me.id}`, { departments: [world.departmentA.id, world.departmentB.id] })
  expect(response.status()).toBe(403)
  expect(await snapshot(world.admin, 'users', me.id)).toEqual(before)
})

test('a department editor cannot post an event for another department', async () => {
  const slug = unique('arrangement')
  const response = await editorApi().post('/events', {
    title: 'Fremmed arrangement',
    slug,
    startsAt: inAWeek(),
    department: world.departmentB.id,
    _status: 'published',
  })
  expect(refused).toContain(response.status())
  const found = await json<{ totalDocs: number }>(await world.admin.get(`/events?where[slug][equals]=${slug}&draft=true`))
  expect(found.totalDocs).toBe(0)
})

test('a department editor without a department in the request gets their own (locked) department', async () => {
  const slug = unique('arrangement')
  const response = await editorApi().post('/events?depth=0', { title: 'Eget arrangement', slug, startsAt: inAWeek(), _status: 'published' })
  expect(response.status(), await response.text()).toBe(201)
  expect((await json<{ doc: Doc }>(response)).doc.department).toBe(world.departmentA.id)
})

test("a department editor cannot move another department's activity into their own", async () => {
  const foreign = await activityIn(world.departmentB)
  const before = await snapshot(world.admin, 'activities', foreign.id)
  const response = await editorApi().patch(`/activities/${foreign.id}`, { department: world.departmentA.id })
  expect(refused).toContain(response.status())
  expect(await snapshot(world.admin, 'activities', foreign.id)).toEqual(before)
})

test('a department editor cannot move their own activity to another department', async () => {
  const own = await activityIn(world.departmentA)
  await editorApi().patch(`/activities/${own.id}`, { department: world.departmentB.id })
  const after = await json<Doc>(await world.admin.get(`/activities/${own.id}?depth=0&draft=true`))
  expect(after.department).toBe(world.departmentA.id)
})

test("a department editor cannot duplicate another department's activity", async () => {
  const foreign = await activityIn(world.departmentB)
  const count = async () => (await json<{ totalDocs: number }>(await world.admin.get(`/activities?where[department][equals]=${world.departmentB.id}&draft=true&limit=1`))).totalDocs
  const before = await count()
  const response = await editorApi().post(`/activities/${foreign.id}/duplicate`, {})
  expect(refused).toContain(response.status())
  expect(await count()).toBe(before)
})

test("a department editor can duplicate their own activity, and the copy stays in their department", async () => {
  const own = await activityIn(world.departmentA)
  const response = await editorApi().post(`/activities/${own.id}/duplicate?depth=0`, { slug: unique('kopi') })
  expect(response.status(), await response.text()).toBe(200)
  expect((await json<{ doc: Doc }>(response)).doc.department).toBe(world.departmentA.id)
})

test('an anonymous reader cannot read a draft, by ID, by query or through versions', async () => {
  const draft = await activityIn(world.departmentA, 'draft')
  expect((await world.as.anonymous.get(`/activities/${draft.id}?draft=true`)).status()).toBe(404)
  expect((await json<{ docs: Doc[] }>(await world.as.anonymous.get(`/activities?where[id][equals]=${draft.id}&draft=true`))).docs).toEqual([])
  expect(refused).toContain((await world.as.anonymous.get(`/activities/versions?where[parent][equals]=${draft.id}`)).status())
})

test("a department editor reads their own department's draft, and another department's page only as published", async () => {
  const phone = unique('tlf')
  for (const department of [world.departmentA, world.departmentB]) {
    const saved = await world.admin.patch(`/departments/${department.id}?draft=true`, { phone })
    expect(saved.status(), await saved.text()).toBe(200)
  }
  const own = await json<Doc>(await editorApi().get(`/departments/${world.departmentA.id}?draft=true&depth=0`))
  expect(own.phone).toBe(phone)
  const foreign = await editorApi().get(`/departments/${world.departmentB.id}?draft=true&depth=0`)
  expect(foreign.status()).toBe(200)
  expect((await json<Doc>(foreign)).phone).not.toBe(phone)
  const listed = await json<{ docs: Doc[] }>(await editorApi().get(`/departments?where[id][equals]=${world.departmentB.id}&draft=true&depth=0`))
  expect(listed.docs.map((department) => department.phone)).not.toContain(phone)
})

test('a department editor reading users sees only themselves', async () => {
  const { docs, totalDocs } = await json<{ docs: Doc[]; totalDocs: number }>(await editorApi().get('/users?limit=100'))
  expect(totalDocs).toBe(1)
  expect(docs[0]!.id).toBe(world.departmentEditor.id)
})

test("a department editor cannot read or restore another department's versions", async () => {
  const foreign = await activityIn(world.departmentB)
  await world.admin.patch(`/activities/${foreign.id}`, { summary: 'Ny version' })
  const versions = await json<{ docs: Doc[] }>(await world.admin.get(`/activities/versions?where[parent][equals]=${foreign.id}&depth=0`))
  expect(versions.docs.length).toBeGreaterThan(0)

  const listed = await json<{ docs: Doc[] }>(await editorApi().get(`/activities/versions?where[parent][equals]=${foreign.id}&depth=0`))
  expect(listed.docs).toEqual([])
  const version = versions.docs[versions.docs.length - 1]!
  expect(refused).toContain((await editorApi().get(`/activities/versions/${version.id}`)).status())

  const before = await snapshot(world.admin, 'activities', foreign.id)
  expect(refused).toContain((await editorApi().post(`/activities/versions/${version.id}`, {})).status())
  expect(await snapshot(world.admin, 'activities', foreign.id)).toEqual(before)
})

test('a department editor can read and restore their own versions', async () => {
  const own = await activityIn(world.departmentA)
  await world.admin.patch(`/activities/${own.id}`, { summary: 'Anden version' })
  const listed = await json<{ docs: Doc[] }>(await editorApi().get(`/activities/versions?where[parent][equals]=${own.id}&depth=0&sort=createdAt`))
  expect(listed.docs.length).toBeGreaterThanOrEqual(2)
  const restored = await editorApi().post(`/activities/versions/${listed.docs[0]!.id}`, {})
  expect(restored.status(), await restored.text()).toBe(200)
})

test('relationships do not leak users a department editor may not read', async () => {
  const uploaded = await world.admin.upload('/media', { name: `${unique('bild')}.png`, mimeType: 'image/png', buffer: tinyPng }, { alt: 'Admin' })
  const { doc } = await json<{ doc: Doc }>(uploaded)
  const asEditor = await json<Doc>(await editorApi().get(`/media/${doc.id}?depth=2`))
  expect(typeof asEditor.createdBy === 'object' && asEditor.createdBy !== null).toBe(false)
  const asAdmin = await json<Doc>(await world.admin.get(`/media/${doc.id}?depth=1`))
  expect((asAdmin.createdBy as Doc).email).toBeTruthy()
})

test('GraphQL is switched off, so it cannot bypass the REST access rules', async ({ request }) => {
  const response = await request.post(`${cmsUrl()}/api/graphql`, { data: { query: '{ Users { docs { email role } } }' } })
  expect(response.status()).toBe(404)
})

test('a department editor confirms their own listing, not someone else’s', async () => {
  const own = await activityIn(world.departmentA)
  const foreign = await activityIn(world.departmentB)
  const before = await snapshot(world.admin, 'activities', foreign.id)

  const confirmed = await editorApi().post(`/activities/${own.id}/confirm`, {})
  expect(confirmed.status(), await confirmed.text()).toBe(200)
  const { lastConfirmedAt } = await confirmed.json()
  expect(Date.now() - new Date(lastConfirmedAt).getTime()).toBeLessThan(60_000)

  expect((await editorApi().post(`/activities/${foreign.id}/confirm`, {})).status()).toBe(404)
  expect(await snapshot(world.admin, 'activities', foreign.id)).toEqual(before)
  expect((await world.as.anonymous.post(`/activities/${own.id}/confirm`, {})).status()).toBe(401)
})
