import { expect, test } from '@playwright/test'

import { type Doc, json, type Role, tinyPng } from '../fixtures/api'
import { type AccessWorld, countBySlug, createWorld, inAWeek, snapshot, unique } from '../fixtures/access-world'

/**
 * Every role × collection × operation, over REST on the running CMS. A refused request must
 * answer 4xx and leave the database exactly as it was; an allowed one must take effect.
 */
type Operation = 'read published' | 'read draft' | 'create' | 'update' | 'delete' | 'publish'
type Target = 'own' | 'foreign'
const roles: Role[] = ['anonymous', 'department-editor', 'editor', 'admin']
const staff = (role: Role) => role === 'editor' || role === 'admin'
const refused = [401, 403, 404]

type Collection = 'activity-types' | 'target-groups' | 'pages' | 'departments' | 'activities' | 'events'
const national: Collection[] = ['activity-types', 'target-groups', 'pages']
const local: Collection[] = ['activities', 'events']

function expected(role: Role, collection: Collection, operation: Operation, target: Target): boolean {
  if (operation === 'read published') {
    if (local.includes(collection) && role === 'department-editor') return target === 'own'
    return true
  }
  if (operation === 'read draft') {
    if (role === 'anonymous') return false
    // A department editor reads their own department's drafts, not another department's unpublished page.
    if ((local.includes(collection) || collection === 'departments') && role === 'department-editor') return target === 'own'
    return true
  }
  if (staff(role)) return true
  if (role === 'anonymous') return false
  // department editor
  if (national.includes(collection)) return false
  if (collection === 'departments') return operation === 'update' && target === 'own'
  return target === 'own'
}

const textField: Record<Collection, string> = {
  'activity-types': 'summary',
  'target-groups': 'summary',
  pages: 'summary',
  departments: 'phone',
  activities: 'summary',
  events: 'summary',
}

let world: AccessWorld

test.beforeAll(async ({ playwright }) => {
  world = await createWorld(await playwright.request.newContext())
})

function newData(collection: Collection, status: 'draft' | 'published', target: Target): Record<string, unknown> {
  const department = target === 'own' ? world.departmentA.id : world.departmentB.id
  const slug = unique(collection)
  switch (collection) {
    case 'departments':
      return { name: `Røde Kors ${slug}`, town: 'Testby', municipality: 'Testby', region: 'sjaelland', slug, _status: status }
    case 'activities':
      return { title: `Aktivitet ${slug}`, slug, department, activityType: world.activityTypeId, _status: status }
    case 'events':
      return { title: `Arrangement ${slug}`, slug, department, startsAt: inAWeek(), _status: status }
    default:
      return { title: `Titel ${slug}`, slug, _status: status }
  }
}

/** The document a case acts on, made fresh by the admin (a department editor's own department is A). */
async function fixture(collection: Collection, status: 'draft' | 'published', target: Target, role: Role): Promise<Doc> {
  // Only a department editor has an own department; for everyone else any department will do.
  if (collection === 'departments' && target === 'own' && status === 'published' && role === 'department-editor') return world.departmentA
  const response = await world.admin.post(`/${collection}${status === 'draft' ? '?draft=true' : ''}`, newData(collection, status, target))
  expect(response.status(), await response.text()).toBe(201)
  return (await json<{ doc: Doc }>(response)).doc
}

const operations: Operation[] = ['read published', 'read draft', 'create', 'update', 'delete', 'publish']
const collections: Collection[] = [...national, 'departments', ...local]

