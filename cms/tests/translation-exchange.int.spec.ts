import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bodyLimitForType } from '../src/lib/bodyLimits.mjs'
import { seed, seedContext } from '../src/seed/index'
import { exportTranslations, importTranslations } from '../src/translations/exchange'
import { BOLD, ITALIC, heading, link, list, listItem, paragraph, richText, text } from './lexical'
import { startPayload } from './payload'
import { loginToken } from './rest'

let payload: Payload
let dir: string
let stop: () => Promise<void>
let editorToken: string
let branchToken: string
let branchDepartment: string

const password = 'hemmelig-og-lang'
const collections = ['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages'] as const

beforeAll(async () => {
  ;({ payload, dir, stop } = await startPayload())
  await seed(payload)
  await payload.create({ collection: 'users', data: { email: 'redaktoer@example.org', password, role: 'editor' } })
  const departments = await payload.find({ collection: 'departments', limit: 1, sort: 'name', depth: 0 })
  branchDepartment = String(departments.docs[0]!.id)
  await payload.create({
    collection: 'users',
    data: { email: 'afdeling@example.org', password, role: 'department-editor', departments: [Number(branchDepartment)] },
  })
  // The seed's one page has no links: two more pages with every inline element a text can have.
  for (const [index, title] of ['Frivillig i Røde Kors', 'Praktisk information'].entries()) {
    await payload.create({
      collection: 'pages',
      locale: 'da',
      context: seedContext,
      data: {
        title,
        summary: 'Sådan kommer du i gang.',
        slug: `side-${index}`,
        _status: 'published',
        body: richText(
          heading('h2', text('Kom i gang')),
          paragraph(text('Læs mere på '), link({ linkType: 'custom', url: 'https://www.rodekors.dk/frivillig', newTab: true }, `l${index}`, text('vores side', BOLD)), text(' eller ring.')),
          list('bullet', listItem(1, text('Mød op', ITALIC)), listItem(2, text('Tag en ven med'))),
        ),
      },
    })
  }
  editorToken = await loginToken(payload, 'redaktoer@example.org', password)
  branchToken = await loginToken(payload, 'afdeling@example.org', password)
})
afterAll(async () => stop())

/** A request through Payload's own REST handling, with any body and content type. */
async function call(method: string, url: string, options: { token?: string; body?: string; type?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const { default: config } = await import('../src/payload.config')
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.Authorization = `JWT ${options.token}`
  if (options.body !== undefined) headers['Content-Type'] = options.type ?? 'application/xliff+xml'
  const request = new Request(`${payload.config.serverURL}/api${url}`, { method, headers, body: options.body })
  return handleEndpoints({ config, request })
}

const exportFile = async (query: string, token = editorToken) => {
  const response = await call('GET', `/translations/export?${query}`, { token })
  expect(response.status).toBe(200)
  return response.text()
}

type Report = { targetLanguage: string; units: Array<{ id: string; outcome: string; reason?: string }>; counts: Record<string, number> }
const importFile = async (xliff: string, token = editorToken, query = '') => {
  const response = await call('POST', `/translations/import${query}`, { token, body: xliff })
  return { status: response.status, body: (await response.json()) as Report & { errors?: Array<{ message: string }> } }
}

/**
 * A translator's work on a file: every unit gets a target made from its source, each text run
 * marked with `mark`, the tags kept where they are (as a CAT tool hands them back).
 */
function translateFile(xliff: string, mark = 'ቲ', only?: (id: string) => boolean): string {
  return xliff.replace(/<trans-unit id="([^"]+)"([^>]*)>([\s\S]*?)<\/trans-unit>/g, (whole, id: string, attributes: string, inner: string) => {
    if (only && !only(id)) return whole
    const source = /<source>([\s\S]*?)<\/source>/.exec(inner)?.[1] ?? ''
    const target = source.replace(/(^|>)([^<]+)/g, (_match, before: string, text: string) => before + (text.trim() ? `${mark} ${text}` : text))
    const withoutTarget = inner.replace(/\s*<target[^>]*>[\s\S]*?<\/target>|\s*<target[^>]*\/>/, '')
    return `<trans-unit id="${id}"${attributes}>${withoutTarget.replace('</source>', `</source>\n        <target state="translated">${target}</target>`)}</trans-unit>`
  })
}

