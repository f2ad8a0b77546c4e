import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { LocaleCode } from '../../core/locales'
import { seedContext } from '../src/seed/index'
import { paragraph, richText, text } from './lexical'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'
import { fakeDeepL, fakeTranslate, type FakeProvider } from './translation-providers'

/**
 * The translation overview's counts and lists (GET /api/translations/overview) and machine
 * translation of one document or one language (POST /api/translations/machine), over REST as
 * the admin calls them, on real SQLite, against a local server speaking DeepL's API.
 */
let payload: Payload
let stop: () => Promise<void>
let fake: FakeProvider
let editorToken: string
let branchToken: string
let translatorToken: string
const ids: Record<string, number> = {}
const password = 'hemmelig-og-lang'
const deeplKey = 'overview-key:fx'

type Counts = Record<string, Record<string, number>>
interface Overview {
  locales: string[]
  rows: { kind: string; slug: string; counts: Counts }[]
  machine: Record<string, string | null>
  provider: string | null
  budget: { used: number; limit: number | null } | null
}
interface Report {
  documents: { slug: string; id: number | string | null; title: string; outcome: string; fields: string[]; error?: string; failure?: string }[]
  characters: number
  stopped?: string
}

/** A rich text of one paragraph. */
const prose = (words: string) => richText(paragraph(text(words)))

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  fake = await fakeDeepL(deeplKey)
  process.env.TRANSLATION_PROVIDER = 'deepl'
  process.env.DEEPL_API_KEY = deeplKey
  process.env.DEEPL_API_URL = fake.url
  const department = (name: string, slug: string) =>
    payload.create({ collection: 'departments', data: { name, slug, town: name, municipality: name, region: 'syddanmark', _status: 'published' }, context: seedContext })
  const odense = await department('Røde Kors Odense', 'odense')
  const aarhus = await department('Røde Kors Aarhus', 'aarhus')
  const activityType = await payload.create({ collection: 'activity-types', data: { title: 'Lektiecaféer', slug: 'lektiecafeer', _status: 'published' }, context: seedContext })
  const activity = async (key: string, title: string, departmentId: number) => {
    const created = await payload.create({
      collection: 'activities',
      locale: 'da',
      data: { title, summary: `${title} hver uge.`, description: prose(`Kom til ${title}.`), slug: key, department: departmentId, activityType: activityType.id, schedule: { byAppointment: true }, _status: 'published' },
      context: seedContext,
    })
    ids[key] = created.id
  }
  await activity('odense-machine', 'Lektiecafé Odense', odense.id)
  await activity('odense-missing', 'Strikkeklub Odense', odense.id)
  await activity('aarhus-reviewed', 'Fodbold Aarhus', aarhus.id)
  const translate = (key: string, locale: LocaleCode, translationStatus: string, title: string) =>
    payload.update({ collection: 'activities', id: ids[key]!, locale, data: { title, summary: `${title}.`, description: prose(title), translationStatus, _status: 'published' } as never, context: seedContext })
  await translate('odense-machine', 'ti', 'machine', 'ትምህርቲ ኦደንሰ')
  await translate('aarhus-reviewed', 'ti', 'reviewed', 'ኩዕሶ እግሪ ኣርሁስ')

  await payload.create({ collection: 'users', data: { email: 'redaktoer@example.org', password, role: 'editor' } })
  await payload.create({ collection: 'users', data: { email: 'odense@example.org', password, role: 'department-editor', departments: [odense.id] } })
  editorToken = await loginToken(payload, 'redaktoer@example.org', password)
  branchToken = await loginToken(payload, 'odense@example.org', password)
  await payload.create({ collection: 'users', data: { email: 'tesfay@example.org', password, role: 'translator', languages: ['ti', 'so'] } })
  translatorToken = await loginToken(payload, 'tesfay@example.org', password)
})
afterAll(async () => {
  delete process.env.TRANSLATION_PROVIDER
  delete process.env.DEEPL_API_KEY
  delete process.env.DEEPL_API_URL
  await fake.close()
  await stop()
})

