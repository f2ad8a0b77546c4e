import { initI18n } from '@payloadcms/translations'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { LocaleCode } from '../../core/locales'
import { markdownConverter } from '../src/seed/markdown'
import { deepl, deeplBaseUrl } from '../src/translations/machine/deepl'
import {
  budgetMonth,
  budgetStatus,
  machineTranslate,
  MachineTranslationError,
  providerFromEnv,
  supportedLocales,
  type MachineTranslationJob,
  type RichTextValue,
  type Segment,
  type TranslationProvider,
} from '../src/translations/machine/index'
import { libreTranslate } from '../src/translations/machine/libretranslate'
import type { LexicalNode } from '../src/translations/machine/richText'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'
import { fakeDeepL, fakeLibreTranslate, fakeTranslate, type FakeProvider } from './translation-providers'

/** Machine translation against local servers speaking DeepL's and LibreTranslate's APIs, on a real SQLite budget. */
let payload: Payload
let stop: () => Promise<void>
const fakes: FakeProvider[] = []

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()))
  await stop()
})
afterEach(() => {
  delete process.env.TRANSLATION_MONTHLY_CHARACTERS
})

const deeplKey = 'test-key:fx'
async function deeplServer() {
  const fake = await fakeDeepL(deeplKey)
  fakes.push(fake)
  return { fake, provider: deepl({ apiKey: deeplKey, url: fake.url, timeoutMs: 2_000 }) }
}
async function libreServer(targets = ['en', 'uk', 'ar', 'fa'], apiKey?: string) {
  const fake = await fakeLibreTranslate(targets, apiKey)
  fakes.push(fake)
  return { fake, provider: libreTranslate({ url: fake.url, apiKey, timeoutMs: 2_000 }) }
}

/** Each test counts in a month of its own, so budgets do not leak between tests. */
let monthCounter = 0
const ownMonth = () => new Date(Date.UTC(2030, monthCounter++, 15, 12))

const job = (provider: TranslationProvider, target: LocaleCode, segments: Segment[], extra: Partial<MachineTranslationJob> = {}): MachineTranslationJob => ({
  payload,
  provider,
  source: { collection: 'activity-types' },
  target,
  segments,
  now: ownMonth(),
  ...extra,
})

const used = async (now: Date) => (await budgetStatus(payload, now)).used

async function failure(promise: Promise<unknown>): Promise<MachineTranslationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(MachineTranslationError)
  return error as MachineTranslationError
}