const unitIds = (xliff: string) => [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]!)

/** Every public document's and global's stored texts in all locales (what an import could change). */
async function snapshot(): Promise<string> {
  const all: unknown[] = []
  for (const collection of collections) {
    const { docs } = await payload.find({ collection, locale: 'all', depth: 0, pagination: false, draft: true, sort: 'id' })
    all.push(docs.map(({ updatedAt: _updated, ...rest }) => rest))
  }
  for (const slug of ['site-settings', 'navigation'] as const) {
    const { updatedAt: _updated, ...rest } = await payload.findGlobal({ slug, locale: 'all', depth: 0 })
    all.push(rest)
  }
  return JSON.stringify(all)
}

const danishOf = (value: unknown) => JSON.stringify(value, (key, entry) => (entry && typeof entry === 'object' && !Array.isArray(entry) && 'da' in entry ? entry.da : entry))

type Node = { type?: string; url?: string; fields?: { url?: string; linkType?: string; doc?: unknown }; text?: string; children?: Node[] }
const links = (node: Node | undefined): unknown[] =>
  !node ? [] : [...(node.type === 'link' || node.type === 'autolink' ? [node.fields ?? node.url] : []), ...(node.children ?? []).flatMap(links)]
const formats = (node: Node | undefined): unknown[] =>
  !node ? [] : [...(node.type === 'text' ? [(node as { format?: unknown }).format] : [node.type]), ...(node.children ?? []).flatMap(formats)]
const texts = (node: Node | undefined): string[] => (!node ? [] : [...(typeof node.text === 'string' ? [node.text] : []), ...(node.children ?? []).flatMap(texts)])