for (const collection of collections) {
  for (const operation of operations) {
    // Own/foreign only means something where a department owns the document.
    const targets: Target[] = collection === 'departments' || local.includes(collection) ? ['own', 'foreign'] : ['foreign']
    for (const target of targets) {
      // A department has no "own draft" (A is published) and nobody publishes a department page apart from updating it.
      if (collection === 'departments' && target === 'own' && (operation === 'read draft' || operation === 'publish')) continue
      for (const role of roles) {
        const allow = expected(role, collection, operation, target)
        const where = target === 'own' && collection !== 'departments' ? ' in their own department' : target === 'own' ? ' (their own)' : ''
        test(`${role} ${allow ? 'can' : 'cannot'} ${operation} ${collection}${where}`, async () => {
          const api = world.as[role]
          if (operation === 'read published' || operation === 'read draft') {
            const doc = await fixture(collection, operation === 'read draft' ? 'draft' : 'published', target, role)
            const response = await api.get(`/${collection}/${doc.id}?depth=0${operation === 'read draft' ? '&draft=true' : ''}`)
            if (allow) {
              expect(response.status()).toBe(200)
              expect((await response.json()).id).toBe(doc.id)
            } else {
              expect(refused).toContain(response.status())
            }
            const listed = await json<{ docs: Doc[] }>(await api.get(`/${collection}?where[id][equals]=${doc.id}&depth=0${operation === 'read draft' ? '&draft=true' : ''}`))
            expect((listed.docs ?? []).length).toBe(allow ? 1 : 0)
            return
          }
          if (operation === 'create') {
            const data = newData(collection, 'published', target)
            const response = await api.post(`/${collection}`, data)
            if (allow) expect(response.status(), await response.text()).toBe(201)
            else expect(refused).toContain(response.status())
            expect(await countBySlug(world.admin, collection, String(data.slug))).toBe(allow ? 1 : 0)
            return
          }
          const doc = await fixture(collection, operation === 'publish' ? 'draft' : 'published', target, role)
          const before = await snapshot(world.admin, collection, doc.id)
          let response
          if (operation === 'update') response = await api.patch(`/${collection}/${doc.id}`, { [textField[collection]]: '12345678' })
          else if (operation === 'delete') response = await api.delete(`/${collection}/${doc.id}`)
          else response = await api.patch(`/${collection}/${doc.id}`, { _status: 'published' })
          if (!allow) {
            expect(refused).toContain(response.status())
            expect(await snapshot(world.admin, collection, doc.id)).toEqual(before)
            return
          }
          expect(response.status(), await response.text()).toBe(200)
          const after = await snapshot(world.admin, collection, doc.id)
          if (operation === 'delete') expect(after.status).toBe(404)
          if (operation === 'update') {
            const value = after.body[textField[collection]]
            // Localized fields come back per locale (locale=all).
            expect(typeof value === 'object' && value !== null ? value.da : value).toBe('12345678')
          }
          if (operation === 'publish') expect((await world.as.anonymous.get(`/${collection}/${doc.id}`)).status()).toBe(200)
        })
      }
    }
  }
}

test.describe('globals', () => {
  for (const global of ['site-settings', 'navigation']) {
    for (const role of roles) {
      test(`${role} can read ${global}`, async () => {
        expect((await world.as[role].get(`/globals/${global}`)).status()).toBe(200)
      })
      const allow = staff(role)
      test(`${role} ${allow ? 'can' : 'cannot'} update ${global}`, async () => {
        const before = await json(await world.admin.get(`/globals/${global}?depth=0&locale=all`))
        const data = global === 'site-settings' ? { tagline: (before.tagline as Record<string, string>).da } : { items: before.items }
        const response = await world.as[role].post(`/globals/${global}?locale=all`, data)
        if (allow) {
          expect(response.status(), await response.text()).toBe(200)
        } else {
          expect(refused).toContain(response.status())
          const after = await json(await world.admin.get(`/globals/${global}?depth=0&locale=all`))
          expect(after.updatedAt).toBe(before.updatedAt)
        }
      })
    }
  }
})

test.describe('media', () => {
  const upload = (role: Role) => world.as[role].upload('/media', { name: `${unique('bild')}.png`, mimeType: 'image/png', buffer: tinyPng }, { alt: 'Test' })

  for (const role of roles) {
    // Not public: the site shows no uploads (issue 12).
    test(`${role} ${role === 'anonymous' ? 'cannot' : 'can'} read media`, async () => {
      const uploaded = await upload('admin')
      const { doc } = await json<{ doc: Doc }>(uploaded)
      const response = await world.as[role].get(`/media/${doc.id}`)
      if (role === 'anonymous') expect(refused).toContain(response.status())
      else expect(response.status()).toBe(200)
    })
    test(`${role} ${role === 'anonymous' ? 'cannot' : 'can'} upload media`, async () => {
      const response = await upload(role)
      expect(response.status()).toBe(role === 'anonymous' ? 403 : 201)
    })
  }
  for (const role of roles.filter((candidate) => candidate !== 'anonymous')) {
    for (const owner of ['own', 'foreign'] as const) {
      const allow = staff(role) || owner === 'own'
      for (const operation of ['update', 'delete'] as const) {
        test(`${role} ${allow ? 'can' : 'cannot'} ${operation} ${owner === 'own' ? 'their own' : "someone else's"} media`, async () => {
          const { doc } = await json<{ doc: Doc }>(await upload(owner === 'own' ? role : 'admin'))
          const before = await snapshot(world.admin, 'media', doc.id)
          const response = operation === 'update' ? await world.as[role].patch(`/media/${doc.id}`, { alt: 'Ændret' }) : await world.as[role].delete(`/media/${doc.id}`)
          if (allow) {
            expect(response.status()).toBe(200)
          } else {
            expect(refused).toContain(response.status())
            expect(await snapshot(world.admin, 'media', doc.id)).toEqual(before)
          }
        })
      }
    }
  }
  test('anonymous cannot update or delete media', async () => {
    const { doc } = await json<{ doc: Doc }>(await upload('admin'))
    const before = await snapshot(world.admin, 'media', doc.id)
    expect(refused).toContain((await world.as.anonymous.patch(`/media/${doc.id}`, { alt: 'x' })).status())
    expect(refused).toContain((await world.as.anonymous.delete(`/media/${doc.id}`)).status())
    expect(await snapshot(world.admin, 'media', doc.id)).toEqual(before)
  })
})

