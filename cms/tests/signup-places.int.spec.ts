import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { consentVersion } from '../../core/consent'
import type { Signup } from '../src/payload-types'
import { seedContext } from '../src/seed/index'
import { releasePlaces } from '../src/signups/places'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/**
 * Places and the waiting list (issue 15) through the real signup endpoint on a real SQLite file:
 * concurrent signups for the last places, families, moving up when places free up (cancel,
 * decline, a raised number of places), and what a person is told. What a person is told is
 * notify.ts's job: here its tellPerson is replaced by a recorder, to see who is told what.
 */
const told = vi.hoisted(() => [] as { id: number; notice: string; place: unknown }[])
vi.mock('../src/signups/notify', () => {
  const tellPerson = async (_payload: unknown, signup: { id: number; place?: unknown }, notice: string) => {
    told.push({ id: signup.id, notice, place: signup.place })
  }
  return {
    tellPerson,
    // As notify.ts's: tell the signup as stored where it stands.
    confirmParticipant: async (payload: Payload, signup: { id: number; place?: unknown }) => {
      await tellPerson(payload, signup, signup.place === 'waitlisted' ? 'waitlisted' : 'placed')
    },
  }
})

let payload: Payload
let stop: () => Promise<void>
let departmentId: number
const siteUrl = 'http://localhost:4998'

beforeAll(async () => {
  process.env.SITE_URL = siteUrl
  // No SMTP server: the e-mails fail quietly, the signups are stored all the same.
  process.env.SMTP_URL = 'smtp://127.0.0.1:9'
  process.env.SIGNUP_RATE_LIMIT = '100000'
  process.env.SIGNUP_CONTACT_RATE_LIMIT = '100000'
  process.env.SIGNUP_TARGET_RATE_LIMIT = '100000'
  process.env.SIGNUP_GLOBAL_RATE_LIMIT = '100000'
  ;({ payload, stop } = await startPayload())
  const department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Pladsby', slug: 'pladsby', email: 'pladsby@example.org', town: 'Pladsby', municipality: 'Pladsby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  departmentId = department.id
}, 120_000)
afterAll(async () => {
  await stop()
  for (const name of ['SITE_URL', 'SMTP_URL', 'SIGNUP_RATE_LIMIT', 'SIGNUP_CONTACT_RATE_LIMIT', 'SIGNUP_TARGET_RATE_LIMIT', 'SIGNUP_GLOBAL_RATE_LIMIT']) delete process.env[name]
})
beforeEach(() => {
  told.length = 0
})

/** What people were told of the kinds given (the confirmations of the signups a test makes come too, later). */
const noticesOf = (...kinds: string[]) => told.filter(({ notice }) => kinds.includes(notice))
/** People are told after the step (places.ts tellLater, in setImmediate): wait for that turn to pass. */
const messagesSent = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)))

const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600_000).toISOString()

async function event(slug: string, capacity: number | null) {
  return payload.create({
    collection: 'events',
    data: { title: `Familielejr ${slug}`, slug, department: departmentId, startsAt: inAMonth(), howToJoin: 'sign-up', capacity, _status: 'published' },
    context: seedContext,
  })
}

let client = 0
async function post(body: Record<string, unknown>, { json = true } = {}) {
  const { default: config } = await import('../src/payload.config')
  // A different address each time: the signup limits per address have their own tests.
  client++
  const request = new Request(`${payload.config.serverURL}/api/signups/submit`, {
    method: 'POST',
    headers: {
      Origin: siteUrl,
      'X-Forwarded-For': `10.1.${Math.floor(client / 250)}.${client % 250}`,
      ...(json ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { 'Content-Type': 'application/x-www-form-urlencoded' }),
    },
    body: json ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString(),
  })
  return handleEndpoints({ config, request })
}

const person = (slug: string, name: string, participants = 1, extra: Record<string, string> = {}) => ({
  kind: 'participant',
  target: `event:${slug}`,
  name,
  phone: '12345678',
  language: 'da',
  consent: 'yes',
  consentVersion,
  participants: String(participants),
  ...extra,
})

