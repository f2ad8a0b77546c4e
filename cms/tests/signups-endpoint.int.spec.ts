import net from 'node:net'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { consentVersion } from '../../core/consent'
import { seedContext } from '../src/seed/index'
import { containsCprNumber } from '../src/signups/cpr'
import { addressKey } from '../src/lib/clientKey'
import { normalizePhone } from '../src/signups/schema'
import { signupText } from '../src/signups/strings'
import { startPayload } from './payload'

/**
 * The signup endpoint through Payload's own REST handler, with the SMTP server down: the signup
 * is stored and answered all the same, and the log says only how many e-mails failed.
 * (The HTTP tests of every rule are in e2e/tests/signup-validation.spec.ts and the other signup-*.spec.ts.)
 */
let payload: Payload
let stop: () => Promise<void>
const siteUrl = 'http://localhost:4999'

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

beforeAll(async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`
  process.env.SITE_URL = siteUrl
  // Many signups from one address here; the limits have their own tests.
  process.env.SIGNUP_RATE_LIMIT = '10000'
  process.env.SIGNUP_CONTACT_RATE_LIMIT = '10000'
  ;({ payload, stop } = await startPayload())
  const department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Testby', slug: 'testby', email: 'testby@example.org', town: 'Testby', municipality: 'Testby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  const activityType = await payload.create({
    collection: 'activity-types',
    data: { title: 'Lektiecaféer', slug: 'lektiecafeer', worksWithChildren: true, _status: 'published' },
    context: seedContext,
  })
  await payload.create({
    collection: 'activities',
    data: { title: 'Lektiecafé i Testby', slug: 'testby-lektiecafe', department: department.id, activityType: activityType.id, schedule: { byAppointment: true }, _status: 'published' },
    context: seedContext,
  })
  const listings = [
    { slug: 'testby-bare-mod-op', howToJoin: 'just-come' },
    { slug: 'testby-kontakt-os', howToJoin: 'contact' },
    { slug: 'testby-tilmelding', howToJoin: 'sign-up' },
    { slug: 'testby-ingen-frivillige', howToJoin: 'sign-up', volunteersWanted: false },
  ] as const
  for (const listing of listings) {
    await payload.create({
      collection: 'activities',
      data: { title: listing.slug, department: department.id, activityType: activityType.id, schedule: { byAppointment: true }, _status: 'published', ...listing },
      context: seedContext,
    })
  }
})
afterAll(async () => {
  await stop()
  delete process.env.SMTP_URL
  delete process.env.SITE_URL
  delete process.env.SIGNUP_RATE_LIMIT
  delete process.env.SIGNUP_CONTACT_RATE_LIMIT
})

async function post(body: unknown) {
  const { default: config } = await import('../src/payload.config')
  const request = new Request(`${payload.config.serverURL}/api/signups/submit`, {
    method: 'POST',
    headers: { Origin: siteUrl, 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': '10.0.0.1' },
    body: JSON.stringify(body),
  })
  return handleEndpoints({ config, request })
}

describe('signup endpoint with the SMTP server down', () => {
  it('stores the signup and its child-certificate task, answers 201, and logs only a count', async () => {
    const errors = vi.spyOn(payload.logger, 'error')
    const response = await post({
      kind: 'volunteer',
      target: 'activity:testby-lektiecafe',
      name: 'Jens Jensen',
      email: 'jens@example.org',
      language: 'da',
      consent: 'yes',
      consentVersion,
      message: 'Jeg er pensioneret lærer.',
    })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ ok: true, kind: 'volunteer', childCertificate: true })
    expect(response.headers.get('access-control-allow-origin')).toBe(siteUrl)

    const { docs } = await payload.find({ collection: 'signups', where: { email: { equals: 'jens@example.org' } } })
    expect(docs).toHaveLength(1)
    const certificates = await payload.find({ collection: 'child-certificates', where: { signup: { equals: docs[0]!.id } } })
    expect(certificates.docs[0]).toMatchObject({ status: 'to-request', volunteerName: 'Jens Jensen' })

    await vi.waitFor(() => expect(errors.mock.calls.map(([line]) => String(line)).some((line) => line.includes('signup e-mails could not be sent'))).toBe(true), { timeout: 30_000, interval: 200 })
    const logged = errors.mock.calls.map(([line]) => JSON.stringify(line)).join('\n')
    expect(logged).toMatch(/2 of 2 signup e-mails could not be sent/)
    expect(logged).not.toContain('jens@example.org')
    expect(logged).not.toContain('Jens')
    errors.mockRestore()
  })
})

describe('signup targets (looked up once, then kept for a while)', () => {
  const volunteer = (name: string) => ({ kind: 'volunteer', target: 'activity:testby-lektiecafe', name, phone: '12345678', language: 'da', consent: 'yes', consentVersion })

  it('an activity unpublished after a signup takes no more signups, at once', async () => {
    expect((await post(volunteer('Før'))).status).toBe(201)
    const { docs } = await payload.find({ collection: 'activities', where: { slug: { equals: 'testby-lektiecafe' } }, limit: 1 })
    const activity = docs[0]!
    await payload.update({ collection: 'activities', id: activity.id, data: { _status: 'draft' }, context: seedContext })
    try {
      const refused = await post(volunteer('Efter'))
      expect(refused.status).toBe(422)
      expect(await refused.json()).toMatchObject({ ok: false, errors: { target: expect.any(String) } })
    } finally {
      await payload.update({ collection: 'activities', id: activity.id, data: { _status: 'published' }, context: seedContext })
    }
    expect((await post(volunteer('Igen'))).status).toBe(201)
  })

  it('a changed activity type (no longer with children) is used at once', async () => {
    const { docs } = await payload.find({ collection: 'activity-types', where: { slug: { equals: 'lektiecafeer' } }, limit: 1 })
    const activityType = docs[0]!
    expect(await (await post(volunteer('Med børn'))).json()).toMatchObject({ childCertificate: true })
    await payload.update({ collection: 'activity-types', id: activityType.id, data: { worksWithChildren: false }, context: seedContext })
    try {
      expect(await (await post(volunteer('Uden børn'))).json()).toMatchObject({ childCertificate: false })
    } finally {
      await payload.update({ collection: 'activity-types', id: activityType.id, data: { worksWithChildren: true }, context: seedContext })
    }
  })
})

describe('only where the site offers a form (no e-mail either: nothing is stored)', () => {
  const form = (kind: string, target: string, language = 'da') => ({ kind, target, name: `Ikke her ${target}`, phone: '12345678', language, consent: 'yes', consentVersion })
  const stored = async (target: string) => (await payload.find({ collection: 'signups', where: { name: { equals: `Ikke her ${target}` } }, limit: 1 })).totalDocs

  const refused = [
    { kind: 'participant', target: 'activity:testby-bare-mod-op', key: 'signup.error.noSignup' },
    { kind: 'participant', target: 'activity:testby-kontakt-os', key: 'signup.error.noSignup' },
    { kind: 'participant', target: 'activity:testby-lektiecafe', key: 'signup.error.noSignup' },
    { kind: 'volunteer', target: 'activity:testby-ingen-frivillige', key: 'signup.error.noVolunteers' },
  ] as const
  for (const { kind, target, key } of refused) {
    it(`refuses a ${kind} signup for ${target} (422, in the form's language)`, async () => {
      const response = await post(form(kind, target, 'ar'))
      expect(response.status).toBe(422)
      expect(await response.json()).toEqual({ ok: false, errors: { target: signupText('ar', key) } })
      expect(await stored(target)).toBe(0)
    })
  }

  it('accepts a participant where the listing asks for a signup, and a volunteer where volunteers are wanted', async () => {
    expect((await post(form('participant', 'activity:testby-tilmelding'))).status).toBe(201)
    expect((await post(form('volunteer', 'activity:testby-tilmelding'))).status).toBe(201)
    expect((await post(form('volunteer', 'activity:testby-bare-mod-op'))).status).toBe(201)
    expect((await post(form('volunteer', 'department:testby'))).status).toBe(201)
  })

  it('the site builds its form pages with the same rule', async () => {
    const { offersSignupForm } = await import('../../core/signups')
    expect(offersSignupForm('participant', 'activity', { howToJoin: 'sign-up' })).toBe(true)
    expect(offersSignupForm('participant', 'activity', {})).toBe(false)
    expect(offersSignupForm('volunteer', 'activity', { volunteersWanted: false })).toBe(false)
    expect(offersSignupForm('volunteer', 'department', {})).toBe(true)
  })
})

