import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Local HTTP servers that speak DeepL's and LibreTranslate's APIs, the only parts of machine
 * translation outside the project. Their "translation" is deterministic: the text between
 * tags in upper case, so a test can predict every node of a translated rich text.
 */

export interface Received {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  bytes: number
  body: Record<string, unknown>
}

/** What a test makes the server answer instead of translating: a status with a body, or never. */
export type Override = { status: number; body: string } | 'hang' | undefined

export interface FakeProvider {
  url: string
  received: Received[]
  /** The translate requests only. */
  translations: () => Received[]
  /** Called for each translate request (1-based count); its answer replaces the translation. */
  override: (request: Received, count: number) => Override
  close: () => Promise<void>
}

export const fakeTranslate = (text: string) => text.toLocaleUpperCase('da')

const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!)
const encodeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Translates the text between tags; `unescape` answers as LibreTranslate does (html.unescape on its HTML). */
function translateMarkup(markup: string, unescape: boolean): string {
  return markup
    .split(/(<[^>]+>)/)
    .map((part) => (part.startsWith('<') ? part : unescape ? fakeTranslate(decodeXml(part)) : encodeXml(fakeTranslate(decodeXml(part)))))
    .join('')
}

async function readBody(request: http.IncomingMessage): Promise<{ bytes: number; body: Record<string, unknown> }> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks)
  if (!raw.length) return { bytes: 0, body: {} }
  if (String(request.headers['content-type']).startsWith('application/json')) return { bytes: raw.length, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> }
  // DeepL also takes form bodies, with `text` repeated.
  const form = new URLSearchParams(raw.toString('utf8'))
  const body: Record<string, unknown> = Object.fromEntries(form)
  body.text = form.getAll('text')
  return { bytes: raw.length, body }
}

async function serve(handle: (received: Received, response: http.ServerResponse) => void, override: FakeProvider['override'], isTranslate: (received: Received) => boolean): Promise<FakeProvider> {
  const received: Received[] = []
  const hanging = new Set<http.ServerResponse>()
  const fake: FakeProvider = {
    url: '',
    received,
    translations: () => received.filter(isTranslate),
    override,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = http.createServer(async (request, response) => {
    const { bytes, body } = await readBody(request)
    const entry: Received = { method: request.method ?? '', path: new URL(request.url ?? '/', 'http://x').pathname, headers: request.headers, bytes, body }
    received.push(entry)
    if (isTranslate(entry)) {
      const answer = fake.override(entry, fake.translations().length)
      if (answer === 'hang') {
        hanging.add(response)
        return
      }
      if (answer) {
        response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body)
        return
      }
    }
    handle(entry, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}

const json = (response: http.ServerResponse, status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))

/** DeepL's /v2/translate, with its auth header, its 50-text and 128 KiB limits, and its languages. */
export function fakeDeepL(apiKey: string): Promise<FakeProvider> {
  return serve(
    (received, response) => {
      if (received.path !== '/v2/translate' || received.method !== 'POST') return json(response, 404, { message: 'Not found' })
      if (received.headers.authorization !== `DeepL-Auth-Key ${apiKey}`) return json(response, 403, { message: 'Wrong endpoint or auth key' })
      const texts = received.body.text
      if (!Array.isArray(texts) || !texts.length) return json(response, 400, { message: 'Parameter text not specified' })
      if (texts.length > 50 || received.bytes > 128 * 1024) return json(response, 413, { message: 'Request Entity Too Large' })
      if (!['EN-GB', 'UK', 'AR', 'FA', 'PS'].includes(String(received.body.target_lang))) return json(response, 400, { message: 'Value for target_lang not supported' })
      const markup = received.body.tag_handling === 'xml'
      if (markup && ['FA', 'PS'].includes(String(received.body.target_lang))) return json(response, 400, { message: 'Tag handling is not supported for this language' })
      json(response, 200, { translations: texts.map((text: string) => ({ detected_source_language: 'DA', text: markup ? translateMarkup(text, false) : fakeTranslate(text) })) })
    },
    () => undefined,
    (received) => received.path === '/v2/translate',
  )
}

/** A LibreTranslate instance with the given Danish targets and, optionally, an API key it requires. */
export function fakeLibreTranslate(targets: string[], apiKey?: string): Promise<FakeProvider> {
  const fake = serve(
    (received, response) => {
      if (received.path === '/languages' && received.method === 'GET') {
        return json(response, 200, [
          { code: 'da', name: 'Danish', targets: ['da', ...targets] },
          { code: 'en', name: 'English', targets: ['da', 'en', ...targets] },
        ])
      }
      if (received.path !== '/translate' || received.method !== 'POST') return json(response, 404, { error: 'Not Found' })
      if (apiKey && received.body.api_key !== apiKey) return json(response, 403, { error: 'Invalid API key' })
      const { q, source, target, format } = received.body as { q: unknown; source: string; target: string; format: string }
      if (!q) return json(response, 400, { error: 'Invalid request: missing q parameter' })
      if (source !== 'da' || !targets.includes(target)) return json(response, 400, { error: `${target} is not supported` })
      const texts = Array.isArray(q) ? (q as string[]) : [String(q)]
      const translated = texts.map((text) => (format === 'html' ? translateMarkup(text, true) : fakeTranslate(text)))
      json(response, 200, { translatedText: Array.isArray(q) ? translated : translated[0] })
    },
    () => undefined,
    (received) => received.path === '/translate',
  )
  return fake
}