test.describe('users', () => {
  const self = (role: Role) => (role === 'department-editor' ? world.departmentEditor : role === 'editor' ? world.editor : undefined)
  const selfId = async (role: Role) => self(role)?.id ?? (role === 'admin' ? (await json<{ user: Doc }>(await world.admin.get('/users/me'))).user.id : undefined)

  for (const role of roles) {
    test(`${role} ${role === 'anonymous' ? 'cannot' : 'can'} read themselves`, async () => {
      const id = await selfId(role)
      if (id === undefined) {
        expect(refused).toContain((await world.as[role].get('/users?limit=1')).status())
        return
      }
      expect((await world.as[role].get(`/users/${id}`)).status()).toBe(200)
    })
    const mayReadOthers = staff(role)
    test(`${role} ${mayReadOthers ? 'can' : 'cannot'} read other users`, async () => {
      const other = role === 'editor' ? world.departmentEditor : world.editor
      const response = await world.as[role].get(`/users/${other.id}`)
      if (mayReadOthers) expect(response.status()).toBe(200)
      else expect(refused).toContain(response.status())
    })
    test(`${role} ${role === 'admin' ? 'can' : 'cannot'} create users`, async () => {
      const email = `${unique('ny')}@example.org`
      const response = await world.as[role].post('/users', { email, password: 'hemmelig-og-lang', role: 'editor' })
      expect(role === 'admin' ? [201] : refused).toContain(response.status())
      const found = await json<{ totalDocs: number }>(await world.admin.get(`/users?where[email][equals]=${email}`))
      expect(found.totalDocs).toBe(role === 'admin' ? 1 : 0)
    })
    test(`${role} ${role === 'admin' ? 'can' : 'cannot'} update or delete another user`, async () => {
      const victim = (await json<{ doc: Doc }>(await world.admin.post('/users', { email: `${unique('offer')}@example.org`, password: 'hemmelig-og-lang', role: 'editor', name: 'Før' }))).doc
      const before = await snapshot(world.admin, 'users', victim.id)
      const update = await world.as[role].patch(`/users/${victim.id}`, { name: 'Efter' })
      const remove = await world.as[role].delete(`/users/${victim.id}`)
      if (role === 'admin') {
        expect(update.status()).toBe(200)
        expect(remove.status()).toBe(200)
      } else {
        expect(refused).toContain(update.status())
        expect(refused).toContain(remove.status())
        expect(await snapshot(world.admin, 'users', victim.id)).toEqual(before)
      }
    })
  }
  for (const role of ['department-editor', 'editor'] as const) {
    test(`${role} can change their own name`, async () => {
      const me = self(role)!
      const response = await world.as[role].patch(`/users/${me.id}`, { name: `Navn ${role}` })
      expect(response.status()).toBe(200)
      expect((await json(await world.admin.get(`/users/${me.id}`))).name).toBe(`Navn ${role}`)
    })
  }
})