describe('control characters', () => {
  const person = (overrides: Record<string, string>) => ({
    kind: 'volunteer',
    target: 'department:testby',
    name: 'Kontrol Tegn',
    phone: '12345678',
    language: 'da',
    consent: 'yes',
    consentVersion,
    ...overrides,
  })
  const cases: [string, string, string][] = [
    ['name', 'Jens\r\nE-mail: falsk@example.org', 'CR/LF'],
    ['name', 'Jens\nTelefon: 1', 'LF'],
    ['name', 'Jens\u0085Besked', 'NEL (C1)'],
    ['name', 'Jens\u0000', 'NUL'],
    ['name', 'Jens\u2028Besked', 'line separator'],
    ['name', '\u202eenseJ', 'right-to-left override'],
    ['name', 'Jens \u2066Hansen\u2069', 'isolate'],
    ['email', 'jens@example.org\r\nBcc: x@example.org', 'CR/LF'],
    ['phone', '12345678\n', 'a trailing LF'],
    ['phone', '1234\t5678', 'a tab'],
  ]
  for (const [field, value, what] of cases) {
    it(`refuses ${what} in the ${field} (422, nothing stored)`, async () => {
      const before = (await payload.count({ collection: 'signups' })).totalDocs
      const response = await post(person({ [field]: value }))
      expect(response.status).toBe(422)
      expect((await response.json()).errors[field]).toBe(signupText('da', 'signup.error.characters'))
      expect((await payload.count({ collection: 'signups' })).totalDocs).toBe(before)
    })
  }

  it('keeps the line breaks in a message and drops every other control character', async () => {
    const name = 'Besked Med Linjer'
    const response = await post(person({ name, message: 'Hej\r\nmed\tvenlig\u0007 hilsen\u202e\rJens\u2029Tak' }))
    expect(response.status).toBe(201)
    const { docs } = await payload.find({ collection: 'signups', where: { name: { equals: name } } })
    expect(docs[0]?.message).toBe('Hej\nmed venlig hilsen\nJens\nTak')
  })
})

