import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fingerprint, translationWork } from '../src/fields/translationState'
import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

let payload: Payload
let stop: () => Promise<void>
let editorToken: string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'redaktoer@example.org', password: 'hemmelig-og-lang', role: 'editor' } })
  editorToken = await loginToken(payload, 'redaktoer@example.org', 'hemmelig-og-lang')
})
afterAll(async () => stop())

type Sources = { sources: Record<string, string>; changed: string[] } | null
type State = { translationStatus?: Record<string, string | null>; translationSources?: Record<string, Sources> }

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, children: [{ type: 'text', text, format: 0, version: 1 }] }],
  },
})

let slugs = 0
/** A published page in Danish with a machine translation into Tigrinya and a reviewed one into English. */
async function translatedPage() {
  const page = await payload.create({
    collection: 'pages',
    locale: 'da',
    data: { title: 'Om os', summary: 'Hvem vi er.', body: paragraph('Vi hjælper nye borgere.'), slug: `om-os-${++slugs}`, _status: 'published' },
    context: seedContext,
  })
  await payload.update({
    collection: 'pages',
    id: page.id,
    locale: 'ti',
    data: { title: 'ብዛዕባና', summary: 'መን ኢና።', body: paragraph('ንሓደስቲ ነበርቲ ንሕግዝ።'), translationStatus: 'machine' },
    context: seedContext,
  })
  await payload.update({
    collection: 'pages',
    id: page.id,
    locale: 'en',
    data: { title: 'About us', summary: 'Who we are.', body: paragraph('We help newcomers.'), translationStatus: 'reviewed' },
    context: seedContext,
  })
  return page.id
}

const stateOf = async (id: number | string, draft = false) =>
  (await payload.findByID({ collection: 'pages', id, locale: 'all', depth: 0, draft })) as unknown as State

const tigrinyaTitle = async (id: number | string) =>
  ((await payload.findByID({ collection: 'pages', id, locale: 'ti', fallbackLocale: false, depth: 0 })) as { title?: string }).title