async function signupsOf(slug: string): Promise<Signup[]> {
  const { docs: events } = await payload.find({ collection: 'events', where: { slug: { equals: slug } }, limit: 1 })
  const { docs } = await payload.find({ collection: 'signups', where: { event: { equals: events[0]!.id } }, limit: 1000, sort: 'createdAt', depth: 0 })
  return docs
}
const byName = async (slug: string, name: string) => (await signupsOf(slug)).find((signup) => signup.name === name)!
const placesTaken = (signups: Signup[]) => signups.filter(({ place }) => place === 'placed').reduce((sum, { participants }) => sum + (participants ?? 1), 0)

async function counter(slug: string) {
  const { docs: events } = await payload.find({ collection: 'events', where: { slug: { equals: slug } }, limit: 1 })
  const { docs } = await payload.find({ collection: 'signup-places', where: { target: { equals: `event:${events[0]!.id}` } }, limit: 1 })
  return docs[0]
}

describe('signing up for a listing with places', () => {
  it('30 signups at once for 5 places: exactly 5 placed, 25 waiting with the numbers 1 to 25', async () => {
    await event('lejr-30', 5)
    const responses = await Promise.all(Array.from({ length: 30 }, (_, index) => post(person('lejr-30', `Person ${index}`))))
    const answers = await Promise.all(responses.map(async (response) => ({ status: response.status, body: (await response.json()) as { place?: string; position?: number } })))
    expect(answers.every(({ status }) => status === 201)).toBe(true)
    expect(answers.filter(({ body }) => body.place === 'placed')).toHaveLength(5)
    const positions = answers.filter(({ body }) => body.place === 'waitlisted').map(({ body }) => body.position)
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1))

    const signups = await signupsOf('lejr-30')
    expect(signups).toHaveLength(30)
    expect(signups.filter(({ place }) => place === 'placed')).toHaveLength(5)
    const stored = signups.filter(({ place }) => place === 'waitlisted').map(({ waitlistPosition }) => waitlistPosition)
    expect(new Set(stored).size).toBe(25)
    expect(Math.min(...(stored as number[]))).toBe(1)
    expect(Math.max(...(stored as number[]))).toBe(25)
    expect((await counter('lejr-30'))?.taken).toBe(5)
    // Everyone hears where they stand (told once the answer is on its way).
    await vi.waitFor(() => expect(told).toHaveLength(30), { timeout: 10_000 })
    expect(told.filter(({ notice }) => notice === 'placed')).toHaveLength(5)
    expect(told.filter(({ notice }) => notice === 'waitlisted')).toHaveLength(25)
  })

  it('families take as many places as they are; a family that does not fit waits, a smaller signup that fits is placed', async () => {
    await event('lejr-familie', 5)
    const four = await (await post(person('lejr-familie', 'Familie Fire', 4, { companion1Name: 'Amal', companion1Age: 'child', companion2Age: 'small-child' }))).json()
    expect(four).toMatchObject({ ok: true, place: 'placed' })
    const three = await (await post(person('lejr-familie', 'Familie Tre', 3))).json()
    expect(three).toMatchObject({ ok: true, place: 'waitlisted', position: 1 })
    expect(three.message).toContain('1')
    const one = await (await post(person('lejr-familie', 'Enlig', 1))).json()
    expect(one).toMatchObject({ ok: true, place: 'placed' })
    const stored = await byName('lejr-familie', 'Familie Fire')
    expect(stored.participants).toBe(4)
    expect(stored.companions).toMatchObject([{ firstName: 'Amal', ageGroup: 'child' }, { ageGroup: 'small-child' }])
    expect(placesTaken(await signupsOf('lejr-familie'))).toBe(5)
  })

  it('no number of places: everyone is placed', async () => {
    await event('lejr-fri', null)
    for (const name of ['A', 'B', 'C']) expect(await (await post(person('lejr-fri', name, 10))).json()).toMatchObject({ ok: true, place: 'placed' })
    expect((await signupsOf('lejr-fri')).every(({ place }) => place === 'placed')).toBe(true)
  })

  it('the form without JavaScript lands on the waiting-list page with the number, nothing personal in the address', async () => {
    await event('lejr-nojs', 1)
    const first = await post(person('lejr-nojs', 'Først'), { json: false })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`${siteUrl}/da/tak/plads/`)
    const second = await post({ ...person('lejr-nojs', 'Anden'), language: 'ar' }, { json: false })
    expect(second.headers.get('location')).toBe(`${siteUrl}/ar/tak/venteliste/?nr=1`)
  })

  it('how many they are and who comes along are checked: more companions than participants, a CPR number in a name, a number out of range', async () => {
    await event('lejr-tjek', 10)
    const tooMany = await post(person('lejr-tjek', 'To', 2, { companion1Name: 'Ali', companion2Name: 'Sara' }))
    expect(tooMany.status).toBe(422)
    expect((await tooMany.json()).errors).toHaveProperty('companions')
    const cpr = await post(person('lejr-tjek', 'Tre', 3, { companion1Name: 'Ali 010190-1234' }))
    expect(cpr.status).toBe(422)
    expect((await cpr.json()).errors).toHaveProperty('companion1Name')
    for (const participants of ['0', '11', 'fire']) {
      const response = await post({ ...person('lejr-tjek', 'X'), participants })
      expect(response.status).toBe(422)
      expect((await response.json()).errors).toHaveProperty('participants')
    }
    // Without JavaScript the answer page keeps what was written, the rows included.
    const page = await post(person('lejr-tjek', 'To', 2, { companion1Name: 'Ali', companion2Name: 'Sara' }), { json: false })
    expect(page.status).toBe(422)
    const html = await page.text()
    expect(html).toContain('value="Sara"')
    expect(html).toMatch(/<option value="2" selected>/)
    expect(await signupsOf('lejr-tjek')).toHaveLength(0)
  })
})

