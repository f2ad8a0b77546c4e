import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { limitBody, nestsDeeperThan } from '../src/lib/bodyLimit'
import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest, tinyPng } from './rest'

/**
 * Requests that got a 500 (or a wrong answer) from Payload's REST handler answer 4xx, and `like`
 * takes `_` and `%` literally. The body size limit wraps the Next route: here around Payload's
 * handler for a chunked body, over HTTP in e2e/tests/access-api-edges.spec.ts.
 */
let payload: Payload
let stop: () => Promise<void>
let token: string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  token = await loginToken(payload, 'admin@example.org', 'hemmelig-og-lang')
  for (const title of ['Lektie_café', 'LektieXcafé', '100% frivillig', 'Hundrede']) {
    await payload.create({ collection: 'target-groups', data: { title, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), _status: 'published' }, context: seedContext })
  }
})
afterAll(async () => stop())

const status = async (method: string, path: string, asAdmin = true) => (await rest(payload, method, path, { token: asAdmin ? token : undefined })).status

describe('answers 4xx where Payload answered 500', () => {
  it('a missing upload file is not found', async () => {
    expect(await status('GET', '/media/file/nonexistent.png')).toBe(404)
  })
  it('an id that cannot exist is not found', async () => {
    expect(await status('GET', '/activities/abc')).toBe(404)
    expect(await status('PATCH', '/activities/abc')).toBe(404)
    expect(await status('DELETE', '/activities/1e3')).toBe(404)
  })
  it('versions of a collection without versions are not found', async () => {
    expect(await status('GET', '/signups/versions')).toBe(404)
  })
  it('a geographic query on a field that is not a point is refused', async () => {
    expect(await status('GET', '/activities?where[title][near]=1,2')).toBe(400)
    expect(await status('GET', '/activities?where[title][within]=x')).toBe(400)
  })
})

describe('like', () => {
  const titles = async (query: string) =>
    ((await (await rest(payload, 'GET', `/target-groups?depth=0&limit=0&sort=title&${query}`, { token })).json()) as { docs: { title: string }[] }).docs.map(({ title }) => title)

  it('takes _ and % literally', async () => {
    expect(await titles('where[title][like]=e_c')).toEqual(['Lektie_café'])
    expect(await titles('where[title][like]=%25')).toEqual(['100% frivillig'])
    expect(await titles('where[title][contains]=e_c')).toEqual(['Lektie_café'])
  })
  it('still finds words anywhere, in any case', async () => {
    expect((await titles('where[title][like]=lektie')).sort()).toEqual(['LektieXcafé', 'Lektie_café'])
  })
})

describe('media', () => {
  it('is not listed or served to the public, and is to a logged-in user', async () => {
    const media = await payload.create({ collection: 'media', data: { alt: 'Test' }, file: { data: tinyPng, mimetype: 'image/png', name: 'bild.png', size: tinyPng.length } })
    expect(await status('GET', '/media', false)).toBe(403)
    expect(await status('GET', `/media/file/${media.filename}`, false)).toBe(403)
    expect(await status('GET', `/media/file/${media.filename}`)).toBe(200)
  })
})

describe('request body size', () => {
  const chunkedLogin = async (bytes: number) => {
    const { default: config } = await import('../src/payload.config')
    const route = limitBody((request: Request) => handleEndpoints({ config, request }))
    const text = JSON.stringify({ email: 'admin@example.org', password: 'x'.repeat(bytes) })
    // A stream body has no declared length, as with Transfer-Encoding: chunked.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text))
        controller.close()
      },
    })
    const request = new Request(`${payload.config.serverURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.0.30' },
      body,
      duplex: 'half',
    } as RequestInit)
    return (await route(request, undefined)).status
  }

  it('refuses a chunked JSON body over the limit (413) and passes one under it on', async () => {
    expect(await chunkedLogin(3_000_000)).toBe(413)
    expect(await chunkedLogin(20)).toBe(401)
  })
})

describe('request body nesting', () => {
  const nested = (depth: number) => `${'{"children":['.repeat(depth)}${']}'.repeat(depth)}`
  const login = async (text: string) => {
    const { default: config } = await import('../src/payload.config')
    const route = limitBody((request: Request) => handleEndpoints({ config, request }))
    const request = new Request(`${payload.config.serverURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), 'X-Forwarded-For': '10.0.0.31' },
      body: text,
    })
    return (await route(request, undefined)).status
  }

  it('counts brackets, not those inside strings', () => {
    expect(nestsDeeperThan(nested(100), 256)).toBe(false)
    expect(nestsDeeperThan(nested(3000), 256)).toBe(true)
    expect(nestsDeeperThan(JSON.stringify({ text: '['.repeat(5000), quote: '\\"{{{' }), 3)).toBe(false)
  })

  it('refuses a body nested 3,000 deep with 400, and lets an ordinary one through', async () => {
    expect(await login(`{"email":"admin@example.org","password":"x","extra":${nested(3000)}}`)).toBe(400)
    expect(await login(JSON.stringify({ email: 'admin@example.org', password: 'x' }))).toBe(401)
  })
})
