import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mayTranslate, mayTranslateDocument } from '../src/access/index'
import type { Activity, ActivityType, Department, Navigation, User } from '../src/payload-types'
import { seedContext } from '../src/seed/index'
import { exportTranslations, importTranslations } from '../src/translations/exchange'
import { startPayload } from './payload'

/**
 * The translator role (issue 14, item 5) on the Local API with access control on, as REST and the
 * admin run it: a translator for Tigrinya and Somali changes only those languages' texts.
 */
let payload: Payload
let stop: () => Promise<void>
let translator: User
let editor: User
let department: Department
let activityTypeId: ActivityType['id']

const asUser = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  editor = await payload.create({ collection: 'users', data: { email: 'mette@example.org', password: 'hemmelig-og-lang', role: 'editor' } })
  translator = await payload.create({ collection: 'users', data: { email: 'tesfay@example.org', password: 'hemmelig-og-lang', role: 'translator', languages: ['ti', 'so'] } })
  department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Testby', slug: 'testby', town: 'Testby', municipality: 'Testby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  const type = await payload.create({ collection: 'activity-types', data: { title: 'Lektiecafé', slug: 'lektiecafe', _status: 'published' }, context: seedContext })
  activityTypeId = type.id
})
afterAll(async () => stop())

let counter = 0
async function activity(status: 'published' | 'draft' = 'published'): Promise<Activity> {
  counter += 1
  const created = await payload.create({
    collection: 'activities',
    draft: status === 'draft',
    data: {
      title: 'Lektiecafé i Testby',
      summary: 'Hjælp til lektier',
      slug: `lektiecafe-${counter}`,
      department: department.id,
      activityType: activityTypeId,
      venue: 'Biblioteket',
      schedule: { byAppointment: true, exceptions: [{ date: '2027-07-01', reason: 'Sommerferie' }] },
      _status: status,
    },
    context: seedContext,
  })
  await payload.update({ collection: 'activities', id: created.id, locale: 'ti', data: { title: 'ቤት ትምህርቲ ሓገዝ', summary: 'ሓገዝ' }, draft: status === 'draft', context: seedContext })
  return created
}

const all = async (id: Activity['id'], draft = true) => payload.findByID({ collection: 'activities', id, locale: 'all', draft, depth: 0 })
const localized = (value: unknown) => value as Record<string, unknown>

describe('a translator saves text in their own languages', () => {
  it('changes the summary in Tigrinya and nothing else', async () => {
    const doc = await activity()
    const before = await all(doc.id)
    await payload.update({ collection: 'activities', id: doc.id, locale: 'ti', data: { summary: 'ሓገዝ ንዕዮ ገዛ' }, ...asUser(translator) })
    const after = await all(doc.id)
    expect(localized(after.summary)).toEqual({ ...localized(before.summary), ti: 'ሓገዝ ንዕዮ ገዛ' })
    expect(after.slug).toBe(before.slug)
    expect(after._status).toBe('published')
    // Publishing a translation does not confirm that the listing is still true.
    expect(after.lastConfirmedAt).toBe(before.lastConfirmedAt)
  })

  it('saves the whole form as the admin sends it, when only Tigrinya texts changed', async () => {
    const doc = await activity()
    const before = await all(doc.id)
    const form = await payload.findByID({ collection: 'activities', id: doc.id, locale: 'ti', fallbackLocale: false, draft: true, depth: 0 })
    await payload.update({ collection: 'activities', id: doc.id, locale: 'ti', draft: true, data: { ...form, title: 'ቤት ትምህርቲ', _status: 'draft' }, ...asUser(translator) })
    const after = await all(doc.id)
    expect(localized(after.title).ti).toBe('ቤት ትምህርቲ')
    // Everything the translator could not change (the schedule, its exceptions, the department...) is as it was.
    expect({ ...after, title: before.title, updatedAt: before.updatedAt, _status: before._status }).toEqual(before)
  })

  it('changes a localized text nested in an array row (a menu item of the navigation)', async () => {
    await payload.updateGlobal({ slug: 'navigation', data: { items: [{ label: 'Aktiviteter', kind: 'activity-types' }] }, context: seedContext })
    const menu = await payload.findGlobal({ slug: 'navigation', locale: 'ti', fallbackLocale: false, depth: 0 })
    const items = (menu.items ?? []).map((item) => ({ ...item, label: 'ንጥፈታት' }))
    await payload.updateGlobal({ slug: 'navigation', locale: 'ti', data: { items }, ...asUser(translator) })
    const after = await payload.findGlobal({ slug: 'navigation', locale: 'all', depth: 0 })
    expect(after.items?.[0]).toMatchObject({ kind: 'activity-types', label: { da: 'Aktiviteter', ti: 'ንጥፈታት' } })
  })
})