describe('places freeing up', () => {
  it('a cancellation places the first waiting signups that fit, in order; a big family keeps its turn without holding up those behind it', async () => {
    await event('lejr-afbud', 4)
    await post(person('lejr-afbud', 'A', 4))
    await post(person('lejr-afbud', 'B', 3))
    await post(person('lejr-afbud', 'C', 2))
    await post(person('lejr-afbud', 'D', 1))
    await post(person('lejr-afbud', 'E', 1))
    expect((await byName('lejr-afbud', 'B')).waitlistPosition).toBe(1)
    told.length = 0

    // A cancels (as the cancel link does: status withdrawn, then releasePlaces).
    const a = await byName('lejr-afbud', 'A')
    const withdrawn = await payload.update({ collection: 'signups', id: a.id, data: { status: 'withdrawn' }, overrideAccess: true })
    await releasePlaces(payload, withdrawn)
    expect(withdrawn.place).toBeNull()

    // B (3) moves up; C (2) does not fit in the 1 place left and keeps its turn; D (1) fits.
    const after = await signupsOf('lejr-afbud')
    const placeOf = (name: string) => after.find((signup) => signup.name === name)!
    expect(placeOf('A')).toMatchObject({ place: null, waitlistPosition: null })
    expect(placeOf('B')).toMatchObject({ place: 'placed', waitlistPosition: null })
    expect(placeOf('C')).toMatchObject({ place: 'waitlisted', waitlistPosition: 2 })
    expect(placeOf('D')).toMatchObject({ place: 'placed' })
    expect(placeOf('E')).toMatchObject({ place: 'waitlisted' })
    expect(placesTaken(after)).toBe(4)
    expect((await counter('lejr-afbud'))?.taken).toBe(4)
    await vi.waitFor(() =>
      expect(noticesOf('promoted').map(({ id, notice }) => [id, notice])).toEqual([
        [placeOf('B').id, 'promoted'],
        [placeOf('D').id, 'promoted'],
      ]),
    )
    // Released once, even when releasePlaces is called again.
    await releasePlaces(payload, withdrawn)
    expect((await counter('lejr-afbud'))?.taken).toBe(4)
  })

  it('a coordinator who declines a placed signup: the person is told, and the place goes to the waiting list', async () => {
    await event('lejr-afvist', 1)
    await post(person('lejr-afvist', 'Først'))
    await post(person('lejr-afvist', 'Venter'))
    told.length = 0
    const first = await byName('lejr-afvist', 'Først')
    const declined = await payload.update({ collection: 'signups', id: first.id, data: { status: 'declined' }, overrideAccess: true })
    expect(declined).toMatchObject({ status: 'declined', place: null })
    const waiting = await byName('lejr-afvist', 'Venter')
    expect(waiting.place).toBe('placed')
    await vi.waitFor(() => expect(told).toEqual(expect.arrayContaining([expect.objectContaining({ id: first.id, notice: 'declined' }), expect.objectContaining({ id: waiting.id, notice: 'promoted' })])))
    expect((await counter('lejr-afvist'))?.taken).toBe(1)
  })

  it('a placed signup an admin deletes (a person’s erasure) gives its places to the waiting list', async () => {
    await event('lejr-slettet', 2)
    await post(person('lejr-slettet', 'Slettes', 2))
    await post(person('lejr-slettet', 'Venter', 2))
    told.length = 0
    await payload.delete({ collection: 'signups', id: (await byName('lejr-slettet', 'Slettes')).id, overrideAccess: true })
    expect((await byName('lejr-slettet', 'Venter')).place).toBe('placed')
    expect((await counter('lejr-slettet'))?.taken).toBe(2)
    await vi.waitFor(() => expect(noticesOf('promoted')).toHaveLength(1))
  })

  it('a waiting signup that withdraws leaves the waiting list and frees nothing', async () => {
    await event('lejr-venter-ud', 1)
    await post(person('lejr-venter-ud', 'Plads'))
    await post(person('lejr-venter-ud', 'Venter'))
    const waiting = await byName('lejr-venter-ud', 'Venter')
    told.length = 0
    await payload.update({ collection: 'signups', id: waiting.id, data: { status: 'withdrawn' }, overrideAccess: true })
    expect(await byName('lejr-venter-ud', 'Venter')).toMatchObject({ place: null, waitlistPosition: null })
    expect((await counter('lejr-venter-ud'))?.taken).toBe(1)
    // A coordinator recorded the withdrawal: the person hears that it went through.
    await vi.waitFor(() => expect(noticesOf('cancelled').map(({ id }) => id)).toEqual([waiting.id]))
  })

  it('a cancellation through the link is told once (by the cancel page), not again by the status change', async () => {
    await event('lejr-link-ud', 1)
    await post(person('lejr-link-ud', 'Plads'))
    const placed = await byName('lejr-link-ud', 'Plads')
    told.length = 0
    // As cancel.ts does: cancelledAt claimed first, then the status.
    await payload.update({ collection: 'signups', id: placed.id, data: { cancelledAt: new Date().toISOString() }, overrideAccess: true })
    await payload.update({ collection: 'signups', id: placed.id, data: { status: 'withdrawn' }, overrideAccess: true })
    await messagesSent()
    expect(noticesOf('cancelled')).toEqual([])
  })

  it('raising the number of places moves the waiting list up; a translation or a lower number moves nobody', async () => {
    const created = await event('lejr-flere', 2)
    await post(person('lejr-flere', 'A', 2))
    await post(person('lejr-flere', 'B', 1))
    await post(person('lejr-flere', 'C', 2))
    told.length = 0

    await payload.update({ collection: 'events', id: created.id, locale: 'en', data: { title: 'Family camp' }, context: seedContext })
    await messagesSent()
    expect(noticesOf('promoted')).toEqual([])
    expect((await byName('lejr-flere', 'B')).place).toBe('waitlisted')

    await payload.update({ collection: 'events', id: created.id, data: { capacity: 3 }, context: seedContext })
    expect((await byName('lejr-flere', 'B')).place).toBe('placed')
    expect((await byName('lejr-flere', 'C')).place).toBe('waitlisted')
    await vi.waitFor(() => expect(noticesOf('promoted')).toHaveLength(1))

    await payload.update({ collection: 'events', id: created.id, data: { capacity: 1 }, context: seedContext })
    expect((await byName('lejr-flere', 'A')).place).toBe('placed')

    // No limit any more: everyone waiting is placed.
    await payload.update({ collection: 'events', id: created.id, data: { capacity: null }, context: seedContext })
    expect((await byName('lejr-flere', 'C')).place).toBe('placed')
    expect((await counter('lejr-flere'))?.taken).toBe(5)
  })

  it('a coordinator can give someone on the waiting list a place (counted, told), but cannot take a place away by hand', async () => {
    await event('lejr-haand', 1)
    await post(person('lejr-haand', 'Plads'))
    await post(person('lejr-haand', 'Venter', 2))
    const waiting = await byName('lejr-haand', 'Venter')
    told.length = 0
    const placed = await payload.update({ collection: 'signups', id: waiting.id, data: { place: 'placed' }, overrideAccess: true })
    expect(placed).toMatchObject({ place: 'placed', waitlistPosition: null })
    expect(await byName('lejr-haand', 'Venter')).toMatchObject({ place: 'placed', waitlistPosition: null })
    expect((await counter('lejr-haand'))?.taken).toBe(3)
    await vi.waitFor(() => expect(noticesOf('promoted')).toEqual([expect.objectContaining({ id: waiting.id, notice: 'promoted' })]))

    const user = await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'a-long-password-1234', role: 'admin' } })
    await expect(payload.update({ collection: 'signups', id: waiting.id, data: { place: 'waitlisted' }, user, overrideAccess: false })).rejects.toThrow()
    expect((await byName('lejr-haand', 'Venter')).place).toBe('placed')
  })
})

