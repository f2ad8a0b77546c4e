import { expect, test } from '@playwright/test'

import { Api, type Doc, json, type Role, tinyPng } from '../fixtures/api'
import { type AccessWorld, countBySlug, createWorld, inAWeek, snapshot, unique } from '../fixtures/access-world'

/**
 * Every role × collection × operation, over REST on the running CMS. A refused request must
 * answer 4xx and leave the database exactly as it was; an allowed one must take effect.
 */
type Operation = 'read published' | 'read draft' | 'create' | 'update' | 'delete' | 'publish'
type Target = 'own' | 'foreign'
const roles: Role[] = ['anonymous', 'department-editor', 'editor', 'admin', 'translator']
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
  // A translator reads everything (they translate drafts too) and changes only texts in their
  // own languages: the generic update here is in Danish (see the translator cases below).
  if (role === 'translator') return operation === 'read draft'
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

test.describe('translator', () => {
  // The translator translates into Tigrinya and Somali (access-world.ts); a document's Danish
  // (and its ti title, required to save in ti) is made by the admin.
  const text = (value: string) => ({
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }] }],
    },
  })
  const translation: Record<Collection, Record<string, unknown>> = {
    'activity-types': { title: 'ዓይነት ንጥፈት', summary: 'ትርጉም' },
    'target-groups': { title: 'ጉጅለ', summary: 'ትርጉም' },
    pages: { title: 'ገጽ', summary: 'ትርጉም' },
    departments: { description: text('ትርጉም') },
    activities: { title: 'ንጥፈት', summary: 'ትርጉም' },
    events: { title: 'ፍጻሜ', summary: 'ትርጉም' },
  }
  const ti = (path: string) => `${path}${path.includes('?') ? '&' : '?'}locale=ti`

  /** The request is refused and the document (every language, every version) is as it was. */
  async function refusedOn(collection: Collection, doc: Doc, request: () => Promise<{ status(): number }>) {
    const before = await snapshot(world.admin, collection, doc.id)
    expect(refused).toContain((await request()).status())
    expect(await snapshot(world.admin, collection, doc.id)).toEqual(before)
  }

  for (const collection of collections) {
    test(`translator can update the texts of ${collection} in their own language, and Danish stays`, async () => {
      const doc = await fixture(collection, 'published', 'foreign', 'translator')
      const before = await snapshot(world.admin, collection, doc.id)
      const response = await world.as.translator.patch(ti(`/${collection}/${doc.id}`), translation[collection])
      expect(response.status(), await response.text()).toBe(200)
      const after = await snapshot(world.admin, collection, doc.id)
      for (const [field, value] of Object.entries(translation[collection])) {
        expect(after.body[field]).toEqual({ ...(before.body[field] as object), ti: value })
      }
      expect(after.body.slug).toBe(before.body.slug)
      // Published straight away: the document was published and nothing else changed.
      const live = await json(await world.as.anonymous.get(ti(`/${collection}/${doc.id}?depth=0`)))
      expect(live[Object.keys(translation[collection])[0]!]).toEqual(Object.values(translation[collection])[0])
    })
  }

  test('translator cannot update texts in a language that is not theirs, or all at once', async () => {
    const doc = await fixture('activities', 'published', 'foreign', 'translator')
    await refusedOn('activities', doc, () => world.as.translator.patch(`/activities/${doc.id}?locale=en`, { title: 'Activity', summary: 'Translation' }))
    await refusedOn('activities', doc, () => world.as.translator.patch(`/activities/${doc.id}?locale=all`, { summary: { ti: 'ትርጉም' } }))
  })

  const changes: [string, Collection, Record<string, unknown>][] = [
    ['the slug', 'activities', { slug: unique('ny-adresse') }],
    ['the department (a relation)', 'activities', { department: 'A' }],
    ['the activity type (a relation)', 'events', { activityType: 'type' }],
    ['the schedule', 'activities', { schedule: { byAppointment: true } }],
    ['the date', 'events', { startsAt: inAWeek() }],
    ['a text that is not localized (the venue)', 'activities', { venue: 'Skolen' }],
    ['a department’s phone', 'departments', { phone: '12345678' }],
  ]
  for (const [what, collection, change] of changes) {
    test(`translator cannot change ${what} of ${collection}, even in their own language`, async () => {
      const doc = await fixture(collection, 'published', 'foreign', 'translator')
      const data = { ...translation[collection], ...change }
      if (data.department === 'A') data.department = world.departmentA.id
      if (data.activityType === 'type') data.activityType = world.activityTypeId
      await refusedOn(collection, doc, () => world.as.translator.patch(ti(`/${collection}/${doc.id}`), data))
    })
  }

  test('translator cannot publish a document nobody has published, nor unpublish one', async () => {
    const draft = await fixture('pages', 'draft', 'foreign', 'translator')
    await refusedOn('pages', draft, () => world.as.translator.patch(ti(`/pages/${draft.id}`), { ...translation.pages, _status: 'published' }))
    const published = await fixture('pages', 'published', 'foreign', 'translator')
    await refusedOn('pages', published, () => world.as.translator.patch(ti(`/pages/${published.id}`), { ...translation.pages, _status: 'draft' }))
  })

  test('translator saves a draft, then publishes their translation', async () => {
    const doc = await fixture('activity-types', 'published', 'foreign', 'translator')
    const draft = await world.as.translator.patch(ti(`/activity-types/${doc.id}?draft=true`), { ...translation['activity-types'], _status: 'draft' })
    expect(draft.status(), await draft.text()).toBe(200)
    expect((await json(await world.as.anonymous.get(ti(`/activity-types/${doc.id}?depth=0`)))).summary).not.toBe('ትርጉም')
    const publish = await world.as.translator.patch(ti(`/activity-types/${doc.id}`), { _status: 'published' })
    expect(publish.status(), await publish.text()).toBe(200)
    expect((await json(await world.as.anonymous.get(ti(`/activity-types/${doc.id}?depth=0`)))).summary).toBe('ትርጉም')
  })

  test('translator can translate the site settings and the menu, not change them', async () => {
    const settings = await world.as.translator.post(ti('/globals/site-settings'), { tagline: 'ትርጉም' })
    expect(settings.status(), await settings.text()).toBe(200)
    const menu = await json<{ items: { id: string; kind: string; label?: string }[] }>(await world.admin.get(ti('/globals/navigation?depth=0')))
    const relabelled = await world.as.translator.post(ti('/globals/navigation'), { items: menu.items.map((item) => ({ ...item, label: `ትርጉም ${item.kind}` })) })
    expect(relabelled.status(), await relabelled.text()).toBe(200)
    const before = await json(await world.admin.get('/globals/navigation?depth=0&locale=all'))
    const moved = await world.as.translator.post(ti('/globals/navigation'), { items: menu.items.map((item) => ({ ...item, kind: 'home' })) })
    expect(refused).toContain(moved.status())
    const fewer = await world.as.translator.post(ti('/globals/navigation'), { items: menu.items.slice(1) })
    expect(refused).toContain(fewer.status())
    expect((await json(await world.admin.get('/globals/navigation?depth=0&locale=all'))).updatedAt).toBe(before.updatedAt)
  })

  test('translator editing Danish is told why, in Danish and in English, and nothing changes', async ({ request }) => {
    const doc = await fixture('activities', 'published', 'foreign', 'translator')
    const message = async (response: { json(): Promise<unknown> }) => ((await response.json()) as { errors?: { message?: string }[] }).errors?.[0]?.message
    let response = await world.as.translator.patch(`/activities/${doc.id}?locale=da`, { summary: 'Ny dansk tekst' })
    await refusedOn('activities', doc, async () => response)
    expect(response.status()).toBe(403)
    // Not Payload's "An unknown error occurred." (the production build's nameless APIError, lib/apiError.ts).
    expect(await message(response)).toMatch(/^Som oversætter kan du kun redigere tekster på dine sprog \(ti, so\)\./)
    const english = new Api(request, { ...world.as.translator.headers, 'Accept-Language': 'en' })
    response = await english.patch(`/activities/${doc.id}?locale=da`, { summary: 'New Danish text' })
    expect(await message(response)).toMatch(/^As a translator you can only edit texts in your languages \(ti, so\)\./)
    response = await world.as.translator.patch(`/activities/${doc.id}?locale=en`, { summary: 'English' })
    expect(await message(response)).toMatch(/^Som oversætter kan du kun gemme på dine egne sprog \(ti, so\), ikke på "en"/)
  })

  test('translator sees the translation overview in their own languages only', async () => {
    type Overview = { locales: string[]; rows: { slug: string; counts: Record<string, unknown> }[]; machine: Record<string, unknown> }
    const overview = await json<Overview>(await world.as.translator.get('/translations/overview'))
    expect([...overview.locales].sort()).toEqual(['so', 'ti'])
    expect(overview.rows.length).toBeGreaterThan(0)
    for (const row of overview.rows) expect(Object.keys(row.counts).sort(), row.slug).toEqual(['so', 'ti'])
    expect(Object.keys(overview.machine).sort()).toEqual(['so', 'ti'])
    expect(Object.keys((await json<Overview>(await world.as.translator.get('/translations/overview?only=machine'))).machine).sort()).toEqual(['so', 'ti'])
    expect((await world.as.translator.get('/translations/overview?collection=activities&locale=ti&state=missing')).status()).toBe(200)
    expect(refused).toContain((await world.as.translator.get('/translations/overview?collection=activities&locale=en&state=missing')).status())
    // Staff see every language; nobody signed in sees nothing.
    expect((await json<Overview>(await world.as.editor.get('/translations/overview'))).locales).toHaveLength(7)
    expect(refused).toContain((await world.as.anonymous.get('/translations/overview')).status())
  })

  test('translator may start machine translation in their own languages only, and nothing changes elsewhere', async () => {
    const doc = await fixture('activities', 'published', 'foreign', 'translator')
    await refusedOn('activities', doc, () => world.as.translator.post('/translations/machine', { collection: 'activities', id: doc.id, locale: 'en' }))
    await refusedOn('activities', doc, () => world.as.translator.post('/translations/machine', { locale: 'en', bulk: true }))
    expect((await world.as.translator.post('/translations/machine', { collection: 'activities', id: doc.id, locale: 'da' })).status()).toBe(400)
    // In Tigrinya the request is theirs to make (what a provider then does is machine-translation.int.spec.ts).
    expect(refused).not.toContain((await world.as.translator.post('/translations/machine', { collection: 'activities', id: doc.id, locale: 'ti' })).status())
    // Not public: never sent to a provider.
    expect(refused).toContain((await world.as.translator.post('/translations/machine', { collection: 'users', id: world.translator.id, locale: 'ti' })).status())
    expect(refused).toContain((await world.as.anonymous.post('/translations/machine', { collection: 'activities', id: doc.id, locale: 'ti' })).status())
  })

  test('translator exchanges XLIFF in their own languages only', async () => {
    expect((await world.as.translator.get('/translations/export?locale=ti&collection=activity-types')).status()).toBe(200)
    expect(refused).toContain((await world.as.translator.get('/translations/export?locale=en&collection=activity-types')).status())
    expect(refused).toContain((await world.as.anonymous.get('/translations/export?locale=ti&collection=activity-types')).status())
  })

  test('translator sees no personal data', async () => {
    for (const path of ['/signups', '/child-certificates', '/personal-data?email=someone@example.org']) {
      expect(refused).toContain((await world.as.translator.get(path)).status())
    }
  })
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
    // A translator changes texts; they make no documents, files included.
    const mayUpload = role !== 'anonymous' && role !== 'translator'
    test(`${role} ${mayUpload ? 'can' : 'cannot'} upload media`, async () => {
      const response = await upload(role)
      expect(response.status()).toBe(mayUpload ? 201 : 403)
    })
  }
  for (const role of roles.filter((candidate) => candidate !== 'anonymous' && candidate !== 'translator')) {
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
  for (const role of ['anonymous', 'translator'] as const) {
    test(`${role} cannot update or delete media`, async () => {
      const { doc } = await json<{ doc: Doc }>(await upload('admin'))
      const before = await snapshot(world.admin, 'media', doc.id)
      expect(refused).toContain((await world.as[role].patch(`/media/${doc.id}`, { alt: 'x' })).status())
      expect(refused).toContain((await world.as[role].delete(`/media/${doc.id}`)).status())
      expect(await snapshot(world.admin, 'media', doc.id)).toEqual(before)
    })
  }
})

test.describe('users', () => {
  const self = (role: Role) =>
    role === 'department-editor' ? world.departmentEditor : role === 'editor' ? world.editor : role === 'translator' ? world.translator : undefined
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
  for (const role of ['department-editor', 'editor', 'translator'] as const) {
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
    role === 'admin' ? adminId : role === 'editor' ? world.editor.id : role === 'translator' ? world.translator.id : world.departmentEditor.id

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
      // (A translator may update every activity's texts in their languages.)
      const allow = role !== 'anonymous' && (staff(role) || role === 'translator' || target === 'own')
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