describe('a translator is refused, and nothing changes', () => {
  async function refused(id: Activity['id'], locale: string, data: Record<string, unknown>, draft = false) {
    const before = await all(id)
    await expect(payload.update({ collection: 'activities', id, locale: locale as 'ti', data, draft, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    expect(await all(id)).toEqual(before)
  }

  it('in a language that is not theirs', async () => refused((await activity()).id, 'en', { summary: 'Homework help' }))
  it('in Danish', async () => refused((await activity()).id, 'da', { summary: 'Ny dansk tekst' }))
  it('in all languages at once', async () => refused((await activity()).id, 'all', { summary: { ti: 'ሓገዝ' } }))
  it('changing the slug', async () => refused((await activity()).id, 'ti', { summary: 'ሓገዝ', slug: 'ny-adresse' }))
  it('changing the department or the activity type (relations)', async () => {
    const other = await payload.create({
      collection: 'departments',
      data: { name: 'Røde Kors Andenby', slug: `andenby-${counter}`, town: 'Andenby', municipality: 'Andenby', region: 'syddanmark', _status: 'published' },
      context: seedContext,
    })
    const otherType = await payload.create({ collection: 'activity-types', data: { title: 'Cykelkursus', slug: `cykel-${counter}`, _status: 'published' }, context: seedContext })
    const doc = await activity()
    await refused(doc.id, 'ti', { department: other.id })
    await refused(doc.id, 'ti', { activityType: otherType.id })
  })
  it('changing the schedule', async () => refused((await activity()).id, 'ti', { schedule: { byAppointment: false } }))
  it('changing a text that is not localized (the venue, an exception in the schedule)', async () => {
    const doc = await activity()
    await refused(doc.id, 'ti', { venue: 'Skolen' })
    const row = (await all(doc.id)).schedule?.exceptions?.[0]
    await refused(doc.id, 'ti', { schedule: { exceptions: [{ ...row, reason: 'Ferie' }] } })
  })
  it('adding or removing rows of an array', async () => {
    const doc = await activity()
    await refused(doc.id, 'ti', { schedule: { exceptions: [] } })
    const menu = await payload.findGlobal({ slug: 'navigation', depth: 0 })
    await expect(
      payload.updateGlobal({ slug: 'navigation', locale: 'ti', data: { items: [...(menu.items ?? []), { label: 'Ny', kind: 'home' }] as Navigation['items'] }, ...asUser(translator) }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await payload.findGlobal({ slug: 'navigation', depth: 0 })).items).toEqual(menu.items)
  })
  it('changing where a menu item links to', async () => {
    const menu = await payload.findGlobal({ slug: 'navigation', locale: 'ti', fallbackLocale: false, depth: 0 })
    const items = (menu.items ?? []).map((item) => ({ ...item, kind: 'events' as const }))
    await expect(payload.updateGlobal({ slug: 'navigation', locale: 'ti', data: { items }, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
  })
  it('changing site settings in Danish', async () => {
    await expect(payload.updateGlobal({ slug: 'site-settings', locale: 'da', data: { tagline: 'Ny' }, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
  })
  it('unpublishing', async () => refused((await activity()).id, 'ti', { summary: 'ሓገዝ', _status: 'draft' }))
  it('publishing a document nobody has published yet', async () => refused((await activity('draft')).id, 'ti', { summary: 'ሓገዝ', _status: 'published' }))
  it("publishing someone else's pending Danish draft along with the translation", async () => {
    const doc = await activity()
    await payload.update({ collection: 'activities', id: doc.id, locale: 'da', draft: true, data: { summary: 'Ny dansk kladde', _status: 'draft' }, ...asUser(editor) })
    await refused(doc.id, 'ti', { summary: 'ሓገዝ', _status: 'published' })
    // Into the pending draft, their text goes: it is published with the Danish.
    await payload.update({ collection: 'activities', id: doc.id, locale: 'ti', draft: true, data: { summary: 'ሓገዝ ኣብ ረቂቕ', _status: 'draft' }, ...asUser(translator) })
    expect(localized((await all(doc.id)).summary)).toMatchObject({ da: 'Ny dansk kladde', ti: 'ሓገዝ ኣብ ረቂቕ' })
    expect(localized((await all(doc.id, false)).summary).da).toBe('Hjælp til lektier')
  })
  it('creating, deleting, restoring a version or changing many documents at once', async () => {
    const doc = await activity()
    await expect(
      payload.create({ collection: 'activities', locale: 'ti', data: { title: 'ሓድሽ', slug: 'ny', department: department.id, activityType: activityTypeId }, ...asUser(translator) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'activities', id: doc.id, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    const { docs: versions } = await payload.findVersions({ collection: 'activities', where: { parent: { equals: doc.id } }, depth: 0 })
    await expect(payload.restoreVersion({ collection: 'activities', id: versions.at(-1)!.id, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    const bulk = payload.update({ collection: 'activities', where: { id: { equals: doc.id } }, locale: 'ti', data: { summary: 'ሓገዝ' }, ...asUser(translator) })
    await expect(bulk).rejects.toMatchObject({ status: 403 })
    await expect(payload.create({ collection: 'media', data: { alt: 'x' }, file: { name: 'x.png', mimetype: 'image/png', size: 1, data: Buffer.from('x') }, ...asUser(translator) })).rejects.toMatchObject({
      status: 403,
    })
  })
})

describe('publishing as a translator follows the editorial workflow', () => {
  it('saves a draft of a published document and then publishes it, when only their texts changed', async () => {
    const doc = await activity()
    await payload.update({ collection: 'activities', id: doc.id, locale: 'so', draft: true, data: { title: 'Caawinta casharada', summary: 'Caawin', _status: 'draft' }, ...asUser(translator) })
    expect(localized((await all(doc.id, false)).summary).so).toBeUndefined()
    await payload.update({ collection: 'activities', id: doc.id, locale: 'so', data: { _status: 'published' }, ...asUser(translator) })
    const published = await all(doc.id, false)
    expect(published._status).toBe('published')
    expect(localized(published.summary)).toMatchObject({ da: 'Hjælp til lektier', so: 'Caawin' })
  })

  it('is told which fields it may not change', async () => {
    const doc = await activity()
    await expect(payload.update({ collection: 'activities', id: doc.id, locale: 'ti', data: { slug: 'ny', venue: 'Skolen' }, ...asUser(translator) })).rejects.toThrow(
      'Som oversætter kan du kun ændre teksterne på dine egne sprog. Ikke tilladt her: venue, slug.',
    )
  })
})

describe('what a translator sees', () => {
  it('reads drafts of every department', async () => {
    const doc = await activity('draft')
    expect((await payload.findByID({ collection: 'activities', id: doc.id, draft: true, depth: 0, ...asUser(translator) })).id).toBe(doc.id)
  })
  it('sees no personal data and no other users', async () => {
    await expect(payload.find({ collection: 'signups', ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    await expect(payload.find({ collection: 'child-certificates', ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    const { docs } = await payload.find({ collection: 'users', depth: 0, ...asUser(translator) })
    expect(docs.map(({ id }) => id)).toEqual([translator.id])
  })
  it('cannot give themselves another language or role', async () => {
    await expect(payload.update({ collection: 'users', id: translator.id, data: { languages: ['ti', 'so', 'ar'] }, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    await expect(payload.update({ collection: 'users', id: translator.id, data: { role: 'editor' }, ...asUser(translator) })).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'users', id: translator.id, depth: 0 })).languages).toEqual(['ti', 'so'])
  })
})

describe('the languages of a user', () => {
  it('a translator must have one', async () => {
    await expect(payload.create({ collection: 'users', data: { email: 'no-language@example.org', password: 'hemmelig-og-lang', role: 'translator' } })).rejects.toThrow()
  })
  it('nobody but a translator has any', async () => {
    const user = await payload.create({ collection: 'users', data: { email: 'ed2@example.org', password: 'hemmelig-og-lang', role: 'editor', languages: ['ti'] } })
    expect(user.languages ?? []).toEqual([])
    const renamed = await payload.update({ collection: 'users', id: translator.id, data: { name: 'Tesfay' } })
    expect(renamed.languages).toEqual(['ti', 'so'])
    const former = await payload.create({ collection: 'users', data: { email: 'former@example.org', password: 'hemmelig-og-lang', role: 'translator', languages: ['ar'] } })
    expect((await payload.update({ collection: 'users', id: former.id, data: { role: 'editor' } })).languages).toEqual([])
  })
})

describe('who may translate into a language (for the exchange with translators)', () => {
  it('a translator their own languages, staff every language, nobody Danish', () => {
    expect(mayTranslate(translator, 'ti')).toBe(true)
    expect(mayTranslate(translator, 'en')).toBe(false)
    expect(mayTranslate(translator, 'da')).toBe(false)
    expect(mayTranslate(editor, 'ar')).toBe(true)
    expect(mayTranslate(editor, 'da')).toBe(false)
    expect(mayTranslate(null, 'ti')).toBe(false)
    const branch = { role: 'department-editor' as const, departments: [department.id] }
    expect(mayTranslate(branch, 'uk')).toBe(true)
    expect(mayTranslateDocument(branch, 'activities', { department: department.id })).toBe(true)
    expect(mayTranslateDocument(branch, 'activities', { department: 999_999 })).toBe(false)
    expect(mayTranslateDocument(translator, 'activities', { department: 999_999 })).toBe(true)
  })
})

describe('a translator exchanges XLIFF in their own languages only', () => {
  it('exports and imports Tigrinya; English is refused both ways, and nothing changes', async () => {
    await activity()
    const as = { ...translator, collection: 'users' as const }
    const { units, xliff } = await exportTranslations({ payload, actor: as, locale: 'ti' })
    expect(units.length).toBeGreaterThan(0)
    expect((await importTranslations({ payload, actor: as, xliff })).targetLanguage).toBe('ti')
    await expect(exportTranslations({ payload, actor: as, locale: 'en' })).rejects.toMatchObject({ status: 403 })
    const english = (await exportTranslations({ payload, actor: { ...editor, collection: 'users' as const }, locale: 'en' })).xliff
    const before = await payload.find({ collection: 'activities', locale: 'en', depth: 0, limit: 0 })
    await expect(importTranslations({ payload, actor: as, xliff: english })).rejects.toMatchObject({ status: 403 })
    expect(await payload.find({ collection: 'activities', locale: 'en', depth: 0, limit: 0 })).toEqual(before)
  })
})