describe('what a coordinator does in the admin', () => {
  it('raising the number of places in a draft (the admin autosaves) and then publishing moves the waiting list up', async () => {
    const created = await event('lejr-kladde', 1)
    await post(person('lejr-kladde', 'Plads'))
    await post(person('lejr-kladde', 'Venter'))
    // The autosave keeps the new number in a draft: the version before the publish already has it.
    await payload.update({ collection: 'events', id: created.id, draft: true, autosave: true, data: { capacity: 2 }, context: seedContext })
    expect((await byName('lejr-kladde', 'Venter')).place).toBe('waitlisted')
    await payload.update({ collection: 'events', id: created.id, data: { capacity: 2, _status: 'published' }, context: seedContext })
    expect((await byName('lejr-kladde', 'Venter')).place).toBe('placed')
    expect((await counter('lejr-kladde'))?.taken).toBe(2)
  })

  it('a declined signup reopened lines up again: a place if it fits, else the end of the waiting list', async () => {
    await event('lejr-igen', 2)
    await post(person('lejr-igen', 'Først', 2))
    const first = await byName('lejr-igen', 'Først')
    await payload.update({ collection: 'signups', id: first.id, data: { status: 'declined' }, overrideAccess: true })
    expect((await counter('lejr-igen'))?.taken).toBe(0)
    // Someone took a place meanwhile: the family of 2 no longer fits and waits.
    await post(person('lejr-igen', 'Anden'))
    await payload.update({ collection: 'signups', id: first.id, data: { status: 'new' }, overrideAccess: true })
    expect(await byName('lejr-igen', 'Først')).toMatchObject({ place: 'waitlisted', waitlistPosition: 1 })
    await vi.waitFor(() => expect(noticesOf('waitlisted').map(({ id }) => id)).toContain(first.id))
    // The other cancels: the family moves up.
    await payload.update({ collection: 'signups', id: (await byName('lejr-igen', 'Anden')).id, data: { status: 'withdrawn' }, overrideAccess: true })
    expect(await byName('lejr-igen', 'Først')).toMatchObject({ place: 'placed' })
    expect((await counter('lejr-igen'))?.taken).toBe(2)
  })

  it('an admin’s change of the number of people on a placed signup moves the counter with it', async () => {
    await event('lejr-antal', 3)
    await post(person('lejr-antal', 'Familie', 2))
    await post(person('lejr-antal', 'Venter', 2))
    expect((await byName('lejr-antal', 'Venter')).place).toBe('waitlisted')
    const family = await byName('lejr-antal', 'Familie')
    await payload.update({ collection: 'signups', id: family.id, data: { participants: 3 }, overrideAccess: true })
    expect((await counter('lejr-antal'))?.taken).toBe(3)
    // Fewer: the places freed go to the waiting list (1 + 2 fits 3).
    await payload.update({ collection: 'signups', id: family.id, data: { participants: 1 }, overrideAccess: true })
    expect((await byName('lejr-antal', 'Venter')).place).toBe('placed')
    expect((await counter('lejr-antal'))?.taken).toBe(3)
    // Withdrawn: exactly its own people are freed.
    await payload.update({ collection: 'signups', id: family.id, data: { status: 'withdrawn' }, overrideAccess: true })
    expect((await counter('lejr-antal'))?.taken).toBe(2)
    expect(placesTaken(await signupsOf('lejr-antal'))).toBe(2)
  })

  it('telling people never holds up the listing: a decline answers before the messages are sent', async () => {
    await event('lejr-langsom', 1)
    await post(person('lejr-langsom', 'Plads'))
    await post(person('lejr-langsom', 'Venter'))
    await messagesSent()
    told.length = 0
    const first = await byName('lejr-langsom', 'Plads')
    await payload.update({ collection: 'signups', id: first.id, data: { status: 'declined' }, overrideAccess: true })
    // Saved and moved up, nobody told yet: the messages go in a later turn.
    expect((await byName('lejr-langsom', 'Venter')).place).toBe('placed')
    expect(told).toEqual([])
    await vi.waitFor(() => expect(noticesOf('declined', 'promoted')).toHaveLength(2))
  })
})