describe('rate-limit key per client', () => {
  it('counts an IPv6 client by its /64 network and an IPv4 client by its address', () => {
    const sameNetwork = ['2001:db8:abcd:12::1', '2001:0db8:abcd:0012:ffff:ffff:ffff:fffe', '[2001:db8:abcd:12::2]:443', '2001:db8:abcd:12:0:0:0:3%eth0']
    expect(new Set(sameNetwork.map(addressKey))).toEqual(new Set(['2001:db8:abcd:12::/64']))
    expect(addressKey('2001:db8:abcd:13::1')).toBe('2001:db8:abcd:13::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('1:2::3:4:5:192.0.2.1')).toBe('1:2:0:3::/64')
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7')
    expect(addressKey('unknown')).toBe('unknown')
  })
})

describe('CPR numbers', () => {
  const refused = ['010190-1234', '0101901234', 'mit nummer er 311299 1234.', '290200-4321', '٠١٠١٩٠١٢٣٤', '۰۱۰۱۹۰۱۲۳۴', '010190‑1234', '991399-1234']
  const allowed = ['12345678', '+4512345678', '4512345678', '1234567890', '2024-01-01 kl. 10', 'vi er 3 voksne og 2 børn', '320190 1234', '01019012345']
  for (const text of refused) it(`refuses "${text}"`, () => expect(containsCprNumber(text)).toBe(true))
  for (const text of allowed) it(`allows "${text}"`, () => expect(containsCprNumber(text)).toBe(false))
})

describe('phone numbers', () => {
  const cases: [string, string | undefined][] = [
    ['12 34 56 78', '+4512345678'],
    ['+45 12 34 56 78', '+4512345678'],
    ['0045 12345678', '+4512345678'],
    ['+46 70-123 45 67', '+46701234567'],
    ['٢٠ ١٢ ١٩ ٩٠', '+4520121990'],
    ['۰۰۴۵ ۲۰۱۲ ۱۹۹۰', '+4520121990'],
    ['1234', undefined],
    ['+45 1234', undefined],
    ['telefon', undefined],
  ]
  for (const [input, expected] of cases) it(`"${input}" → ${expected}`, () => expect(normalizePhone(input)).toBe(expected))
})