describe('XLIFF exchange with translators', () => {
  it('exports what Tigrinya lacks, takes the translated file back as reviewed with links intact and Danish untouched, and a second time changes nothing', async () => {
    const before = await snapshot()
    const started = performance.now()
    const response = await call('GET', '/translations/export?locale=ti', { token: editorToken })
    const exportMs = performance.now() - started
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xliff+xml; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="drk-ti-\d{4}-\d{2}-\d{2}\.xlf"$/)
    const exported = await response.text()
    const ids = unitIds(exported)
    expect(ids.length).toBeGreaterThan(50)
    expect(ids.some((id) => /^site-settings\/[^/]+$/.test(id))).toBe(true)
    expect(ids.some((id) => /^navigation\/items\/[^/]+\/label$/.test(id))).toBe(true)
    expect(exported).toMatch(/<note>Side “[^”]+” – /)

    const translated = translateFile(exported)
    const importStarted = performance.now()
    const { status, body: report } = await importFile(translated)
    const importMs = performance.now() - importStarted
    console.log(`XLIFF on the seed, ti: ${ids.length} units; export ${Math.round(exportMs)} ms, import ${Math.round(importMs)} ms`)
    expect(status).toBe(200)
    expect(report.targetLanguage).toBe('ti')
    expect(report.units.filter((unit) => unit.outcome !== 'applied')).toEqual([])
    expect(report.counts.applied).toBe(ids.length)

    const after = await snapshot()
    expect(danishOf(JSON.parse(after))).toBe(danishOf(JSON.parse(before)))

    // Every page: Tigrinya reviewed, with the Danish links in place and the texts translated.
    const pages = await payload.find({ collection: 'pages', locale: 'all', depth: 0, pagination: false })
    let linked = 0
    for (const page of pages.docs) {
      expect((page.translationStatus as unknown as Record<string, string>).ti).toBe('reviewed')
      const body = page.body as unknown as Record<string, { root: Node }>
      expect(links(body.ti?.root)).toEqual(links(body.da?.root))
      expect(formats(body.ti?.root)).toEqual(formats(body.da?.root))
      linked += links(body.da?.root).length
      expect(texts(body.ti?.root).filter((text) => text.trim()).every((text) => text.startsWith('ቲ '))).toBe(true)
    }
    expect(linked).toBe(2)

    // What is left to do in Tigrinya: nothing; the same file again changes nothing.
    expect(unitIds(await exportFile('locale=ti'))).toEqual([])
    const again = await importFile(translated)
    expect(again.body.counts).toEqual({ applied: 0, unchanged: ids.length, 'source-changed': 0, refused: 0 })
    expect(await snapshot()).toBe(after)
  })

  it('refuses a whole file that is wrong, and changes nothing', async () => {
    const exported = await exportFile('locale=uk&collection=target-groups')
    const translated = translateFile(exported, 'Укр')
    const before = await snapshot()
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xliff version="1.2"><file source-language="da" target-language="uk"><body><trans-unit id="x"><source>&lol2;</source></trans-unit></body></file></xliff>`
    const external = translated.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>').replace('Укр', '&secret; Укр')
    const cases: Array<[string, string, string?, RegExp?]> = [
      ['wrong target language for the request', translated, '?locale=en', /"uk".*"en"/],
      ['into Danish', translated.replace('target-language="uk"', 'target-language="da"'), '', /Dansk er originalsproget/],
      ['malformed', translated.replace('</body>', '</bod>'), '', /ikke gyldig XML/],
      ['external entity', external, '', /DOCTYPE/],
      ['billion laughs', laughs, '', /DOCTYPE/],
    ]
    for (const [name, body, query, message] of cases) {
      const { status, body: answer } = await importFile(body, editorToken, query)
      expect(status, name).toBe(400)
      if (message) expect(answer.errors?.[0]?.message, name).toMatch(message)
    }
    process.env.API_XLIFF_BODY_LIMIT_BYTES = String(translated.length - 1)
    try {
      const { status, body } = await importFile(translated)
      expect(status).toBe(400)
      expect(body.errors?.[0]?.message).toMatch(/for stor/)
    } finally {
      delete process.env.API_XLIFF_BODY_LIMIT_BYTES
    }
    expect(await snapshot()).toBe(before)
    // The file itself was fine.
    expect((await importFile(translated)).body.counts.refused).toBe(0)
  })

  it('reports units whose Danish changed since the export, and unknown units, and applies the rest', async () => {
    const exported = await exportFile('locale=so&collection=activity-types')
    const changedId = unitIds(exported).find((id) => id.endsWith('/title'))!
    const [, docId] = changedId.split('/')
    const extra = `<trans-unit id="activity-types/999999/title"><source>Findes ikke</source><target>Maba jiro</target></trans-unit>
      <trans-unit id="nonsense/1/title"><source>Nej</source><target>Maya</target></trans-unit>
      <trans-unit id="activity-types/abc/title"><source>Nej</source><target>Maya</target></trans-unit>
      <trans-unit id="activity-types/${docId}/noSuchField"><source>Nej</source><target>Maya</target></trans-unit>`
    const translated = translateFile(exported, 'SO').replace('</body>', `${extra}</body>`)
    const somaliBefore = await payload.findByID({ collection: 'activity-types', id: Number(docId), locale: 'so', fallbackLocale: false, depth: 0 })
    await payload.update({ collection: 'activity-types', id: Number(docId), locale: 'da', data: { title: 'Et helt nyt navn' }, context: seedContext })
    const { status, body: report } = await importFile(translated)
    expect(status).toBe(200)
    const outcome = (id: string) => report.units.find((unit) => unit.id === id)
    expect(outcome(changedId)).toMatchObject({ outcome: 'source-changed', reason: expect.stringMatching(/danske tekst er ændret/) })
    expect(outcome('activity-types/999999/title')).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/findes ikke/) })
    expect(outcome('nonsense/1/title')).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/Ukendt id/) })
    expect(outcome('activity-types/abc/title')).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/Ukendt id/) })
    expect(outcome(`activity-types/${docId}/noSuchField`)).toMatchObject({ outcome: 'refused' })
    expect(report.counts.applied).toBe(unitIds(exported).length - 1)
    const somali = await payload.findByID({ collection: 'activity-types', id: Number(docId), locale: 'so', fallbackLocale: false, depth: 0 })
    expect(somali.title ?? null).toBe(somaliBefore.title ?? null)
    expect(somali.summary).toMatch(/^SO /)
  })

  it('marks a language reviewed only when the file vouches for all its texts; an outdated one whose changed texts come back is machine again', async () => {
    const exported = await exportFile('locale=en&collection=activity-types&status=machine')
    const { docs } = await payload.find({ collection: 'activity-types', locale: 'en', depth: 0, pagination: false, sort: '-id' })
    const docId = String(docs.find((doc) => doc.translationStatus === 'machine')!.id)
    const ofDoc = (id: string) => id.startsWith(`activity-types/${docId}/`)
    const english = async () => payload.findByID({ collection: 'activity-types', id: Number(docId), locale: 'en', fallbackLocale: false, depth: 0 })

    await importFile(translateFile(exported, 'EN', (id) => ofDoc(id) && id.endsWith('/title')))
    expect(await english()).toMatchObject({ title: expect.stringMatching(/^EN /), translationStatus: 'machine' })

    await payload.update({ collection: 'activity-types', id: Number(docId), locale: 'da', data: { summary: 'En ny dansk opsummering.' }, context: seedContext })
    expect((await english()).translationStatus).toBe('outdated')
    const outdated = await exportFile(`locale=en&collection=activity-types&status=outdated`)
    expect(unitIds(outdated).filter(ofDoc)).toEqual([`activity-types/${docId}/summary`])
    await importFile(translateFile(outdated, 'EN', ofDoc))
    expect(await english()).toMatchObject({ summary: 'EN En ny dansk opsummering.', translationStatus: 'machine' })

    const rest = await exportFile('locale=en&collection=activity-types&status=machine')
    const { body } = await importFile(translateFile(rest, 'EN', ofDoc))
    expect(body.counts.refused).toBe(0)
    expect((await english()).translationStatus).toBe('reviewed')
    expect(unitIds(await exportFile('locale=en&collection=activity-types')).filter(ofDoc)).toEqual([])
  })

  it('puts the translation of a document with a pending draft into the draft, and publishes it for one without', async () => {
    const { docs } = await payload.find({ collection: 'pages', limit: 2, sort: '-id', depth: 0 })
    const [drafted, published] = docs as [(typeof docs)[number], (typeof docs)[number]]
    await payload.update({ collection: 'pages', id: drafted.id, locale: 'da', draft: true, data: { title: 'Kladde: ny titel', _status: 'draft' } })
    const liveBefore = await payload.findByID({ collection: 'pages', id: drafted.id, locale: 'ps', fallbackLocale: false, depth: 0 })
    const exported = await exportFile('locale=ps&collection=pages')
    expect(exported).toContain('<source>Kladde: ny titel</source>')
    const { body: report } = await importFile(translateFile(exported, 'PS'))
    expect(report.counts.refused).toBe(0)

    const live = (id: number) => payload.findByID({ collection: 'pages', id, locale: 'ps', fallbackLocale: false, depth: 0 })
    const latest = (id: number) => payload.findByID({ collection: 'pages', id, locale: 'ps', fallbackLocale: false, depth: 0, draft: true })
    expect((await live(drafted.id)).title ?? null).toBe(liveBefore.title ?? null)
    expect((await latest(drafted.id)).title).toBe('PS Kladde: ny titel')
    expect((await latest(drafted.id))._status).toBe('draft')
    const liveDanish = await payload.findByID({ collection: 'pages', id: drafted.id, locale: 'da', depth: 0 })
    expect(liveDanish.title).toBe(drafted.title)
    expect((await live(published.id)).title).toBe(`PS ${published.title}`)
    expect((await live(published.id)).translationStatus).toBe('reviewed')
  })

  it("gives a department editor only their own departments' documents, and refuses their import into another's", async () => {
    const exported = await exportFile('locale=fa', branchToken)
    const ids = unitIds(exported)
    expect(ids.length).toBeGreaterThan(0)
    const own = await payload.find({ collection: 'activities', depth: 0, pagination: false, where: { department: { equals: Number(branchDepartment) } } })
    const ownIds = new Set(own.docs.map((doc) => String(doc.id)))
    for (const id of ids) {
      const [source, docId] = id.split('/')
      expect(['departments', 'activities', 'events']).toContain(source)
      if (source === 'departments') expect(docId).toBe(branchDepartment)
      if (source === 'activities') expect(ownIds.has(docId!)).toBe(true)
    }
    const theirs = await payload.find({ collection: 'activities', depth: 0, limit: 1, where: { department: { not_equals: Number(branchDepartment) } } })
    const other = theirs.docs[0]!
    const byEditor = await exportFile(`locale=fa&collection=activities`)
    const otherUnits = unitIds(byEditor).filter((id) => id.startsWith(`activities/${other.id}/`))
    expect(otherUnits.length).toBeGreaterThan(0)
    expect(ids.filter((id) => id.startsWith(`activities/${other.id}/`))).toEqual([])

    const before = await snapshot()
    const { status, body: report } = await importFile(translateFile(byEditor, 'FA', (id) => otherUnits.includes(id)), branchToken)
    expect(status).toBe(200)
    for (const id of otherUnits) expect(report.units.find((unit) => unit.id === id)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/må ikke/) })
    expect(await snapshot()).toBe(before)
  })

  it('takes an XLIFF body up to its own limit, larger than the JSON limit', async () => {
    expect(bodyLimitForType('application/xliff+xml')).toBe(5_000_000)
    expect(bodyLimitForType('application/xliff+xml')).toBeGreaterThan(bodyLimitForType('application/json'))
  })

  it('refuses anyone not signed in, and Danish as a target', async () => {
    expect((await call('GET', '/translations/export?locale=ti')).status).toBe(401)
    expect((await call('POST', '/translations/import', { body: '<xliff/>' })).status).toBe(401)
    const danish = await call('GET', '/translations/export?locale=da', { token: editorToken })
    expect(danish.status).toBe(400)
    expect(await danish.text()).toContain('Dansk er originalsproget')
    // In the requester's admin language, as every refusal of ours.
    const english = await call('GET', '/translations/export?locale=da', { token: editorToken, headers: { Cookie: 'payload-lng=en' } })
    expect(await english.text()).toContain('Danish is the original language')
    const unit = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" datatype="plaintext" source-language="da" target-language="en"><body><trans-unit id="pages/999999/title"><source>Nej</source><target>No</target></trans-unit></body></file></xliff>`
    const report = (await (await call('POST', '/translations/import', { token: editorToken, body: unit, headers: { Cookie: 'payload-lng=en' } })).json()) as Report
    expect(report.units).toEqual([{ id: 'pages/999999/title', outcome: 'refused', reason: 'The document does not exist (any more), or it is not published.' }])
    expect((await call('GET', '/translations/export?locale=xx', { token: editorToken })).status).toBe(400)
    expect((await call('GET', '/translations/export?locale=ti&status=done', { token: editorToken })).status).toBe(400)
  })

  it('exchanges from the command line as the system', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..')
    const run = (...args: string[]) =>
      promisify(execFile)(path.join(root, 'node_modules', '.bin', 'payload'), ['run', 'src/scripts/translations.ts', '--', ...args], {
        cwd: path.join(root, 'cms'),
        env: { ...process.env, INIT_CWD: dir, PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH}` },
      }).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
      )
    const exported = await run('export', '--locale', 'ar', '--collection', 'target-groups', '--out', 'ar.xlf')
    expect(exported.code).toBe(0)
    const file = path.join(dir, 'ar.xlf')
    const ids = unitIds(fs.readFileSync(file, 'utf8'))
    expect(exported.output).toContain(`${ids.length} tekster til ar`)
    fs.writeFileSync(file, translateFile(fs.readFileSync(file, 'utf8'), 'AR'))
    const imported = await run('import', 'ar.xlf')
    expect(imported.code).toBe(0)
    expect(imported.output).toContain(`ar: ${ids.length} anvendt, 0 uændret`)
    const [, docId] = ids[0]!.split('/')
    const doc = await payload.findByID({ collection: 'target-groups', id: Number(docId), locale: 'ar', fallbackLocale: false, depth: 0 })
    expect(doc.translationStatus).toBe('reviewed')
    fs.writeFileSync(file, '<xliff')
    const refused = await run('import', 'ar.xlf')
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('ikke gyldig XML')
    // Three runs of the command line, each starting Payload: about a minute on a busy machine.
  }, 240_000)

  it('is the same service for code: an export as the system lists what a signed-in editor gets', async () => {
    const editor = (await payload.find({ collection: 'users', where: { email: { equals: 'redaktoer@example.org' } } })).docs[0]!
    const asSystem = await exportTranslations({ payload, actor: 'system', locale: 'en', collection: 'events' })
    const asEditor = await exportTranslations({ payload, actor: editor, locale: 'en', collection: 'events' })
    expect(asEditor.units.map((unit) => unit.id)).toEqual(asSystem.units.map((unit) => unit.id))
    await expect(importTranslations({ payload, actor: null, xliff: asSystem.xliff })).rejects.toThrow(/Log ind/)
  })
})