async function overview(token: string): Promise<Overview> {
  const response = await rest(payload, 'GET', '/translations/overview', { token })
  expect(response.status).toBe(200)
  return (await response.json()) as Overview
}
const row = (result: Overview, slug: string) => result.rows.find((entry) => entry.slug === slug)
const machine = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => rest(payload, 'POST', '/translations/machine', { token, body, headers })
const readIn = async (key: string, locale: LocaleCode, draft = false) =>
  (await payload.findByID({ collection: 'activities', id: ids[key]!, locale, fallbackLocale: false, draft, depth: 0 })) as unknown as Record<string, unknown>

describe('the overview', () => {
  it('counts each locale of every public collection and global for an editor', async () => {
    const result = await overview(editorToken)
    expect(result.rows.map((entry) => entry.slug)).toEqual(['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages', 'site-settings', 'navigation'])
    expect(row(result, 'activities')!.counts.ti).toEqual({ missing: 1, machine: 1, outdated: 0, reviewed: 1 })
    expect(row(result, 'activities')!.counts.en).toEqual({ missing: 3, machine: 0, outdated: 0, reviewed: 0 })
    expect(row(result, 'departments')!.counts.ti).toEqual({ missing: 2, machine: 0, outdated: 0, reviewed: 0 })
    // DeepL has no Tigrinya: that language stays with people.
    expect(result.machine).toMatchObject({ en: 'markup', ar: 'markup', fa: 'text', ti: null, so: null })
    expect(result.provider).toBe('DeepL')
  })

  it('counts only their own department\'s documents for a department editor', async () => {
    const result = await overview(branchToken)
    expect(result.rows.map((entry) => entry.slug)).toEqual(['departments', 'activities', 'events'])
    expect(row(result, 'activities')!.counts.ti).toEqual({ missing: 1, machine: 1, outdated: 0, reviewed: 0 })
    expect(row(result, 'departments')!.counts.ti!.missing).toBe(1)
  })

  it('counts a translation whose Danish changed as outdated', async () => {
    await payload.update({ collection: 'activities', id: ids['odense-machine']!, locale: 'da', data: { summary: 'Lektiehjælp hver tirsdag.' }, context: seedContext })
    expect(row(await overview(editorToken), 'activities')!.counts.ti).toEqual({ missing: 1, machine: 0, outdated: 1, reviewed: 1 })
  })

  it('lists the documents in one state of one locale, within the person\'s own', async () => {
    const list = async (token: string, state: string) => {
      const response = await rest(payload, 'GET', `/translations/overview?collection=activities&locale=ti&state=${state}`, { token })
      return ((await response.json()) as { docs: { id: number | string; title: string }[] }).docs.map((doc) => doc.title)
    }
    expect(await list(editorToken, 'reviewed')).toEqual(['Fodbold Aarhus'])
    expect(await list(branchToken, 'reviewed')).toEqual([])
    expect(await list(branchToken, 'missing')).toEqual(['Strikkeklub Odense'])
  })

  it('shows a translator only their own languages: counts, machine offers and lists', async () => {
    const result = await overview(translatorToken)
    expect([...result.locales].sort()).toEqual(['so', 'ti'])
    expect(row(result, 'activities')!.counts).toEqual({ so: { missing: 3, machine: 0, outdated: 0, reviewed: 0 }, ti: expect.any(Object) })
    expect(Object.keys(result.machine).sort()).toEqual(['so', 'ti'])
    expect([...(await overview(editorToken)).locales].sort()).toEqual(['ar', 'en', 'fa', 'ps', 'so', 'ti', 'uk'])
    const list = await rest(payload, 'GET', '/translations/overview?collection=activities&locale=ti&state=reviewed', { token: translatorToken })
    expect(((await list.json()) as { docs: { states: Record<string, string> }[] }).docs.map((doc) => Object.keys(doc.states).sort())).toEqual([['so', 'ti']])
    const english = await rest(payload, 'GET', '/translations/overview?collection=activities&locale=en&state=missing', { token: translatorToken })
    expect(english.status).toBe(403)
  })

  it('is refused to anyone not logged in', async () => {
    expect((await rest(payload, 'GET', '/translations/overview')).status).toBe(401)
  })
})

