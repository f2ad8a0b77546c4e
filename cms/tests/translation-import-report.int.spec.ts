import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken } from './rest'

/**
 * The import's report as a coordinator reads it (issue 14, the persona walk): each text named by
 * its document and field as the CMS knows them, what needs attention first; and a file whose
 * machine translations the translator read and left as they were, confirmed as reviewed on request.
 */
let payload: Payload
let dir: string
let stop: () => Promise<void>
let editorToken: string

const password = 'hemmelig-og-lang'

beforeAll(async () => {
  ;({ payload, dir, stop } = await startPayload())
  await seed(payload)
  await payload.create({ collection: 'users', data: { email: 'redaktoer@example.org', password, role: 'editor' } })
  editorToken = await loginToken(payload, 'redaktoer@example.org', password)
})
afterAll(async () => stop())

async function call(method: string, url: string, options: { body?: string; language?: string } = {}): Promise<Response> {
  const { default: config } = await import('../src/payload.config')
  const headers: Record<string, string> = { Authorization: `JWT ${editorToken}`, 'Accept-Language': options.language ?? 'da' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/xliff+xml'
  return handleEndpoints({ config, request: new Request(`${payload.config.serverURL}/api${url}`, { method, headers, body: options.body }) })
}

type Unit = { id: string; outcome: string; reason?: string; document?: string; field?: string; confirmed?: true }
type Report = { targetLanguage: string; units: Unit[]; counts: Record<string, number> }

const exportFile = async (query: string) => {
  const response = await call('GET', `/translations/export?${query}`)
  expect(response.status).toBe(200)
  return response.text()
}
const importFile = async (xliff: string, query = '', language = 'da') => {
  const response = await call('POST', `/translations/import${query}`, { body: xliff, language })
  expect(response.status).toBe(200)
  return (await response.json()) as Report
}
const unitIds = (xliff: string) => [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]!)
const tiStatus = async (collection: 'activity-types', id: number) =>
  ((await payload.findByID({ collection, id, locale: 'all', depth: 0 })).translationStatus as unknown as Record<string, string>).ti

describe('the import report names each text as the CMS does', () => {
  it('carries the document title and the field label from the CMS (not the file’s notes), what needs attention first', async () => {
    const exported = await exportFile('locale=ti')
    const type = (await payload.find({ collection: 'activity-types', locale: 'da', sort: 'order', limit: 1, depth: 0 })).docs[0]!
    const changedId = `activity-types/${type.id}/summary`
    const navigationId = unitIds(exported).find((id) => /^navigation\/items\/[^/]+\/label$/.test(id))!
    expect(unitIds(exported)).toContain(changedId)
    expect(navigationId).toBeDefined()
    // A file whose notes lie, one unit whose Danish is not the current one, and one naming no document.
    let file = exported.replace(/<note>[\s\S]*?<\/note>/g, '<note>Falsk note</note>')
    file = file.replace(new RegExp(`(<trans-unit id="${changedId}"[^>]*>\\s*<source>)`), '$1Ældre dansk: ')
    file = file.replace('</body>', '<trans-unit id="pages/999999/title"><source>Ingen</source><target>ምንም</target></trans-unit></body>')

    const report = await importFile(file)
    expect(report.units.map((unit) => unit.outcome).slice(0, 2)).toEqual(['source-changed', 'refused'])
    const changed = report.units[0]!
    expect(changed).toMatchObject({ id: changedId, document: `Aktivitetstype “${type.title}”`, field: 'Kort beskrivelse' })
    expect(report.units[1]).toEqual({ id: 'pages/999999/title', outcome: 'refused', reason: expect.any(String) })
    expect(report.units.find((unit) => unit.id === navigationId)).toMatchObject({ document: 'Navigation', field: 'Menupunkter › Tekst', outcome: 'unchanged' })
    expect(report.units.some((unit) => `${unit.document} ${unit.field}`.includes('Falsk'))).toBe(false)
    // Attention first, then applied, then unchanged; every unit still there once.
    const order = ['source-changed', 'refused', 'applied', 'unchanged']
    const ranks = report.units.map((unit) => order.indexOf(unit.outcome))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(report.units.map((unit) => unit.id).sort()).toEqual(unitIds(file).sort())
    expect(report.counts).toMatchObject({ 'source-changed': 1, refused: 1 })

    // An English admin reads the labels in English.
    const english = await importFile(file, '', 'en')
    expect(english.units[0]).toMatchObject({ id: changedId, document: `Activity type “${type.title}”`, field: 'Summary' })
    expect(english.units.find((unit) => unit.id === navigationId)).toMatchObject({ document: 'Navigation', field: 'Menu items › Label' })
  })
})

