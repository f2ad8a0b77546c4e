import crypto from 'node:crypto'

import { handleEndpoints, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { consentVersion } from '../../core/consent'
import { seedContext } from '../src/seed/index'
import { clientKey } from '../src/lib/clientKey'
import { signupText } from '../src/signups/strings'
import { startPayload } from './payload'

/**
 * Signup limits through Payload's own REST handler: who the client is (socket, trusted proxies),
 * the ceilings counted on valid signups only (all, per target, per e-mail/phone), and what a
 * person meets over a ceiling: a challenge the site's script solves, or a page to confirm on
 * without JavaScript. (The real-socket tests are in e2e/tests/signup-limits.spec.ts.)
 */
let payload: Payload
let stop: () => Promise<void>
const siteUrl = 'http://localhost:4998'
const socketMark = Symbol.for('drk.socketAddressHeader')
const settings = ['SIGNUP_RATE_LIMIT', 'SIGNUP_GLOBAL_RATE_LIMIT', 'SIGNUP_TARGET_RATE_LIMIT', 'SIGNUP_CONTACT_RATE_LIMIT', 'SIGNUP_CHALLENGE_DIFFICULTY', 'SIGNUP_CHALLENGE_WAIT_SECONDS', 'TRUST_PROXY']

beforeAll(async () => {
  process.env.SITE_URL = siteUrl
  ;({ payload, stop } = await startPayload())
  const department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Grænseby', slug: 'graenseby', email: 'graenseby@example.org', town: 'Grænseby', municipality: 'Grænseby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  const activityType = await payload.create({ collection: 'activity-types', data: { title: 'Cykelkurser', slug: 'cykelkurser', _status: 'published' }, context: seedContext })
  for (const slug of ['graenseby-cykel', 'graenseby-sprog', 'graenseby-mad']) {
    await payload.create({
      collection: 'activities',
      data: { title: slug, slug, howToJoin: 'sign-up', department: department.id, activityType: activityType.id, schedule: { byAppointment: true }, _status: 'published' },
      context: seedContext,
    })
  }
})
afterAll(async () => {
  await stop()
  for (const name of [...settings, 'SITE_URL']) delete process.env[name]
})
beforeEach(() => {
  // Generous unless a test says otherwise; each test uses its own addresses and targets.
  Object.assign(process.env, {
    TRUST_PROXY: 'true',
    SIGNUP_RATE_LIMIT: '1000',
    SIGNUP_GLOBAL_RATE_LIMIT: '100000',
    SIGNUP_TARGET_RATE_LIMIT: '100000',
    SIGNUP_CONTACT_RATE_LIMIT: '100000',
    SIGNUP_CHALLENGE_DIFFICULTY: '8',
    SIGNUP_CHALLENGE_WAIT_SECONDS: '0',
  })
})

let counter = 0
const person = (overrides: Record<string, string> = {}) => {
  counter++
  return { kind: 'participant', target: 'activity:graenseby-cykel', name: `Person ${counter}`, email: `person-${counter}-${Date.now()}@example.org`, language: 'da', consent: 'yes', consentVersion, ...overrides }
}

async function post(body: Record<string, string>, { ip = '10.9.0.1', as = 'json' }: { ip?: string; as?: 'json' | 'form' } = {}) {
  const { default: config } = await import('../src/payload.config')
  const request = new Request(`${payload.config.serverURL}/api/signups/submit`, {
    method: 'POST',
    headers: {
      Origin: siteUrl,
      'Content-Type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      Accept: as === 'json' ? 'application/json' : 'text/html',
      'X-Forwarded-For': ip,
    },
    body: as === 'json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  })
  return handleEndpoints({ config, request })
}

const stored = async (email: string) => (await payload.count({ collection: 'signups', where: { email: { equals: email } } })).totalDocs

/** What the site's script does with a challenge: find a proof by brute force. */
function solve(token: string, difficulty: number): string {
  for (let proof = 0; ; proof++) {
    const digest = crypto.createHash('sha256').update(`${token}:${proof}`).digest()
    let bits = 0
    for (const byte of digest) {
      if (byte !== 0) {
        bits += Math.clz32(byte) - 24
        break
      }
      bits += 8
    }
    if (bits >= difficulty) return String(proof)
  }
}

describe('the client is the socket, unless a trusted proxy forwarded the request', () => {
  const request = (headers: Record<string, string>) => ({ headers: new Headers(headers) }) as unknown as PayloadRequest
  const withSocket = (address: string, forwarded?: string) => request({ 'x-drk-socket-address': address, ...(forwarded ? { 'X-Forwarded-For': forwarded } : {}) })
  const state = globalThis as Record<symbol, unknown>
  beforeEach(() => {
    state[socketMark] = 'x-drk-socket-address'
  })
  afterAll(() => {
    delete state[socketMark]
  })

  it('without TRUST_PROXY a client’s own X-Forwarded-For is ignored', () => {
    delete process.env.TRUST_PROXY
    expect(clientKey(withSocket('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7')
    expect(clientKey(withSocket('::ffff:203.0.113.7', '198.51.100.2, 198.51.100.3'))).toBe('203.0.113.7')
  })

  it('the socket header counts only when cms/server.mjs set it (else it is a claim like any other)', () => {
    delete process.env.TRUST_PROXY
    delete state[socketMark]
    expect(clientKey(withSocket('203.0.113.7'))).toBe('unknown')
  })

  it('a trusted proxy’s address or range: X-Forwarded-For is walked from the right past trusted hops', () => {
    process.env.TRUST_PROXY = '10.0.0.1, 192.168.0.0/16'
    expect(clientKey(withSocket('10.0.0.1', '198.51.100.9'))).toBe('198.51.100.9')
    // A spoofed left part stays to the left of the address our proxy appended.
    expect(clientKey(withSocket('10.0.0.1', '1.2.3.4, 198.51.100.9'))).toBe('198.51.100.9')
    expect(clientKey(withSocket('10.0.0.1', '1.2.3.4, 198.51.100.9, 192.168.4.4'))).toBe('198.51.100.9')
    // Not from the proxy: the header is the client's own claim.
    expect(clientKey(withSocket('203.0.113.7', '198.51.100.9'))).toBe('203.0.113.7')
    process.env.TRUST_PROXY = 'loopback'
    expect(clientKey(withSocket('::1', '2001:db8:1:2::5'))).toBe('2001:db8:1:2::/64')
  })

  it('a hop count, and true (every hop: the left-most address)', () => {
    process.env.TRUST_PROXY = '1'
    expect(clientKey(withSocket('10.0.0.1', '1.2.3.4, 198.51.100.9'))).toBe('198.51.100.9')
    process.env.TRUST_PROXY = '2'
    expect(clientKey(withSocket('10.0.0.1', '1.2.3.4, 198.51.100.9'))).toBe('1.2.3.4')
    process.env.TRUST_PROXY = 'true'
    expect(clientKey(withSocket('10.0.0.1', '1.2.3.4, 198.51.100.9'))).toBe('1.2.3.4')
  })
})

describe('ceilings count valid signups only', () => {
  it('invalid requests do not use up the global ceiling', async () => {
    process.env.SIGNUP_GLOBAL_RATE_LIMIT = '3'
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await post(person({ email: 'ikke-en-adresse' }), { ip: `10.8.${attempt}.1` })).status).toBe(422)
    }
    for (let index = 0; index < 3; index++) expect((await post(person(), { ip: `10.7.${index}.1` })).status).toBe(201)
    // The fourth valid one meets the ceiling: a challenge, not a refusal.
    const form = person()
    const over = await post(form, { ip: '10.7.9.1' })
    expect(over.status).toBe(429)
    const answer = (await over.json()) as { ok: boolean; error: string; challenge: { token: string; difficulty: number } }
    expect(answer).toMatchObject({ ok: false, error: signupText('da', 'signup.challenge.text'), challenge: { difficulty: 8 } })
    expect(await stored(form.email)).toBe(0)
    // The site's script solves it and sends again: stored.
    const solved = await post({ ...form, challenge: answer.challenge.token, proof: solve(answer.challenge.token, answer.challenge.difficulty) }, { ip: '10.7.9.1' })
    expect(solved.status).toBe(201)
    expect(await stored(form.email)).toBe(1)
  })

  it('a solved challenge is good once, for the client it was given to, and only when solved', async () => {
    process.env.SIGNUP_GLOBAL_RATE_LIMIT = '0'
    const form = person()
    const { challenge } = (await (await post(form, { ip: '10.6.0.1' })).json()) as { challenge: { token: string; difficulty: number } }
    expect((await post({ ...form, challenge: challenge.token, proof: 'wrong' }, { ip: '10.6.0.1' })).status).toBe(429)
    const proof = solve(challenge.token, challenge.difficulty)
    expect((await post({ ...form, challenge: challenge.token, proof }, { ip: '10.6.0.2' })).status).toBe(429)
    expect((await post({ ...form, challenge: challenge.token, proof }, { ip: '10.6.0.1' })).status).toBe(201)
    expect((await post({ ...person(), challenge: challenge.token, proof }, { ip: '10.6.0.1' })).status).toBe(429)
    const tampered = challenge.token.replace(/^./, (char) => (char === 'e' ? 'f' : 'e'))
    expect((await post({ ...person(), challenge: tampered, proof }, { ip: '10.6.0.1' })).status).toBe(429)
  })

  it('per target: a busy activity asks for a challenge; another activity does not', async () => {
    process.env.SIGNUP_TARGET_RATE_LIMIT = '2'
    for (let index = 0; index < 2; index++) expect((await post(person({ target: 'activity:graenseby-sprog' }), { ip: `10.5.${index}.1` })).status).toBe(201)
    expect((await post(person({ target: 'activity:graenseby-sprog' }), { ip: '10.5.8.1' })).status).toBe(429)
    expect((await post(person({ target: 'activity:graenseby-mad' }), { ip: '10.5.9.1' })).status).toBe(201)
  })

  it('per e-mail address and per phone number given', async () => {
    process.env.SIGNUP_CONTACT_RATE_LIMIT = '2'
    const email = `samme-${Date.now()}@example.org`
    for (let index = 0; index < 2; index++) expect((await post(person({ email }), { ip: `10.4.${index}.1` })).status).toBe(201)
    expect((await post(person({ email: email.toUpperCase() }), { ip: '10.4.8.1' })).status).toBe(429)
    expect((await post(person(), { ip: '10.4.8.2' })).status).toBe(201)
    const phone = '+45 31 31 31 31'
    for (let index = 0; index < 2; index++) expect((await post(person({ email: '', phone }), { ip: `10.4.${index}.2` })).status).toBe(201)
    expect((await post(person({ email: '', phone: '31313131' }), { ip: '10.4.9.1' })).status).toBe(429)
  })

  it('without JavaScript: a page in the person’s language with what they wrote and a token that needs only a moment', async () => {
    process.env.SIGNUP_CONTACT_RATE_LIMIT = '0'
    process.env.SIGNUP_CHALLENGE_WAIT_SECONDS = '600'
    const form = person({ language: 'ti', name: 'ሰላም ተስፋይ', message: 'ሰላም' })
    const page = await post(form, { ip: '10.3.0.1', as: 'form' })
    expect(page.status).toBe(429)
    const html = await page.text()
    expect(html).toContain('lang="ti"')
    expect(html).toContain(signupText('ti', 'signup.challenge.text'))
    expect(html).toContain(signupText('ti', 'signup.challenge.button'))
    expect(html).toContain('value="ሰላም ተስፋይ"')
    expect(html).toContain('>ሰላም</textarea>')
    const token = /name="challenge" value="([^"]+)"/.exec(html)?.[1]
    expect(token).toBeTruthy()
    // Sent again at once (a bot's pace): the same page, the same token, nothing stored.
    const early = await post({ ...form, challenge: token! }, { ip: '10.3.0.1', as: 'form' })
    expect(early.status).toBe(429)
    expect(await early.text()).toContain(`value="${token}"`)
    expect(await stored(form.email)).toBe(0)

    process.env.SIGNUP_CHALLENGE_WAIT_SECONDS = '0'
    const again = await post(form, { ip: '10.3.0.2', as: 'form' })
    const waitless = /name="challenge" value="([^"]+)"/.exec(await again.text())![1]!
    const sent = await post({ ...form, challenge: waitless }, { ip: '10.3.0.2', as: 'form' })
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe(`${siteUrl}/ti/tak/`)
    expect(await stored(form.email)).toBe(1)
  })
})
