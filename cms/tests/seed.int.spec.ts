import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { locales } from '../../core/locales'
import { asLocalizedFields, stateAsFound } from '../src/fields/translationState'
import { readDemoDepartments, readDocuments } from '../src/seed/content'
import { seed, seedContext } from '../src/seed/index'
import { startPayload } from './payload'

const collections = ['activity-types', 'target-groups', 'pages', 'departments', 'activities', 'events'] as const

let payload: Payload
let stop: () => Promise<void>

async function counts() {
  const entries = await Promise.all(collections.map(async (collection) => [collection, (await payload.count({ collection })).totalDocs] as const))
  return Object.fromEntries(entries)
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

describe('seed from content/', () => {
  it('loads every document in content/ and the demo data', async () => {
    const report = await seed(payload)
    const demo = readDemoDepartments()
    const expected = {
      'activity-types': readDocuments('activity-types').length,
      'target-groups': readDocuments('target-groups').length,
      pages: readDocuments('pages').length,
      departments: demo.length,
      activities: demo.reduce((sum, department) => sum + department.activities.length, 0),
      events: demo.reduce((sum, department) => sum + department.events.length, 0),
    }
    expect(expected['activity-types']).toBe(8)
    expect(expected.departments).toBeGreaterThanOrEqual(12)
    expect(await counts()).toEqual(expected)
    expect(report.created).toEqual(expected)
  })

  it('is idempotent: a second run creates nothing and leaves the counts as they were', async () => {
    const before = await counts()
    const report = await seed(payload)
    expect(report.created).toEqual({})
    expect(report.translated).toEqual({})
    expect(await counts()).toEqual(before)
  })

  it('never overwrites what an editor changed', async () => {
    const { docs } = await payload.find({ collection: 'activity-types', where: { slug: { equals: 'lektiecafeer' } }, locale: 'en' })
    const edited = await payload.update({
      collection: 'activity-types',
      id: docs[0]!.id,
      locale: 'en',
      data: { title: 'Homework help (edited)' },
      context: seedContext,
    })
    expect(edited.title).toBe('Homework help (edited)')
    await seed(payload)
    const after = await payload.findByID({ collection: 'activity-types', id: docs[0]!.id, locale: 'en' })
    expect(after.title).toBe('Homework help (edited)')
  })

  it('does not make a document an editor renamed again under its old slug (that would take its old address back)', async () => {
    const [department] = (await payload.find({ collection: 'departments', where: { slug: { equals: 'aarhus' } }, depth: 0 })).docs
    const renamed = await payload.update({ collection: 'departments', id: department!.id, data: { slug: 'aarhus-vest', _status: 'published' }, context: seedContext })
    expect(renamed.previousSlugs).toEqual(['aarhus'])
    const before = await counts()
    const report = await seed(payload)
    expect(report.created).toEqual({})
    expect(await counts()).toEqual(before)
    expect((await payload.find({ collection: 'departments', where: { slug: { equals: 'aarhus' } }, depth: 0 })).docs).toEqual([])
  })

  it('stores every translation with its translation status, Danish as the original', async () => {
    const { docs } = await payload.find({ collection: 'activity-types', where: { slug: { equals: 'sprogtraening' } }, locale: 'all' })
    const doc = docs[0] as unknown as { title: Record<string, string>; translationStatus: Record<string, string> }
    for (const { code } of locales) {
      expect(doc.title[code], `title in ${code}`).toBeTruthy()
      expect(doc.translationStatus[code]).toBe(code === 'da' ? 'original' : 'machine')
    }
  })

  it('leaves every document and global in the translation state the migration gives existing data', async () => {
    const codes = locales.map(({ code }) => code)
    const translated = (value: unknown) => Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter(([, entry]) => entry !== null))
    const expectStateAsFound = (fields: Parameters<typeof stateAsFound>[0], doc: Record<string, unknown>, what: string) => {
      const expected = asLocalizedFields(stateAsFound(fields, doc, codes))
      const stored = { translationStatus: translated(doc.translationStatus), translationSources: translated(doc.translationSources) }
      expect(stored, what).toEqual({ translationStatus: translated(expected.translationStatus), translationSources: translated(expected.translationSources) })
    }
    let machine = 0
    for (const collection of collections) {
      const { docs } = await payload.find({ collection, locale: 'all', depth: 0, pagination: false })
      for (const doc of docs as unknown as Record<string, unknown>[]) {
        expectStateAsFound(payload.collections[collection].config.fields, doc, `${collection} ${String(doc.slug)}`)
        machine += Object.values(translated(doc.translationStatus)).filter((status) => status === 'machine').length
      }
    }
    for (const slug of ['site-settings', 'navigation'] as const) {
      const doc = (await payload.findGlobal({ slug, locale: 'all', depth: 0 })) as unknown as Record<string, unknown>
      expectStateAsFound(payload.globals.config.find((global) => global.slug === slug)!.fields, doc, slug)
      expect(translated(doc.translationStatus), slug).toMatchObject({ da: 'original', ti: 'machine' })
    }
    expect(machine).toBeGreaterThan(100)
  })

  it('marks demo data as demo and dates demo events in the future', async () => {
    const departments = await payload.find({ collection: 'departments', pagination: false })
    expect(departments.docs.every((department) => department.isDemo)).toBe(true)
    expect(new Set(departments.docs.map((department) => department.region)).size).toBe(5)
    const events = await payload.find({ collection: 'events', pagination: false })
    expect(events.docs.every((event) => new Date(event.startsAt) > new Date())).toBe(true)
  })
})