describe('machine translation from the admin', () => {
  it('translates one document\'s missing texts into a locale as machine, leaving Danish alone', async () => {
    const response = await machine(branchToken, { collection: 'activities', id: ids['odense-missing'], locale: 'en' })
    expect(response.status).toBe(200)
    const report = (await response.json()) as Report
    expect(report.documents).toMatchObject([{ slug: 'activities', outcome: 'translated', fields: ['title', 'summary', 'description'] }])
    const english = await readIn('odense-missing', 'en')
    expect(english.title).toBe(fakeTranslate('Strikkeklub Odense'))
    expect(english.summary).toBe(fakeTranslate('Strikkeklub Odense hver uge.'))
    expect(JSON.stringify(english.description)).toContain(fakeTranslate('Kom til Strikkeklub Odense.'))
    expect(english.translationStatus).toBe('machine')
    expect((await readIn('odense-missing', 'da')).title).toBe('Strikkeklub Odense')
  })

  it('refuses another department\'s document and sends nothing', async () => {
    const before = fake.translations().length
    const response = await machine(branchToken, { collection: 'activities', id: ids['aarhus-reviewed'], locale: 'en' })
    expect(response.status).toBe(404)
    expect(fake.translations().length).toBe(before)
    expect((await readIn('aarhus-reviewed', 'en')).title ?? null).toBeNull()
  })

  it('refuses content that is not public', async () => {
    const response = await machine(editorToken, { collection: 'signups', id: 1, locale: 'en' })
    expect(response.status).toBe(403)
  })

  it('puts the translation of a document with a pending draft into the draft, not the published version', async () => {
    await payload.update({ collection: 'activities', id: ids['odense-machine']!, locale: 'da', draft: true, data: { title: 'Lektiecafé Odense (ny)' }, context: seedContext })
    const response = await machine(editorToken, { collection: 'activities', id: ids['odense-machine'], locale: 'ar' })
    expect(response.status).toBe(200)
    expect((await readIn('odense-machine', 'ar', true)).title).toBe(fakeTranslate('Lektiecafé Odense (ny)'))
    const published = await readIn('odense-machine', 'ar')
    expect(published.title ?? null).toBeNull()
    expect((await readIn('odense-machine', 'da')).title).toBe('Lektiecafé Odense')
    expect((await readIn('odense-machine', 'da', true))._status).toBe('draft')
  })

  it('reports a locale the provider lacks in Danish, stopping the run with nothing written', async () => {
    const before = fake.translations().length
    const response = await machine(editorToken, { locale: 'ti', bulk: true }, { 'Accept-Language': 'da' })
    expect(response.status).toBe(200)
    const report = (await response.json()) as Report
    expect(report.documents).toHaveLength(1)
    expect(report.documents[0]).toMatchObject({ outcome: 'failed', failure: 'unsupportedLocale' })
    expect(report.stopped).toContain('kan ikke oversætte til Tigrinya')
    expect(fake.translations().length).toBe(before)
  })

  it('reports a provider failure per document and writes nothing for it', async () => {
    fake.override = () => ({ status: 503, body: '{"message":"Service unavailable"}' })
    try {
      const response = await machine(editorToken, { collection: 'activities', id: ids['aarhus-reviewed'], locale: 'uk' })
      const report = (await response.json()) as Report
      expect(report.documents[0]).toMatchObject({ outcome: 'failed', failure: 'unavailable' })
      expect(report.documents[0]!.error).toContain('Intet er gemt')
      expect((await readIn('aarhus-reviewed', 'uk')).title ?? null).toBeNull()
    } finally {
      fake.override = () => undefined
    }
  })

  it('translates every document a language lacks in bulk, so the overview counts none missing', async () => {
    const response = await machine(editorToken, { locale: 'en', bulk: true })
    expect(response.status).toBe(200)
    const report = (await response.json()) as Report
    expect(report.documents.every((doc) => doc.outcome === 'translated')).toBe(true)
    expect(report.documents.map((doc) => doc.title)).toEqual(['Lektiecaféer', 'Lektiecafé Odense (ny)', 'Fodbold Aarhus'])
    expect(report.characters).toBeGreaterThan(0)
    const after = await overview(editorToken)
    expect(row(after, 'activities')!.counts.en!.missing).toBe(0)
    // The month's budget, as the overview shows it, counts what was sent.
    expect(after.budget!.used).toBeGreaterThanOrEqual(report.characters)
    expect((await readIn('aarhus-reviewed', 'en')).translationStatus).toBe('machine')
  })
})