describe('GET /api/signups/availability', () => {
  async function get(query: string) {
    const { default: config } = await import('../src/payload.config')
    return handleEndpoints({ config, request: new Request(`${payload.config.serverURL}/api/signups/availability${query}`, { method: 'GET' }) })
  }

  it('gives each listing its places left and waiting count in one request, cacheable, with nothing personal', async () => {
    await event('lejr-status', 3)
    await event('lejr-status-fri', null)
    await payload.create({
      collection: 'events',
      data: { title: 'Bare mød op', slug: 'lejr-bare-mod-op', department: departmentId, startsAt: inAMonth(), howToJoin: 'just-come', _status: 'published' },
      context: seedContext,
    })
    await post(person('lejr-status', 'Hemmelig Familie', 2, { companion1Name: 'Skjult', email: 'hemmelig@example.org' }))
    await post(person('lejr-status', 'Hemmelig Venter', 2))
    await post(person('lejr-status-fri', 'Hemmelig Fri', 3))

    const response = await get('?targets=event:lejr-status,event:lejr-status-fri,event:lejr-bare-mod-op,event:findes-ikke,activity:findes-heller-ikke')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=30')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      ok: true,
      targets: {
        'event:lejr-status': { capacity: 3, placesLeft: 1, waiting: 1 },
        'event:lejr-status-fri': { capacity: null, placesLeft: null, waiting: 0 },
        'event:lejr-bare-mod-op': null,
        'event:findes-ikke': null,
        'activity:findes-heller-ikke': null,
      },
    })
    for (const personal of ['Hemmelig', 'Skjult', 'hemmelig@example.org', '12345678', '4512345678']) expect(text).not.toContain(personal)

    // The figure follows the signups (the cached target does not hide a change in places).
    await post(person('lejr-status', 'Hemmelig Tredje', 1))
    expect((await (await get('?targets=event:lejr-status')).json()).targets['event:lejr-status']).toEqual({ capacity: 3, placesLeft: 0, waiting: 1 })
  })

  it('refuses malformed requests with a 400 in JSON, never a 5xx', async () => {
    const tooMany = Array.from({ length: 21 }, (_, index) => `event:lejr-${index}`).join(',')
    for (const query of ['', '?targets=', '?targets=department:pladsby', '?targets=event:Æble', '?targets=event:', '?targets=lejr-status', `?targets=${tooMany}`, '?targets=event:a&targets=event:b', `?targets=${'event:a,'.repeat(1000)}`, '?targets=%00', '?targets=event:a%2Cevent:b%2C%E2%80%AE']) {
      const response = await get(query)
      expect(response.status, query.slice(0, 60)).toBe(400)
      expect(await response.json()).toMatchObject({ ok: false, error: expect.any(String) })
    }
  })
})

describe('the counters', () => {
  it('are nobody’s to read or change through the API, not even an admin’s', async () => {
    await payload.create({ collection: 'users', data: { email: 'taeller-admin@example.org', password: 'a-long-password-1234', role: 'admin' } })
    const token = await loginToken(payload, 'taeller-admin@example.org', 'a-long-password-1234')
    for (const options of [{}, { token }]) {
      expect((await rest(payload, 'GET', '/signup-places', options)).status).toBe(403)
      expect((await rest(payload, 'POST', '/signup-places', { ...options, body: { target: 'event:1', taken: 0, lastPosition: 0 } })).status).toBe(403)
    }
    const { docs } = await payload.find({ collection: 'signup-places', limit: 1 })
    expect((await rest(payload, 'PATCH', `/signup-places/${docs[0]!.id}`, { token, body: { taken: 0 } })).status).toBe(403)
  })
})