test.describe('document locks', () => {
  // A lock (Payload's payload-locked-documents) on an activity in the department editor's own
  // department (A) or another (B), held by the admin unless said otherwise.
  const locks = '/payload-locked-documents'
  let adminId: number | string
  const idOf = async (role: Exclude<Role, 'anonymous'>) =>
    role === 'admin' ? adminId : role === 'editor' ? world.editor.id : world.departmentEditor.id

  test.beforeAll(async () => {
    adminId = (await json<{ user: Doc }>(await world.admin.get('/users/me'))).user.id
  })

  async function activityIn(target: Target): Promise<Doc> {
    const response = await world.admin.post('/activities', newData('activities', 'published', target))
    expect(response.status(), await response.text()).toBe(201)
    return (await json<{ doc: Doc }>(response)).doc
  }
  async function lockOn(activity: Doc): Promise<Doc> {
    const response = await world.admin.post(locks, { document: { relationTo: 'activities', value: activity.id }, user: { relationTo: 'users', value: adminId } })
    expect(response.status(), await response.text()).toBe(201)
    return (await json<{ doc: Doc }>(response)).doc
  }
  const lockCount = async (activity: Doc) =>
    (await json<{ totalDocs: number }>(await world.admin.get(`${locks}?where[document.value][equals]=${activity.id}&where[document.relationTo][equals]=activities&depth=0`))).totalDocs
  const holderOf = async (lock: Doc) => {
    const user = (await json<Doc>(await world.admin.get(`${locks}/${lock.id}?depth=0`))).user as { value: number | string }
    return user.value
  }

  for (const role of roles) {
    for (const target of ['own', 'foreign'] as const) {
      // Whoever may update the document may see, take and release its lock; nobody else.
      const allow = role !== 'anonymous' && (staff(role) || target === 'own')
      const on = target === 'own' ? 'in their own department' : 'in another department'
      test(`${role} ${allow ? 'can' : 'cannot'} list the locks on an activity ${on}`, async () => {
        const activity = await activityIn(target)
        await lockOn(activity)
        const response = await world.as[role].get(`${locks}?where[document.value][equals]=${activity.id}&where[document.relationTo][equals]=activities&depth=0`)
        if (role === 'anonymous') {
          expect(refused).toContain(response.status())
          return
        }
        expect((await json<{ docs: Doc[] }>(response)).docs.length).toBe(allow ? 1 : 0)
      })
      test(`${role} ${allow ? 'can' : 'cannot'} lock an activity ${on} for themselves`, async () => {
        const activity = await activityIn(target)
        const user = role === 'anonymous' ? adminId : await idOf(role)
        const response = await world.as[role].post(locks, { document: { relationTo: 'activities', value: activity.id }, user: { relationTo: 'users', value: user } })
        if (allow) expect(response.status(), await response.text()).toBe(201)
        else expect(refused).toContain(response.status())
        expect(await lockCount(activity)).toBe(allow ? 1 : 0)
      })
      test(`${role} ${allow ? 'can' : 'cannot'} take over the lock on an activity ${on}`, async () => {
        const lock = await lockOn(await activityIn(target))
        const user = role === 'anonymous' ? world.editor.id : await idOf(role)
        const response = await world.as[role].patch(`${locks}/${lock.id}`, { user: { relationTo: 'users', value: user } })
        if (allow) expect(response.status(), await response.text()).toBe(200)
        else expect(refused).toContain(response.status())
        expect(String(await holderOf(lock))).toBe(String(allow ? user : adminId))
      })
      test(`${role} ${allow ? 'can' : 'cannot'} release the lock on an activity ${on}`, async () => {
        const activity = await activityIn(target)
        const lock = await lockOn(activity)
        const response = await world.as[role].delete(`${locks}/${lock.id}`)
        if (allow) expect(response.status(), await response.text()).toBe(200)
        else expect(refused).toContain(response.status())
        expect(await lockCount(activity)).toBe(allow ? 0 : 1)
      })
    }
  }
  for (const role of ['department-editor', 'editor', 'admin'] as const) {
    test(`${role} cannot hand a lock to someone else or create one in someone else's name`, async () => {
      const activity = await activityIn('own')
      const someoneElse = role === 'editor' ? world.departmentEditor.id : world.editor.id
      const created = await world.as[role].post(locks, { document: { relationTo: 'activities', value: activity.id }, user: { relationTo: 'users', value: someoneElse } })
      expect(refused).toContain(created.status())
      const own = await world.as[role].post(locks, { document: { relationTo: 'activities', value: activity.id }, user: { relationTo: 'users', value: await idOf(role) } })
      const lock = (await json<{ doc: Doc }>(own)).doc
      const handed = await world.as[role].patch(`${locks}/${lock.id}`, { user: { relationTo: 'users', value: someoneElse } })
      expect(refused).toContain(handed.status())
      expect(String(await holderOf(lock))).toBe(String(await idOf(role)))
    })
  }
})