describe('translation state per document and locale', () => {
  it('records, for each translated field, the Danish it was made from; a locale without text has no status', async () => {
    const id = await translatedPage()
    const state = await stateOf(id)
    expect(state.translationStatus).toMatchObject({ da: 'original', ti: 'machine', en: 'reviewed' })
    expect(state.translationStatus?.so ?? null).toBeNull()
    expect(Object.keys(state.translationSources?.ti?.sources ?? {}).sort()).toEqual(['body', 'summary', 'title'])
    expect(state.translationSources?.ti?.changed).toEqual([])
    // Read in a language with no translation, the status is missing, not Danish's "original".
    const somali = await payload.findByID({ collection: 'pages', id, locale: 'so', depth: 0 })
    expect(somali.translationStatus ?? null).toBeNull()
    // The public API gives the status, not the bookkeeping behind it.
    const asPublic = (await (await rest(payload, 'GET', `/pages/${id}?locale=ti`)).json()) as Record<string, unknown>
    expect(asPublic.translationStatus).toBe('machine')
    expect(asPublic).not.toHaveProperty('translationSources')
    const asEditor = (await (await rest(payload, 'GET', `/pages/${id}?locale=ti`, { token: editorToken })).json()) as Record<string, unknown>
    expect(asEditor).toHaveProperty('translationSources')
  })

  it('a Danish edit of one field makes the translations made from it outdated, listing only that field', async () => {
    const id = await translatedPage()
    const before = await stateOf(id)
    await payload.update({ collection: 'pages', id, locale: 'da', data: { summary: 'Hvem vi er, og hvad vi gør.' }, context: seedContext })
    const after = await stateOf(id)
    expect(after.translationStatus).toMatchObject({ da: 'original', ti: 'outdated', en: 'outdated' })
    expect(after.translationSources?.ti?.changed).toEqual(['summary'])
    expect(after.translationSources?.en?.changed).toEqual(['summary'])
    // What each translation was made from is kept: the summary's is now known to be old.
    expect(after.translationSources?.ti?.sources).toEqual(before.translationSources?.ti?.sources)
    expect(after.translationStatus?.so ?? null).toBeNull()
  })

  it('tells, per locale, which fields are missing or outdated and the Danish they are to be made from', async () => {
    const id = await translatedPage()
    await payload.update({ collection: 'pages', id, locale: 'da', data: { title: 'Om Røde Kors' }, context: seedContext })
    await payload.update({ collection: 'pages', id, locale: 'en', data: { summary: null, translationStatus: 'machine' }, context: seedContext })
    const doc = (await payload.findByID({ collection: 'pages', id, locale: 'all', depth: 0 })) as unknown as Record<string, unknown>
    const fields = payload.collections.pages.config.fields
    const english = translationWork(fields, doc, 'en')
    expect(english).toMatchObject({ missing: ['summary'], outdated: ['title'] })
    expect(english.danish.get('title')).toEqual({ text: 'Om Røde Kors', fingerprint: fingerprint('Om Røde Kors') })
    expect(translationWork(fields, doc, 'so')).toMatchObject({ missing: ['title', 'summary', 'body'], outdated: [] })
  })

  it('a Danish save without a change in the text outdates nothing', async () => {
    const id = await translatedPage()
    const danish = await payload.findByID({ collection: 'pages', id, locale: 'da', depth: 0 })
    // As the admin sends it back: the whole document, spacing and editor bookkeeping aside.
    const body = JSON.parse(JSON.stringify(danish.body).replaceAll('"direction":"ltr"', '"direction":null')) as typeof danish.body
    await payload.update({ collection: 'pages', id, locale: 'da', data: { title: ' Om  os ', summary: danish.summary, body }, context: seedContext })
    const after = await stateOf(id)
    expect(after.translationStatus).toMatchObject({ da: 'original', ti: 'machine', en: 'reviewed' })
    expect(after.translationSources?.ti?.changed).toEqual([])
  })

  it('a hand edit of a translation makes it reviewed, made from the Danish of today', async () => {
    const id = await translatedPage()
    await payload.update({ collection: 'pages', id, locale: 'da', data: { title: 'Om Røde Kors', summary: 'Hvem vi er i dag.' }, context: seedContext })
    expect((await stateOf(id)).translationSources?.ti?.changed.sort()).toEqual(['summary', 'title'])

    // The admin's form sends every field back, the status as it was included.
    const title = await rest(payload, 'PATCH', `/pages/${id}?locale=ti&fallback-locale=null`, {
      token: editorToken,
      body: { title: 'ብዛዕባ ቀይሕ መስቀል', translationStatus: 'outdated' },
    })
    expect(title.status).toBe(200)
    const partly = await stateOf(id)
    // The summary is still made from the old Danish: the locale stays outdated, for that field only.
    expect(partly.translationStatus?.ti).toBe('outdated')
    expect(partly.translationSources?.ti?.changed).toEqual(['summary'])

    const summary = await rest(payload, 'PATCH', `/pages/${id}?locale=ti&fallback-locale=null`, {
      token: editorToken,
      body: { summary: 'ሎሚ መን ኢና።', translationStatus: 'outdated' },
    })
    expect(summary.status).toBe(200)
    const done = await stateOf(id)
    expect(done.translationStatus).toMatchObject({ da: 'original', ti: 'reviewed', en: 'outdated' })
    expect(done.translationSources?.ti?.changed).toEqual([])
    expect(await tigrinyaTitle(id)).toBe('ብዛዕባ ቀይሕ መስቀል')
  })

  it('a person who edits a machine translation reviews it; one who picks a status by hand is believed', async () => {
    const id = await translatedPage()
    const edited = await rest(payload, 'PATCH', `/pages/${id}?locale=ti&fallback-locale=null`, {
      token: editorToken,
      body: { title: 'ብዛዕባና ሓጺር', translationStatus: 'machine' },
    })
    expect(edited.status).toBe(200)
    expect((await stateOf(id)).translationStatus?.ti).toBe('reviewed')

    const picked = await rest(payload, 'PATCH', `/pages/${id}?locale=ti&fallback-locale=null`, { token: editorToken, body: { translationStatus: 'machine' } })
    expect(picked.status).toBe(200)
    expect((await stateOf(id)).translationStatus?.ti).toBe('machine')
  })

  it('a save that states "machine" stays machine, also over a reviewed or outdated translation', async () => {
    const id = await translatedPage()
    await payload.update({ collection: 'pages', id, locale: 'da', data: { title: 'Om Røde Kors' }, context: seedContext })
    expect((await stateOf(id)).translationStatus?.en).toBe('outdated')
    await payload.update({ collection: 'pages', id, locale: 'en', data: { title: 'About the Red Cross', translationStatus: 'machine' }, context: seedContext })
    const after = await stateOf(id)
    expect(after.translationStatus?.en).toBe('machine')
    expect(after.translationSources?.en?.changed).toEqual([])
  })

  it('a Danish draft outdates the translations of the draft only; publishing it outdates the published ones', async () => {
    const id = await translatedPage()
    await payload.update({ collection: 'pages', id, locale: 'da', draft: true, data: { title: 'Om Røde Kors', _status: 'draft' }, context: seedContext })
    expect((await stateOf(id, true)).translationStatus?.ti).toBe('outdated')
    expect((await stateOf(id)).translationStatus?.ti).toBe('machine')
    await payload.update({ collection: 'pages', id, locale: 'da', data: { _status: 'published' }, context: seedContext })
    const published = await stateOf(id)
    expect(published.translationStatus?.ti).toBe('outdated')
    expect(published.translationSources?.ti?.changed).toEqual(['title'])
  })

  it('follows texts inside an array row by the row, in a global (the navigation)', async () => {
    await payload.updateGlobal({
      slug: 'navigation',
      locale: 'da',
      data: { items: [{ kind: 'home', label: 'Forside' }, { kind: 'events', label: 'Arrangementer' }] },
      context: seedContext,
    })
    const danish = await payload.findGlobal({ slug: 'navigation', locale: 'da', depth: 0 })
    const rows = danish.items ?? []
    await payload.updateGlobal({
      slug: 'navigation',
      locale: 'ti',
      data: { items: rows.map((row, index) => ({ ...row, label: ['መእተዊ', 'ፍጻመታት'][index] })), translationStatus: 'machine' },
      context: seedContext,
    })
    const translated = (await payload.findGlobal({ slug: 'navigation', locale: 'all', depth: 0 })) as unknown as State
    expect(translated.translationStatus).toMatchObject({ da: 'original', ti: 'machine' })
    expect(Object.keys(translated.translationSources?.ti?.sources ?? {}).sort()).toEqual(rows.map((row) => `items.${row.id}.label`).sort())

    await payload.updateGlobal({
      slug: 'navigation',
      locale: 'da',
      data: { items: rows.map((row, index) => ({ ...row, label: index === 1 ? 'Kalender' : row.label })) },
      context: seedContext,
    })
    const after = (await payload.findGlobal({ slug: 'navigation', locale: 'all', depth: 0 })) as unknown as State
    expect(after.translationStatus?.ti).toBe('outdated')
    expect(after.translationSources?.ti?.changed).toEqual([`items.${rows[1]?.id}.label`])
    expect(after.translationSources?.ti?.sources).toEqual(translated.translationSources?.ti?.sources)
  })

  it('the migration gives documents written before it their state: sources from today\'s Danish, statuses kept', async () => {
    const id = await translatedPage()
    await payload.updateGlobal({ slug: 'site-settings', locale: 'da', data: { siteName: 'Aktiviteter for nye i Danmark', figures: { volunteers: 1200 } }, context: seedContext })
    await payload.updateGlobal({ slug: 'site-settings', locale: 'ti', data: { siteName: 'ንሓደስቲ ኣብ ደንማርክ', translationStatus: 'reviewed' }, context: seedContext })
    await payload.updateGlobal({ slug: 'navigation', locale: 'da', data: { items: [{ kind: 'home', label: 'Forside' }] }, context: seedContext })
    const [row] = (await payload.findGlobal({ slug: 'navigation', locale: 'da', depth: 0 })).items ?? []
    await payload.updateGlobal({ slug: 'navigation', locale: 'ti', data: { items: [{ ...row!, label: 'መእተዊ' }] }, context: seedContext })
    const expected = await stateOf(id)

    // Back to the schema before the migration (no sources, no navigation status), then up again.
    const migration = await import('../src/migrations/20261201_053513_translation_state')
    const req = await createLocalReq({}, payload)
    const db = (payload.db as unknown as { drizzle: Parameters<typeof migration.up>[0]['db'] }).drizzle
    await migration.down({ db, payload, req })
    await migration.up({ db, payload, req })

    const page = await stateOf(id)
    expect(page.translationStatus).toMatchObject({ da: 'original', ti: 'machine', en: 'reviewed' })
    expect(page.translationSources?.ti).toEqual(expected.translationSources?.ti)
    expect(page.translationSources?.en).toEqual(expected.translationSources?.en)
    const draft = await stateOf(id, true)
    expect(draft.translationSources?.ti).toEqual(expected.translationSources?.ti)

    const settings = (await payload.findGlobal({ slug: 'site-settings', locale: 'all', depth: 0 })) as unknown as State
    expect(settings.translationStatus).toMatchObject({ da: 'original', ti: 'reviewed' })
    expect(Object.keys(settings.translationSources?.ti?.sources ?? {})).toEqual(['siteName'])
    // Nothing else is lost on the way: texts in every locale, unlocalized fields, array rows.
    expect(settings).toMatchObject({ siteName: { da: 'Aktiviteter for nye i Danmark', ti: 'ንሓደስቲ ኣብ ደንማርክ' }, figures: { volunteers: 1200 } })
    expect(await tigrinyaTitle(id)).toBe('ብዛዕባና')
    expect((await payload.findGlobal({ slug: 'navigation', locale: 'ti', depth: 0 })).items).toMatchObject([{ id: row!.id, kind: 'home', label: 'መእተዊ' }])
    const navigation = (await payload.findGlobal({ slug: 'navigation', locale: 'all', depth: 0 })) as unknown as State
    expect(navigation.translationStatus).toMatchObject({ da: 'original', ti: 'machine' })
    expect(Object.keys(navigation.translationSources?.ti?.sources ?? {})).toEqual([`items.${row!.id}.label`])

    // The state it gave is the one the CMS keeps from there on.
    await payload.update({ collection: 'pages', id, locale: 'da', data: { summary: 'Noget andet.' }, context: seedContext })
    expect((await stateOf(id)).translationSources?.ti?.changed).toEqual(['summary'])
  })
})