describe('confirming unchanged machine translations', () => {
  it('leaves them machine without the option, and makes them reviewed with it, Danish and the texts untouched', async () => {
    const exported = await exportFile('locale=ti&status=machine&collection=activity-types')
    const ids = unitIds(exported)
    expect(ids.length).toBeGreaterThan(3)
    const docIds = [...new Set(ids.map((id) => Number(id.split('/')[1])))]
    const before = await payload.find({ collection: 'activity-types', locale: 'all', depth: 0, pagination: false, sort: 'id' })
    for (const id of docIds) expect(await tiStatus('activity-types', id)).toBe('machine')

    const plain = await importFile(exported)
    expect(plain.counts).toEqual({ applied: 0, unchanged: ids.length, 'source-changed': 0, refused: 0 })
    for (const id of docIds) expect(await tiStatus('activity-types', id)).toBe('machine')

    const confirmed = await importFile(exported, '?confirmUnchanged=1')
    expect(confirmed.counts).toEqual({ applied: ids.length, unchanged: 0, 'source-changed': 0, refused: 0 })
    expect(confirmed.units.every((unit) => unit.confirmed === true)).toBe(true)
    for (const id of docIds) expect(await tiStatus('activity-types', id)).toBe('reviewed')
    const after = await payload.find({ collection: 'activity-types', locale: 'all', depth: 0, pagination: false, sort: 'id' })
    // The same texts (a rich text saved again may order its nodes' keys differently).
    const sorted = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, entry]) => [key, sorted(entry)])) : value
    const texts = (docs: typeof before.docs) => JSON.stringify(sorted(docs.map(({ title, summary, description }) => ({ title, summary, description }))))
    expect(texts(after.docs) === texts(before.docs)).toBe(true)

    // Reviewed now: the same file again changes nothing.
    expect((await importFile(exported, '?confirmUnchanged=1')).counts).toEqual({ applied: 0, unchanged: ids.length, 'source-changed': 0, refused: 0 })
  })

  it('from the command line with --confirm-unchanged', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..')
    const run = (...args: string[]) =>
      promisify(execFile)(path.join(root, 'node_modules', '.bin', 'payload'), ['run', 'src/scripts/translations.ts', '--', ...args], {
        cwd: path.join(root, 'cms'),
        env: { ...process.env, INIT_CWD: dir, PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH}` },
      }).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
      )
    expect((await run('export', '--locale', 'so', '--status', 'machine', '--collection', 'target-groups', '--out', 'so.xlf')).code).toBe(0)
    const ids = unitIds(fs.readFileSync(path.join(dir, 'so.xlf'), 'utf8'))
    expect(ids.length).toBeGreaterThan(0)
    const plain = await run('import', 'so.xlf')
    expect(plain.output).toContain(`so: 0 anvendt, ${ids.length} uændret`)
    const confirmed = await run('import', 'so.xlf', '--confirm-unchanged')
    expect(confirmed.code).toBe(0)
    expect(confirmed.output).toContain(`so: ${ids.length} anvendt, 0 uændret`)
    expect(confirmed.output).toContain(`${ids.length} uændrede maskinoversættelser markeret som gennemlæst`)
    const doc = await payload.findByID({ collection: 'target-groups', id: Number(ids[0]!.split('/')[1]), locale: 'so', fallbackLocale: false, depth: 0 })
    expect(doc.translationStatus).toBe('reviewed')
  }, 240_000)
})