// Lexical's serialized nodes, as Payload stores them.
const text = (value: string, format = 0): LexicalNode => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const paragraph = (...children: LexicalNode[]) => element('paragraph', children, { textFormat: 0 })
const link = (url: string, ...children: LexicalNode[]) => element('link', children, { fields: { linkType: 'custom', newTab: false, url }, version: 3 })
const list = (listType: 'bullet' | 'number', ...children: LexicalNode[]) => element('list', children, { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' })
const item = (value: number, ...children: LexicalNode[]) => element('listitem', children, { value })
const linebreak: LexicalNode = { type: 'linebreak', version: 1 }
const bold = 1
const italic = 2
const code = 16

const richText: RichTextValue = {
  root: element('root', [
    element('heading', [text('Lektiecafé for alle')], { tag: 'h2' }),
    paragraph(
      text('Kom til '),
      text('lektiecafé', bold),
      text(' hver '),
      text('tirsdag', italic),
      text(' – hvis 5 < 6 & "mere".'),
      linebreak,
      link('https://www.rodekors.dk/integration?a=1&b=2', text('Læs '), text('mere', bold | italic)),
      text('.'),
    ),
    list(
      'bullet',
      item(1, text('Matematik')),
      item(2, text('Dansk og '), text('engelsk', italic)),
      item(3, list('number', item(1, text('Første trin')), item(2, link('/da/aktiviteter/', text('Andet trin', bold))))),
    ),
    paragraph(text('npm start', code)),
    paragraph(),
  ]),
}

/** The tree a translation must give: every node where it was, only prose text translated. */
function translatedTree<T>(value: T): T {
  const copy = structuredClone(value)
  const visit = (node: LexicalNode) => {
    if (node.type === 'text' && typeof node.text === 'string' && !((node.format as number) & code)) node.text = fakeTranslate(node.text)
    node.children?.forEach(visit)
  }
  visit((copy as RichTextValue).root)
  return copy
}

describe('rich text keeps its structure', () => {
  it('DeepL (English, tag handling): paragraphs go as one tagged text each; headings, nested lists, links, bold and italic survive', async () => {
    const { fake, provider } = await deeplServer()
    const result = await machineTranslate(job(provider, 'en', ['Lektiecafé i Aarhus', richText, null, '  ', '']))
    expect(result.segments).toEqual(['LEKTIECAFÉ I AARHUS', translatedTree(richText), null, '  ', ''])

    const requests = fake.translations()
    expect(requests.every((request) => request.headers.authorization === `DeepL-Auth-Key ${deeplKey}`)).toBe(true)
    expect(requests.every((request) => request.body.source_lang === 'DA' && request.body.target_lang === 'EN-GB')).toBe(true)
    const tagged = requests.filter((request) => request.body.tag_handling === 'xml').flatMap((request) => request.body.text as string[])
    const plain = requests.filter((request) => request.body.tag_handling === undefined).flatMap((request) => request.body.text as string[])
    expect(plain).toEqual(['Lektiecafé i Aarhus'])
    // The whole paragraph, formatting and link included, in one text: its sentences keep their context.
    expect(tagged.some((sent) => ['Kom til', 'lektiecafé', 'tirsdag', 'Læs', 'mere'].every((word) => sent.includes(word)))).toBe(true)
    expect(tagged.join('')).not.toContain('npm start')
    expect(tagged.join('')).not.toContain('rodekors.dk')
  })

  it('DeepL (Persian, text only): each text run is sent alone, without tag handling, and lands in its own node', async () => {
    const { fake, provider } = await deeplServer()
    const result = await machineTranslate(job(provider, 'fa', [richText]))
    expect(result.segments).toEqual([translatedTree(richText)])
    const requests = fake.translations()
    expect(requests.every((request) => request.body.target_lang === 'FA' && request.body.tag_handling === undefined)).toBe(true)
    const sent = requests.flatMap((request) => request.body.text as string[])
    expect(sent).toContain('Kom til')
    expect(sent).toContain('lektiecafé')
    expect(sent.some((value) => value.includes('<'))).toBe(true) // "5 < 6" as plain text
    expect(sent.some((value) => value.includes('<g'))).toBe(false)
  })

  it('LibreTranslate (Ukrainian, HTML): the same tree, with its API key, though it answers unescaped', async () => {
    const { fake, provider } = await libreServer(['en', 'uk', 'ar', 'fa'], 'libre-key')
    const result = await machineTranslate(job(provider, 'uk', [richText, 'Kvinder & børn <3']))
    expect(result.segments).toEqual([translatedTree(richText), 'KVINDER & BØRN <3'])
    const requests = fake.translations()
    expect(requests.every((request) => request.body.api_key === 'libre-key' && request.body.source === 'da' && request.body.target === 'uk')).toBe(true)
    expect(requests.map((request) => request.body.format).sort()).toEqual(['html', 'text'])
  })

  it('rich text made by the seed from Markdown comes back with the same nodes', async () => {
    const { provider } = await deeplServer()
    const toLexical = await markdownConverter(payload.config)
    const value = toLexical('## Velkommen\n\nKom **i dag** til [caféen](https://example.org/cafe) – *gratis*.\n\n- Et\n  - To med **fed**\n- Tre') as unknown as RichTextValue
    const result = await machineTranslate(job(provider, 'ar', [value]))
    expect(result.segments).toEqual([translatedTree(value)])
  })

  it('a provider that moves a tag or some text: nodes follow the translation, stray text joins an unformatted neighbour', async () => {
    const { fake, provider } = await deeplServer()
    fake.override = () => ({ status: 200, body: JSON.stringify({ translations: [{ text: '<g id="1">Today</g> <g id="0">come</g><g id="2">!</g>' }] }) })
    const value: RichTextValue = { root: element('root', [paragraph(text('Kom '), text('i dag', bold), text('!'))]) }
    const result = await machineTranslate(job(provider, 'en', [value]))
    expect(result.segments).toEqual([{ root: element('root', [paragraph(text('Today', bold), text(' come'), text('!'))]) }])
  })

  it('a space the provider dropped between two nodes comes back, and is not doubled', async () => {
    const { fake, provider } = await deeplServer()
    const answers = ['<g id="0">Come to</g><g id="1">the café</g>', '<g id="0">Come to</g><g id="1"> the café</g>']
    fake.override = (_, count) => ({ status: 200, body: JSON.stringify({ translations: [{ text: answers[count - 1] }] }) })
    const value: RichTextValue = { root: element('root', [paragraph(text('Kom til '), text('caféen', bold))]) }
    for (const expected of [[text('Come to '), text('the café', bold)], [text('Come to'), text(' the café', bold)]]) {
      const result = await machineTranslate(job(provider, 'en', [value]))
      expect(result.segments).toEqual([{ root: element('root', [paragraph(...expected)]) }])
    }
  })

  it('a node of only a space that the provider dropped is put back, without doubling the space', async () => {
    const { fake, provider } = await deeplServer()
    const answers = ['<g id="0">A</g> <g id="2">B</g>', '<g id="0">A</g><g id="2">B</g>']
    fake.override = (_, count) => ({ status: 200, body: JSON.stringify({ translations: [{ text: answers[count - 1] }] }) })
    const value: RichTextValue = { root: element('root', [paragraph(text('a', bold), text(' '), text('b', italic))]) }
    for (const expected of [[text('A ', bold), text(''), text('B', italic)], [text('A', bold), text(' '), text('B', italic)]]) {
      const result = await machineTranslate(job(provider, 'en', [value]))
      expect(result.segments).toEqual([{ root: element('root', [paragraph(...expected)]) }])
    }
  })

  it('a link without words is sent as a placeholder, not as an empty tag a provider could drop', async () => {
    const { fake, provider } = await deeplServer()
    const value: RichTextValue = { root: element('root', [paragraph(text('Se kortet '), link('https://example.org/kort'), text('her.'))]) }
    const result = await machineTranslate(job(provider, 'en', [value]))
    expect(result.segments).toEqual([translatedTree(value)])
    expect(fake.translations()[0]!.body.text).toEqual(['<g id="0">Se kortet </g><x id="1"/><g id="2">her.</g>'])
  })

  it('a provider that loses a tag fails the job: no result (the answered characters were billed)', async () => {
    const { fake, provider } = await deeplServer()
    fake.override = () => ({ status: 200, body: JSON.stringify({ translations: [{ text: '<g id="0">Come today!</g>' }] }) })
    const value: RichTextValue = { root: element('root', [paragraph(text('Kom '), text('i dag', bold), text('!'))]) }
    const now = ownMonth()
    const error = await failure(machineTranslate(job(provider, 'en', [value], { now })))
    expect(error.failure).toBe('structureLost')
    expect(await used(now)).toBe('Kom i dag!'.length)
  })
})

describe('supported locales', () => {
  it('DeepL: English, Ukrainian and Arabic with tags; Persian and Pashto as text only; not Tigrinya or Somali', async () => {
    const locales = await supportedLocales(deepl({ apiKey: 'x' }))
    expect(Object.fromEntries(locales)).toEqual({ en: 'markup', uk: 'markup', ar: 'markup', fa: 'text', ps: 'text' })
  })

  it('LibreTranslate: what the instance says it has, and nothing when it cannot say', async () => {
    const { fake, provider } = await libreServer(['en', 'uk', 'ar', 'fa', 'eo'])
    expect([...(await supportedLocales(provider)).keys()].sort()).toEqual(['ar', 'en', 'fa', 'uk'])
    await supportedLocales(provider)
    expect(fake.received.filter((request) => request.path === '/languages')).toHaveLength(1) // cached

    const broken = await libreServer()
    const unreachable = libreTranslate({ url: `${broken.fake.url}/nowhere`, timeoutMs: 2_000 })
    expect((await supportedLocales(unreachable)).size).toBe(0)
  })

  it('no provider: none', async () => {
    expect((await supportedLocales(null)).size).toBe(0)
  })

  it('Tigrinya is refused before any request, by either provider, and nothing is counted', async () => {
    for (const { fake, provider } of [await deeplServer(), await libreServer()]) {
      const now = ownMonth()
      const error = await failure(machineTranslate(job(provider, 'ti', ['Hej'], { now })))
      expect(error.failure).toBe('unsupportedLocale')
      expect(error.message).toContain('Tigrinya')
      expect(fake.translations()).toHaveLength(0)
      expect(await used(now)).toBe(0)
    }
  })
})

describe('only public content is sent', () => {
  it.each([{ collection: 'signups' }, { collection: 'child-certificates' }, { collection: 'users' }, { collection: 'translation-usage' }, { global: 'anything' }])(
    '%o is refused before any request',
    async (source) => {
      const { fake, provider } = await deeplServer()
      const error = await failure(machineTranslate(job(provider, 'en', ['Ali Hassan, 12345678'], { source })))
      expect(error.failure).toBe('notPublic')
      expect(fake.received).toHaveLength(0)
    },
  )

  it.each([{ collection: 'events' }, { collection: 'departments' }, { global: 'site-settings' }, { global: 'navigation' }])('%o is translated', async (source) => {
    const { provider } = await deeplServer()
    expect((await machineTranslate(job(provider, 'en', ['Hej'], { source }))).segments).toEqual(['HEJ'])
  })
})

describe('batching', () => {
  it('more than 50 texts go in several requests of at most 50, answers in order', async () => {
    const { fake, provider } = await deeplServer()
    const texts = Array.from({ length: 120 }, (_, index) => `Tekst nummer ${index}`)
    const result = await machineTranslate(job(provider, 'en', texts))
    expect(result.segments).toEqual(texts.map(fakeTranslate))
    expect(fake.translations().map((request) => (request.body.text as string[]).length)).toEqual([50, 50, 20])
  })

  it('long texts are split by size: every request stays under 128 KiB', async () => {
    const { fake, provider } = await deeplServer()
    const texts = Array.from({ length: 6 }, (_, index) => `${index} ${'Æbleskiver og kaffe. '.repeat(1_400)}`)
    const result = await machineTranslate(job(provider, 'uk', texts))
    expect(result.segments).toEqual(texts.map(fakeTranslate))
    expect(fake.translations().length).toBeGreaterThan(1)
    expect(fake.translations().every((request) => request.bytes <= 128 * 1024)).toBe(true)
  })

  it('a text too long for any request is refused before anything is sent', async () => {
    const { fake, provider } = await deeplServer()
    const error = await failure(machineTranslate(job(provider, 'en', ['ø'.repeat(70_000)])))
    expect(error.failure).toBe('tooLong')
    expect(fake.received).toHaveLength(0)
  })
})

describe('monthly budget', () => {
  it('counts per Copenhagen calendar month', () => {
    expect(budgetMonth(new Date('2026-11-30T22:59:59Z'))).toBe('2026-11')
    expect(budgetMonth(new Date('2026-11-30T23:00:00Z'))).toBe('2026-12')
    expect(budgetMonth(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08')
  })

  it('a job larger than what is left is refused whole, before any request; a smaller one goes through', async () => {
    process.env.TRANSLATION_MONTHLY_CHARACTERS = '100'
    const { fake, provider } = await deeplServer()
    const now = ownMonth()
    const tooMuch = await failure(machineTranslate(job(provider, 'en', ['a'.repeat(60), 'b'.repeat(60)], { now })))
    expect(tooMuch.failure).toBe('budgetExceeded')
    expect(tooMuch.message).toContain('Intet er sendt')
    expect(fake.received).toHaveLength(0)

    const result = await machineTranslate(job(provider, 'en', ['Cykelkursus for kvinder'], { now }))
    expect(result.characters).toBe(23)
    expect(await budgetStatus(payload, now)).toMatchObject({ used: 23, limit: 100, remaining: 77 })

    const rest = await failure(machineTranslate(job(provider, 'en', ['x'.repeat(78)], { now })))
    expect(rest.values).toMatchObject({ needed: 78, remaining: 77, limit: 100 })
    expect(fake.translations()).toHaveLength(1)
  })

  it('counts code points of the Danish text only: no tags, no whitespace around a run', async () => {
    const { provider } = await deeplServer()
    const now = ownMonth()
    const value: RichTextValue = { root: element('root', [paragraph(text('Kom '), text('🙂 nu', bold))]) }
    expect((await machineTranslate(job(provider, 'en', [value, '  Hej  '], { now }))).characters).toBe(4 + 4 + 3)
    expect(await used(now)).toBe(11)
  })

  it('jobs at the same time cannot overspend: the reservations are atomic', async () => {
    process.env.TRANSLATION_MONTHLY_CHARACTERS = '100'
    const { fake, provider } = await deeplServer()
    const now = ownMonth()
    const jobs = Array.from({ length: 5 }, (_, index) => machineTranslate(job(provider, 'en', [`${index}`.repeat(30)], { now })))
    const outcomes = await Promise.allSettled(jobs)
    const done = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome.reason as MachineTranslationError).failure)
    expect(done).toHaveLength(3)
    expect(refused).toEqual(['budgetExceeded', 'budgetExceeded'])
    expect(fake.translations()).toHaveLength(3)
    expect(await used(now)).toBe(90)
  })

  it('the counter is shown to admins only, read-only, with the limit beside it', async () => {
    process.env.TRANSLATION_MONTHLY_CHARACTERS = '5000'
    const { provider } = await deeplServer()
    const now = ownMonth()
    await machineTranslate(job(provider, 'en', ['Hej'], { now }))
    await payload.create({ collection: 'users', data: { email: 'budget-admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
    await payload.create({ collection: 'users', data: { email: 'budget-editor@example.org', password: 'hemmelig-og-lang', role: 'editor' } })
    const admin = await loginToken(payload, 'budget-admin@example.org', 'hemmelig-og-lang')
    const editor = await loginToken(payload, 'budget-editor@example.org', 'hemmelig-og-lang')

    const read = (await (await rest(payload, 'GET', `/translation-usage?where[month][equals]=${budgetMonth(now)}`, { token: admin })).json()) as { docs: { id: number; characters: number; limit: number }[] }
    expect(read.docs).toMatchObject([{ characters: 3, limit: 5000 }])
    expect((await rest(payload, 'GET', '/translation-usage', { token: editor })).status).toBe(403)
    expect((await rest(payload, 'PATCH', `/translation-usage/${read.docs[0]!.id}`, { token: admin, body: { characters: 0 } })).status).toBe(403)
    expect((await rest(payload, 'POST', '/translation-usage', { token: admin, body: { month: '2099-01', characters: 0 } })).status).toBe(403)
  })
})

describe('provider errors: a typed error, no partial result, the unsent characters given back', () => {
  const sixty = Array.from({ length: 60 }, (_, index) => `Sætning ${index}`)
  const characters = (texts: string[]) => texts.reduce((sum, value) => sum + value.length, 0)
  const cases = [
    { name: 'DeepL 429', answer: { status: 429, body: '{"message":"Too many requests"}' }, failure: 'rateLimited' },
    { name: 'DeepL 456', answer: { status: 456, body: '{"message":"Quota exceeded"}' }, failure: 'quotaExceeded' },
    { name: 'DeepL 500', answer: { status: 500, body: 'Internal error' }, failure: 'unavailable' },
    { name: 'DeepL 503', answer: { status: 503, body: '' }, failure: 'unavailable' },
    { name: 'DeepL 403', answer: { status: 403, body: '{"message":"Wrong endpoint"}' }, failure: 'refused' },
    { name: 'malformed JSON', answer: { status: 200, body: '{"translations": [' }, failure: 'malformed' },
    { name: 'no translations', answer: { status: 200, body: '{"result": []}' }, failure: 'malformed' },
    { name: 'a wrong count', answer: { status: 200, body: '{"translations": [{"text": "ONE"}]}' }, failure: 'wrongCount' },
    { name: 'no answer in time', answer: 'hang', failure: 'timeout' },
  ] as const

  /** A short timeout only where the server never answers, so a slow machine fails nothing else. */
  const providerFor = (fake: FakeProvider, answer: (typeof cases)[number]['answer']) => deepl({ apiKey: deeplKey, url: fake.url, timeoutMs: answer === 'hang' ? 500 : 10_000 })

  it.each(cases)('$name on the first request → $failure, nothing counted', async ({ answer, failure: expected }) => {
    const { fake } = await deeplServer()
    fake.override = () => answer
    const now = ownMonth()
    const error = await failure(machineTranslate(job(providerFor(fake, answer), 'en', sixty, { now })))
    expect(error.failure).toBe(expected)
    expect(error.message).toContain('DeepL')
    expect(fake.translations()).toHaveLength(1)
    expect(await used(now)).toBe(0)
  })

  it.each(cases)('$name on the second request → $failure; only the answered first request is counted', async ({ answer, failure: expected }) => {
    const { fake } = await deeplServer()
    const provider = providerFor(fake, answer)
    fake.override = (_, count) => (count === 2 ? answer : undefined)
    const now = ownMonth()
    const error = await failure(machineTranslate(job(provider, 'en', sixty, { now })))
    expect(error.failure).toBe(expected)
    expect(fake.translations()).toHaveLength(2)
    expect(await used(now)).toBe(characters(sixty.slice(0, 50)))
  })

  it.each([
    { status: 429, failure: 'rateLimited' },
    { status: 403, failure: 'refused' },
    { status: 500, failure: 'unavailable' },
  ] as const)('LibreTranslate $status → $failure', async ({ status, failure: expected }) => {
    const { fake, provider } = await libreServer()
    fake.override = () => ({ status, body: JSON.stringify({ error: 'Slowdown: 30 per minute' }) })
    const now = ownMonth()
    const error = await failure(machineTranslate(job(provider, 'en', ['Hej'], { now })))
    expect(error.failure).toBe(expected)
    expect(await used(now)).toBe(0)
  })

  it('a wrong LibreTranslate API key is refused by the instance', async () => {
    const { fake } = await libreServer(['en'], 'the-right-key')
    const error = await failure(machineTranslate(job(libreTranslate({ url: fake.url, apiKey: 'a-wrong-key' }), 'en', ['Hej'])))
    expect(error.failure).toBe('refused')
  })

  it('the error reads in Danish by default and in English for an English admin', async () => {
    const { fake, provider } = await deeplServer()
    fake.override = () => ({ status: 456, body: '{}' })
    const error = await failure(machineTranslate(job(provider, 'en', ['Hej'])))
    expect(error.message).toBe('Kvoten hos DeepL er brugt op. Intet er gemt.')
    const { t } = await initI18n({ config: payload.config.i18n, language: 'en', context: 'api' })
    expect(error.translated(t)).toBe('The quota at DeepL is used up. Nothing was saved.')
  })
})

describe('settings', () => {
  it('no TRANSLATION_PROVIDER: machine translation is off', async () => {
    expect(providerFromEnv({})).toBeNull()
    const error = await failure(machineTranslate({ payload, provider: null, source: { collection: 'pages' }, target: 'en', segments: ['Hej'] }))
    expect(error.failure).toBe('notConfigured')
  })

  it('a free DeepL key (":fx") uses api-free.deepl.com, others api.deepl.com; DEEPL_API_URL overrides both', async () => {
    expect(deeplBaseUrl('abc:fx')).toBe('https://api-free.deepl.com')
    expect(deeplBaseUrl('abc')).toBe('https://api.deepl.com')
    expect(deeplBaseUrl('abc:fx', 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9')

    const fake = await fakeDeepL(deeplKey)
    fakes.push(fake)
    const provider = providerFromEnv({ TRANSLATION_PROVIDER: 'deepl', DEEPL_API_KEY: deeplKey, DEEPL_API_URL: fake.url })
    expect((await machineTranslate(job(provider!, 'en', ['Hej']))).segments).toEqual(['HEJ'])
    expect(fake.translations()).toHaveLength(1)
  })

  it('LIBRETRANSLATE_URL and LIBRETRANSLATE_API_KEY choose the instance, whose languages are asked once for all jobs', async () => {
    const { fake } = await libreServer(['en'], 'k')
    const env = { TRANSLATION_PROVIDER: 'libretranslate', LIBRETRANSLATE_URL: fake.url, LIBRETRANSLATE_API_KEY: 'k' }
    expect((await machineTranslate(job(providerFromEnv(env)!, 'en', ['Hej']))).segments).toEqual(['HEJ'])
    expect((await machineTranslate(job(providerFromEnv({ ...env })!, 'en', ['Farvel']))).segments).toEqual(['FARVEL'])
    expect(fake.received.filter((request) => request.path === '/languages')).toHaveLength(1)
  })

  it('a provider without its settings, or an unknown one, is a configuration error', () => {
    expect(() => providerFromEnv({ TRANSLATION_PROVIDER: 'deepl' })).toThrow('DEEPL_API_KEY')
    expect(() => providerFromEnv({ TRANSLATION_PROVIDER: 'libretranslate' })).toThrow('LIBRETRANSLATE_URL')
    expect(() => providerFromEnv({ TRANSLATION_PROVIDER: 'google' })).toThrow('deepl or libretranslate')
  })

  it('Danish is never a target', async () => {
    const { fake, provider } = await deeplServer()
    expect((await failure(machineTranslate(job(provider, 'da', ['Hej'])))).failure).toBe('sourceLocale')
    expect(fake.received).toHaveLength(0)
  })
})
