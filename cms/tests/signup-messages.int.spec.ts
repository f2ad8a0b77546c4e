import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { simpleParser, type ParsedMail } from 'mailparser'
import { handleEndpoints, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { calendarUid } from '../../core/calendar'
import { consentVersion } from '../../core/consent'
import { localeCodes, type LocaleCode } from '../../core/locales'
import type { Activity, Department, Event, Signup } from '../src/payload-types'
import { seedContext } from '../src/seed/index'
import { hashToken } from '../src/signups/cancelTokens'
import { composeMessage, formatWhen, loadListing } from '../src/signups/messages'
import { tellPerson } from '../src/signups/notify'
import { countSms, fitSms, plainSms } from '../src/signups/sms/segments'
import { signupText } from '../src/signups/strings'
import { startMailSink } from '../../scripts/mail-sink.mjs'
import { startPayload } from './payload'

// lib/paths.ts reads DATA_DIR when first imported (before startPayload sets it): point it at a
// temporary folder first, so the SMS outbox of this test never lands in the project's data/.
const outboxRoot = vi.hoisted(() => {
  const builtin = (name: string) => process.getBuiltinModule(name) as never
  const { mkdtempSync } = builtin('node:fs') as typeof import('node:fs')
  const { join } = builtin('node:path') as typeof import('node:path')
  const { tmpdir } = builtin('node:os') as typeof import('node:os')
  const dir = mkdtempSync(join(tmpdir(), 'drk-outbox-'))
  process.env.DATA_DIR = dir
  return dir
})

/**
 * What a person is told about their signup (issue 15): the confirmation in their language with
 * its calendar file, Google link and cancel link; cancelling through the link without an
 * account; the reminder job; SMS through a fake GatewayAPI and a webhook, both real HTTP servers
 * started here. Real SQLite, e-mail over SMTP to a real SMTP server started here.
 */
let payload: Payload
let stop: () => Promise<void>
let mail: Awaited<ReturnType<typeof startMailSink>>
let department: Department
let event: Event
let soonEvent: Event
let activity: Activity
const siteUrl = 'http://localhost:4998'

/** A title inside a sentence on the cancel page, isolated in its own direction (FSI … PDI). */
const isolated = (title: string) => `\u2068${title}\u2069`

const titles: Record<LocaleCode, string> = {
  da: 'Familielejr på Fyn',
  en: 'Family camp on Funen',
  uk: 'Сімейний табір на Фюні',
  ar: 'مخيم عائلي في فين',
  fa: 'اردوی خانوادگی در فین',
  ps: 'په فین کې د کورنۍ کمپ',
  ti: 'ናይ ስድራ ካምፕ ኣብ ፊን',
  so: 'Kaam qoyska ee Fyn',
}

// Far enough ahead of the real clock that the links have not expired; reminders use their own clock.
const eventStart = new Date('2027-06-20T08:00:00.000Z')

beforeAll(async () => {
  mail = await startMailSink(fs.mkdtempSync(path.join(os.tmpdir(), 'drk-mail-')))
  process.env.SMTP_URL = `smtp://127.0.0.1:${mail.port}`
  process.env.SITE_URL = siteUrl
  process.env.SIGNUP_RATE_LIMIT = '100000'
  process.env.SIGNUP_CONTACT_RATE_LIMIT = '100000'
  delete process.env.SMS_PROVIDER
  ;({ payload, stop } = await startPayload())
  department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Testby', slug: 'testby', email: 'testby@example.org', town: 'Testby', municipality: 'Testby', region: 'syddanmark', address: { street: 'Demovej 40', postalCode: '5000', city: 'Odense' }, _status: 'published' },
    context: seedContext,
  })
  event = await payload.create({
    collection: 'events',
    data: { title: titles.da, slug: 'familielejr', department: department.id, startsAt: eventStart.toISOString(), endsAt: new Date(eventStart.getTime() + 8 * 3_600_000).toISOString(), howToJoin: 'sign-up', venue: 'Spejderhytten', _status: 'published' },
    context: seedContext,
  })
  for (const language of localeCodes.filter((code) => code !== 'da')) {
    await payload.update({ collection: 'events', id: event.id, locale: language, data: { title: titles[language] }, context: seedContext })
  }
  soonEvent = await payload.create({
    collection: 'events',
    data: { title: 'Udflugt til stranden', slug: 'udflugt', department: department.id, startsAt: new Date(eventStart.getTime() + 3 * 86_400_000).toISOString(), howToJoin: 'sign-up', _status: 'published' },
    context: seedContext,
  })
  const activityType = await payload.create({ collection: 'activity-types', data: { title: 'Sprogcaféer', slug: 'sprogcafeer', _status: 'published' }, context: seedContext })
  activity = await payload.create({
    collection: 'activities',
    data: {
      title: 'Sprogcafé',
      slug: 'sprogcafe',
      department: department.id,
      activityType: activityType.id,
      howToJoin: 'sign-up',
      schedule: { weekdays: ['TU', 'TH'], startTime: '16:00', endTime: '18:00', validFrom: '2026-01-06' },
      accessibility: 'Elevator til 1. sal',
      _status: 'published',
    },
    context: seedContext,
  })
})
afterAll(async () => {
  await stop()
  await mail.close()
  fs.rmSync(mail.dir, { recursive: true, force: true })
  fs.rmSync(outboxRoot, { recursive: true, force: true })
  for (const name of ['SMTP_URL', 'SITE_URL', 'SIGNUP_RATE_LIMIT', 'SIGNUP_CONTACT_RATE_LIMIT', 'SMS_PROVIDER', 'GATEWAYAPI_URL', 'GATEWAYAPI_TOKEN', 'SMS_WEBHOOK_URL']) delete process.env[name]
})

async function request(url: string, init: RequestInit = {}) {
  const { default: config } = await import('../src/payload.config')
  return handleEndpoints({ config, request: new Request(url, init) })
}

let counter = 0
async function signUp(fields: Record<string, unknown>): Promise<Signup> {
  counter++
  const response = await request(`${payload.config.serverURL}/api/signups/submit`, {
    method: 'POST',
    headers: { Origin: siteUrl, 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': `10.1.${counter >> 8}.${counter & 255}` },
    body: JSON.stringify({ kind: 'participant', target: `event:${event.slug}`, name: `Person ${counter}`, language: 'da', consent: 'yes', consentVersion, ...fields }),
  })
  expect(response.status).toBe(201)
  const where: Where = fields.email ? { email: { equals: fields.email } } : { phone: { like: String(fields.phone).slice(-8) } }
  const { docs } = await payload.find({ collection: 'signups', where, sort: '-createdAt', limit: 1, depth: 0 })
  return docs[0]!
}

async function messagesTo(address: string): Promise<ParsedMail[]> {
  const files = fs.readdirSync(mail.dir).filter((file) => file.endsWith('.eml'))
  const parsed = await Promise.all(files.map(async (file) => simpleParser(fs.readFileSync(path.join(mail.dir, file)))))
  return parsed.filter((message) => [message.to].flat().some((to) => to?.text.includes(address)))
}
async function waitForMail(address: string, count = 1): Promise<ParsedMail[]> {
  let found: ParsedMail[] = []
  await vi.waitFor(
    async () => {
      found = await messagesTo(address)
      expect(found.length).toBeGreaterThanOrEqual(count)
    },
    { timeout: 30_000, interval: 200 },
  )
  return found.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0))
}
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
const cancelLinkIn = (text: string) => /https?:\/\/\S+\/api\/signups\/cancel\?token=[A-Za-z0-9_-]+/.exec(text)?.[0]

/** The cancel endpoint as a browser without JavaScript calls it. */
const openLink = (url: string, headers: Record<string, string> = {}) => request(url, { headers })
const confirmLink = (url: string, body = '', headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }) => request(url, { method: 'POST', headers, body })

describe('the confirmation', () => {
  it('in each of the 8 languages: what, when, where, places, calendar file with the feed UID, Google link, cancel link', async () => {
    for (const language of localeCodes) {
      const email = `camp-${language}@example.org`
      await signUp({ email, language })
      const [message] = await waitForMail(email)
      const text = message!.text ?? ''
      expect(message!.subject).toBe(signupText(language, 'messages.subject.placed', { title: titles[language] }))
      expect(text).toContain(signupText(language, 'messages.body.placed', { title: titles[language] }))
      expect(text).toContain('Spejderhytten')
      expect(text).toContain(signupText(language, 'messages.places', { count: new Intl.NumberFormat(language, { numberingSystem: language === 'fa' || language === 'ps' ? 'arabext' : 'latn' }).format(1) }))
      // When: the date and times in the person's language and digits.
      expect(text).toContain(signupText(language, 'messages.when', { when: formatWhen(language, eventStart, new Date(eventStart.getTime() + 8 * 3_600_000)) }))
      if (language === 'fa') expect(text).toContain('۲۰۲۷')
      expect(text).toMatch(/https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=[^\s]+&dates=20270620T080000Z%2F20270620T160000Z/)
      expect(cancelLinkIn(text)).toBeTruthy()
      expect(message!.html).toContain(`lang="${language}"`)
      const ics = message!.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'))
      expect(ics).toBeTruthy()
      const calendar = ics!.content.toString('utf8')
      // The same UID as the site's feed entry for this event (site/src/lib/calendar.ts uses core's rule).
      expect(calendar).toContain(`UID:${calendarUid('event', event.id)}`)
      expect(calendar).toContain('DTSTART:20270620T080000Z')
      expect(calendar.replace(/\r\n /g, '')).toContain(`SUMMARY:${titles[language]}`)
    }
  })

  it('an activity: its weekly rhythm and next date, a repeating calendar entry with the feed UID', async () => {
    const email = 'cafe@example.org'
    await signUp({ email, language: 'en', target: `activity:${activity.slug}` })
    const [message] = await waitForMail(email)
    const text = message!.text ?? ''
    expect(text).toMatch(/When: every week: Tuesday and Thursday, 16:00–18:00\. Next time: (Tuesday|Thursday)/)
    expect(text).toContain('Where: Røde Kors Testby, Demovej 40, 5000 Odense')
    expect(text).toContain('Elevator til 1. sal')
    expect(text).toContain(`https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent('Røde Kors Testby, Demovej 40, 5000 Odense')}`)
    const calendar = message!.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'))!.content.toString('utf8')
    expect(calendar).toContain(`UID:${calendarUid('activity', activity.id)}`)
    expect(calendar).toContain('DTSTART;TZID=Europe/Copenhagen:')
    expect(calendar).toMatch(/RRULE:FREQ=WEEKLY;.*BYDAY=TU,TH/)
    expect(calendar).toContain('BEGIN:VTIMEZONE')
    expect(text).toMatch(/calendar\.google\.com\/calendar\/render\?[^\s]*ctz=Europe%2FCopenhagen[^\s]*recur=RRULE/)
  })
})

describe('the other notices', () => {
  it('waitlisted: the position, in the e-mail and in an SMS of at most 2 segments for every language', async () => {
    const signup = await signUp({ email: 'wait@example.org', language: 'da' })
    const listing = (await loadListing(payload, signup))!
    for (const language of localeCodes) {
      const waiting = { ...signup, language, phone: '+4521000009', place: 'waitlisted', waitlistPosition: 3, participants: 4 } as Signup
      const message = composeMessage('waitlisted', waiting, listing, { cancelUrl: `${payload.config.serverURL}/api/signups/cancel?token=${'a'.repeat(22)}` })
      const number = (value: number) => new Intl.NumberFormat(language, { numberingSystem: language === 'fa' || language === 'ps' ? 'arabext' : 'latn' }).format(value)
      expect(message.subject).toBe(signupText(language, 'messages.subject.waitlisted', { title: titles[language] }))
      expect(message.text).toContain(signupText(language, 'messages.body.waitlisted', { title: titles[language], position: number(3) }))
      expect(message.text).toContain(signupText(language, 'messages.places', { count: number(4) }))
      expect(message.sms).toBeDefined()
      expect(countSms(message.sms!).segments).toBeLessThanOrEqual(2)
      expect(message.sms).toContain(`token=${'a'.repeat(22)}`)
      expect(message.sms).toContain(signupText(language, 'messages.position', { position: number(3) }))
      // In the calendar as tentative: no place yet.
      expect(message.ics).toContain('STATUS:TENTATIVE')
      expect(message.ics).not.toContain('STATUS:CONFIRMED')
    }
  })

  it('a reminder by SMS keeps the date in every language, also in two UCS-2 segments (the title goes before the date)', async () => {
    const signup = await signUp({ email: 'remind-sms@example.org', language: 'da' })
    const listing = (await loadListing(payload, signup))!
    for (const language of localeCodes) {
      const placed = { ...signup, language, email: null, phone: '+4521000010', place: 'placed', participants: 2 } as Signup
      const message = composeMessage('reminder', placed, listing, { cancelUrl: `${payload.config.serverURL}/api/signups/cancel?token=${'b'.repeat(22)}` })
      // In short: no year, short names (the e-mail has the date in full).
      const when = signupText(language, 'messages.when', { when: formatWhen(language, listing.startsAt!, listing.endsAt, true) })
      expect(message.text, language).toContain(signupText(language, 'messages.when', { when: formatWhen(language, listing.startsAt!, listing.endsAt) }))
      expect(message.sms, language).toContain(plainSms(when))
      expect(countSms(message.sms!).segments).toBeLessThanOrEqual(2)
      expect(message.sms).toContain(`token=${'b'.repeat(22)}`)
    }
  })

  it('promoted carries a new cancel link; declined carries none', async () => {
    const email = 'promoted@example.org'
    const signup = await signUp({ email, language: 'uk' })
    await waitForMail(email)
    await tellPerson(payload, signup, 'promoted')
    await tellPerson(payload, { ...signup, status: 'declined' }, 'declined')
    const [, promoted, declined] = await waitForMail(email, 3)
    expect(promoted!.subject).toBe(signupText('uk', 'messages.subject.promoted', { title: titles.uk }))
    expect((await openLink(cancelLinkIn(promoted!.text ?? '')!)).status).toBe(200)
    expect(declined!.subject).toBe(signupText('uk', 'messages.subject.declined', { title: titles.uk }))
    expect(cancelLinkIn(declined!.text ?? '')).toBeUndefined()
    expect(declined!.attachments).toHaveLength(0)
  })
})

describe('cancelling through the link', () => {
  it('the link shows the page, the form cancels: withdrawn, the person and the department are told; then it is used', async () => {
    const email = 'cancel-ar@example.org'
    const signup = await signUp({ email, language: 'ar' })
    const [confirmation] = await waitForMail(email)
    const link = cancelLinkIn(confirmation!.text ?? '')!
    const token = new URL(link).searchParams.get('token')!
    expect(token.length).toBeGreaterThanOrEqual(22)
    // Only the hash is stored.
    const stored = (await payload.findByID({ collection: 'signups', id: signup.id, depth: 0, overrideAccess: true })) as Signup
    expect(stored.cancelTokens?.map(({ hash }) => hash)).toContain(hashToken(token))
    expect(JSON.stringify(stored)).not.toContain(token)

    const shown = await openLink(link)
    expect(shown.status).toBe(200)
    const page = await shown.text()
    expect(page).toContain('<html lang="ar" dir="rtl">')
    expect(page).toContain(titles.ar)
    expect(page).toContain('<form method="post"')
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer')
    // Opening the link (a mail scanner does) cancels nothing.
    expect((await payload.findByID({ collection: 'signups', id: signup.id, depth: 0 })).status).toBe('new')

    const done = await confirmLink(link)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain(escapeHtml(signupText('ar', 'messages.cancelPage.doneText', { title: isolated(titles.ar) })))
    const cancelled = await payload.findByID({ collection: 'signups', id: signup.id, depth: 0 })
    expect(cancelled.status).toBe('withdrawn')
    expect(cancelled.cancelledAt).toBeTruthy()
    const [, told] = await waitForMail(email, 2)
    expect(told!.subject).toBe(signupText('ar', 'messages.subject.cancelled', { title: titles.ar }))
    await vi.waitFor(async () => expect((await messagesTo('testby@example.org')).some((message) => message.subject === `Afmelding: ${titles.da}` && message.text?.includes('Person'))).toBe(true), { timeout: 30_000 })

    // Used: both the page and the form say it is already done, in Arabic, and nothing happens twice.
    for (const again of [await openLink(link), await confirmLink(link)]) {
      expect(again.status).toBe(200)
      const html = await again.text()
      expect(html).toContain('lang="ar"')
      expect(html).toContain(escapeHtml(signupText('ar', 'messages.cancelPage.used')))
    }
    expect(await messagesTo(email)).toHaveLength(2)
  })

  it('two confirmations at once cancel once', async () => {
    const email = 'double@example.org'
    const signup = await signUp({ email, language: 'da' })
    const link = cancelLinkIn((await waitForMail(email))[0]!.text ?? '')!
    const pages = await Promise.all([confirmLink(link), confirmLink(link), confirmLink(link)])
    const texts = await Promise.all(pages.map((response) => response.text()))
    expect(texts.filter((html) => html.includes(escapeHtml(signupText('da', 'messages.cancelPage.doneText', { title: isolated(titles.da) }))))).toHaveLength(1)
    expect((await payload.findByID({ collection: 'signups', id: signup.id, depth: 0 })).status).toBe('withdrawn')
    await waitForMail(email, 2)
    expect(await messagesTo(email)).toHaveLength(2)
  })

  it('a forged or malformed token gets a clear page in the browser language, never a 5xx', async () => {
    const forged = crypto.randomBytes(16).toString('base64url')
    for (const token of [forged, '', 'x', `${forged}x`, '../../etc/passwd', '%00', "' OR 1=1 --"]) {
      const response = await openLink(`${payload.config.serverURL}/api/signups/cancel?token=${encodeURIComponent(token)}`, { 'Accept-Language': 'ti,en;q=0.5' })
      expect(response.status).toBe(404)
      const html = await response.text()
      expect(html).toContain('<html lang="ti" dir="ltr">')
      expect(html).toContain(escapeHtml(signupText('ti', 'messages.cancelPage.invalid')))
      expect((await confirmLink(`${payload.config.serverURL}/api/signups/cancel?token=${encodeURIComponent(token)}`)).status).toBe(404)
    }
    const danish = await openLink(`${payload.config.serverURL}/api/signups/cancel`)
    expect(await danish.text()).toContain('<html lang="da"')
  })

  it('an expired token: a page in the signup language, and nothing is cancelled', async () => {
    const email = 'expired@example.org'
    const signup = await signUp({ email, language: 'so' })
    const link = cancelLinkIn((await waitForMail(email))[0]!.text ?? '')!
    const stored = (await payload.findByID({ collection: 'signups', id: signup.id, depth: 0, overrideAccess: true })) as Signup
    await payload.update({ collection: 'signups', id: signup.id, overrideAccess: true, data: { cancelTokens: stored.cancelTokens!.map(({ hash }) => ({ hash, expiresAt: '2020-01-01T00:00:00.000Z' })) } })
    for (const response of [await openLink(link), await confirmLink(link)]) {
      expect(response.status).toBe(410)
      const html = await response.text()
      expect(html).toContain('lang="so"')
      expect(html).toContain(escapeHtml(signupText('so', 'messages.cancelPage.expired')))
    }
    expect((await payload.findByID({ collection: 'signups', id: signup.id, depth: 0 })).status).toBe('new')
  })

  it('tokens are not readable through the API', async () => {
    await expect(payload.find({ collection: 'signups', limit: 1, depth: 0, overrideAccess: false, user: undefined })).rejects.toThrow()
    const [withTokens] = (await payload.find({ collection: 'signups', where: { email: { equals: 'camp-da@example.org' } }, limit: 1, depth: 0 })).docs
    expect(withTokens!.cancelTokens?.length).toBeGreaterThan(0)
    const admin = await payload.create({ collection: 'users', data: { email: 'admin-messages@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
    const asAdmin = await payload.findByID({ collection: 'signups', id: withTokens!.id, depth: 0, overrideAccess: false, user: { ...admin, collection: 'users' } as never })
    expect(JSON.stringify(asAdmin)).not.toContain(withTokens!.cancelTokens![0]!.hash)
  })

  it('a 1,000-body fuzz of the cancel endpoint answers no 5xx', async () => {
    const email = 'fuzz@example.org'
    await signUp({ email, language: 'fa' })
    const valid = cancelLinkIn((await waitForMail(email))[0]!.text ?? '')!
    const random = (max: number) => crypto.randomInt(max)
    const contentTypes = ['application/x-www-form-urlencoded', 'application/json', 'multipart/form-data; boundary=x', 'text/plain', 'application/octet-stream', '', 'text/html; charset=utf-16']
    const junkTokens = () => [crypto.randomBytes(16).toString('base64url'), crypto.randomBytes(random(64)).toString('hex'), '%', '%E0%A4%A', '\u0000', 'a'.repeat(5000), encodeURIComponent('تست'), '']
    const statuses = new Map<number, number>()
    for (let i = 0; i < 1000; i++) {
      const tokens = junkTokens()
      const url =
        i % 50 === 0
          ? `${valid}&x=${i}`
          : `${payload.config.serverURL}/api/signups/cancel?token=${tokens[random(tokens.length)]}${random(3) === 0 ? `&token=${tokens[random(tokens.length)]}` : ''}`
      const body = [crypto.randomBytes(random(2048)), `token=${tokens[random(tokens.length)]}`, JSON.stringify({ token: tokens[0], status: 'accepted' }), '--x\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc\r\n--x--', ''][random(5)]!
      const contentType = contentTypes[random(contentTypes.length)]!
      const method = random(4) === 0 ? 'GET' : 'POST'
      const init: RequestInit = { method, headers: contentType ? { 'Content-Type': contentType } : {}, ...(method === 'POST' && random(4) !== 0 ? { body: body as BodyInit } : {}) }
      // A URL fetch itself refuses (a lone "%" is fine, a NUL is not) never reaches the CMS.
      let built: Request
      try {
        built = new Request(url, init)
      } catch {
        continue
      }
      const { default: config } = await import('../src/payload.config')
      const response = await handleEndpoints({ config, request: built })
      await response.arrayBuffer()
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    }
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([])
    // The valid link was among them: it cancelled once, then said "already cancelled".
    expect(statuses.get(200)).toBeGreaterThan(0)
  })
})

describe('reminders', () => {
  async function runReminders(at: Date) {
    const job = await payload.jobs.queue({ task: 'signupReminders', input: { now: at.toISOString() } })
    const result = await payload.jobs.runByID({ id: job.id })
    expect(result.jobStatus?.[String(job.id)]?.status).toBe('success')
  }
  const remindersTo = async (address: string) => (await messagesTo(address)).filter((message) => message.subject?.startsWith(signupText('da', 'messages.subject.reminder', { title: '' }).trim()) || message.subject?.includes('Reminder'))

  it('goes SIGNUP_REMINDER_HOURS before the event, once, even when run twice or at once; not to withdrawn signups', async () => {
    const email = 'remind@example.org'
    const withdrawnEmail = 'remind-withdrawn@example.org'
    await signUp({ email, language: 'en', target: `event:${soonEvent.slug}` })
    const withdrawn = await signUp({ email: withdrawnEmail, language: 'da', target: `event:${soonEvent.slug}` })
    await payload.update({ collection: 'signups', id: withdrawn.id, data: { status: 'withdrawn' } })
    await waitForMail(email)
    const start = new Date(soonEvent.startsAt)

    await runReminders(new Date(start.getTime() - 25 * 3_600_000))
    expect(await remindersTo(email)).toHaveLength(0)

    const inWindow = new Date(start.getTime() - 23 * 3_600_000)
    await Promise.all([runReminders(inWindow), runReminders(inWindow)])
    await runReminders(new Date(start.getTime() - 2 * 3_600_000))
    const reminders = await waitForMail(email, 2).then(() => remindersTo(email))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.subject).toBe('Reminder: Udflugt til stranden')
    expect(cancelLinkIn(reminders[0]!.text ?? '')).toBeTruthy()
    expect(await remindersTo(withdrawnEmail)).toHaveLength(0)
    // The confirmation's link still works after the reminder brought a new one.
    const first = cancelLinkIn((await messagesTo(email)).find((message) => !message.subject?.startsWith('Reminder'))!.text ?? '')!
    expect((await openLink(first)).status).toBe(200)
  })

  it('a reminder that could not be sent is tried again on the next run', async () => {
    const email = 'remind-retry@example.org'
    const signup = await signUp({ email, language: 'da', target: `event:${soonEvent.slug}` })
    await waitForMail(email)
    const at = new Date(new Date(soonEvent.startsAt).getTime() - 20 * 3_600_000)
    const smtp = process.env.SMTP_URL
    const send = vi.spyOn(payload, 'sendEmail').mockRejectedValueOnce(Object.assign(new Error('down'), { responseCode: 421 }))
    try {
      await runReminders(at)
      expect((await payload.findByID({ collection: 'signups', id: signup.id, depth: 0 })).reminderSentAt).toBeFalsy()
    } finally {
      send.mockRestore()
      process.env.SMTP_URL = smtp
    }
    await runReminders(at)
    expect((await payload.findByID({ collection: 'signups', id: signup.id, depth: 0 })).reminderSentAt).toBeTruthy()
    await waitForMail(email, 2)
  })
})

describe('SMS', () => {
  it('counts segments: GSM-7 160/153 with extension characters as two, UCS-2 70/67', () => {
    expect(countSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 })
    expect(countSms('a'.repeat(161)).segments).toBe(2)
    expect(countSms('a'.repeat(306)).segments).toBe(2)
    expect(countSms('a'.repeat(307)).segments).toBe(3)
    expect(countSms('æøåÆØÅé'.repeat(20)).encoding).toBe('GSM-7')
    expect(countSms('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 })
    expect(countSms('€'.repeat(81)).segments).toBe(2)
    // An escape is never split: 152 letters and a € take 154 places, and two segments.
    expect(countSms(`${'a'.repeat(152)}€${'a'.repeat(10)}`).segments).toBe(2)
    expect(countSms('س'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 })
    expect(countSms('س'.repeat(71)).segments).toBe(2)
    expect(countSms('ሰ'.repeat(134)).segments).toBe(2)
    expect(countSms('ሰ'.repeat(135)).segments).toBe(3)
    expect(countSms(`${'a'.repeat(69)}ł`).encoding).toBe('UCS-2')
    expect(fitSms([{ text: 'ሰ'.repeat(100) }, { text: 'ለ'.repeat(40), dropOrder: 1 }, { text: 'https://x/cancel?token=abc' }])).toBe(`${'ሰ'.repeat(100)}\nhttps://x/cancel?token=abc`)
    expect(fitSms([{ text: 'ሰ'.repeat(200) }])).toBeUndefined()
    // Typography with a GSM twin does not turn a Danish message into UCS-2.
    expect(countSms(fitSms([{ text: 'lørdag 20. juni 10.00 – 18.00 “Familielejr” …' }])!).encoding).toBe('GSM-7')
  })

  async function fakeGateway() {
    const received: { url: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = []
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ ids: [received.length], usage: { total_cost: 0.1 } }))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    return { received, port, close: () => new Promise((resolve) => server.close(resolve)) }
  }

  it('GatewayAPI: ti and ar by phone only, UCS-2, at most 2 segments, the whole cancel link, which works', async () => {
    const gateway = await fakeGateway()
    process.env.SMS_PROVIDER = 'gatewayapi'
    process.env.GATEWAYAPI_URL = `http://127.0.0.1:${gateway.port}/rest/mtsms`
    process.env.GATEWAYAPI_TOKEN = 'test-token'
    process.env.SMS_SENDER = 'RodeKors'
    try {
      await signUp({ phone: '+45 21 00 00 01', language: 'ti' })
      await signUp({ phone: '21000002', language: 'ar' })
      await vi.waitFor(() => expect(gateway.received).toHaveLength(2), { timeout: 30_000, interval: 100 })
      const [ti, ar] = [...gateway.received].sort((a, b) => Number((a.body.recipients as { msisdn: number }[])[0]!.msisdn) - Number((b.body.recipients as { msisdn: number }[])[0]!.msisdn))
      for (const [sms, msisdn, language] of [[ti!, 4521000001, 'ti'], [ar!, 4521000002, 'ar']] as const) {
        expect(sms.url).toBe('/rest/mtsms')
        expect(sms.headers.authorization).toBe('Token test-token')
        expect(sms.body).toMatchObject({ sender: 'RodeKors', recipients: [{ msisdn }], encoding: 'UCS2' })
        const text = String(sms.body.message)
        expect(countSms(text)).toMatchObject({ encoding: 'UCS-2' })
        expect(countSms(text).segments).toBeLessThanOrEqual(2)
        expect(text).toContain(titles[language].slice(0, 6))
        const link = cancelLinkIn(text)!
        expect(link).toBeTruthy()
        const page = await openLink(link)
        expect(page.status).toBe(200)
        expect(await page.text()).toContain(`lang="${language}"`)
      }
    } finally {
      delete process.env.SMS_PROVIDER
      delete process.env.SMS_SENDER
      await gateway.close()
    }
  })

  it('webhook: JSON with the text and its segment count; a gateway that fails is logged without the number', async () => {
    const gateway = await fakeGateway()
    process.env.SMS_PROVIDER = 'webhook'
    process.env.SMS_WEBHOOK_URL = `http://127.0.0.1:${gateway.port}/sms`
    try {
      await signUp({ phone: '21000003', language: 'ar' })
      await vi.waitFor(() => expect(gateway.received).toHaveLength(1), { timeout: 30_000, interval: 100 })
      const { body } = gateway.received[0]!
      expect(body).toMatchObject({ to: '+4521000003', encoding: 'UCS-2' })
      expect(body.segments).toBe(countSms(String(body.text)).segments)
      expect(body.segments).toBeLessThanOrEqual(2)
      expect(cancelLinkIn(String(body.text))).toBeTruthy()

      process.env.SMS_WEBHOOK_URL = `http://127.0.0.1:1/sms`
      const errors = vi.spyOn(payload.logger, 'error')
      await signUp({ phone: '21000004', language: 'ti' })
      await vi.waitFor(() => expect(errors.mock.calls.map(([line]) => String(line)).some((line) => line.includes('placed message could not be sent'))).toBe(true), { timeout: 30_000 })
      expect(JSON.stringify(errors.mock.calls)).not.toContain('21000004')
      errors.mockRestore()
    } finally {
      delete process.env.SMS_PROVIDER
      await gateway.close()
    }
  })

  it('without a provider the SMS lands in data/outbox/', async () => {
    await signUp({ phone: '21000005', language: 'so' })
    const { outboxDir } = await import('../src/lib/email/adapter')
    const outbox = outboxDir()
    expect(outbox.startsWith(outboxRoot) || outbox.startsWith(process.env.DATA_DIR!)).toBe(true)
    await vi.waitFor(() => expect(fs.existsSync(outbox) && fs.readdirSync(outbox).some((file) => file.endsWith('.sms.json'))).toBe(true), { timeout: 30_000 })
    const file = fs.readdirSync(outbox).find((name) => name.endsWith('.sms.json'))!
    const sms = JSON.parse(fs.readFileSync(path.join(outbox, file), 'utf8'))
    expect(sms).toMatchObject({ to: '+4521000005', encoding: 'GSM-7' })
    expect(sms.segments).toBeLessThanOrEqual(2)
    // Somali is written in Latin letters: GSM-7, with room for when, where and how many.
    expect(sms.text).toContain(signupText('so', 'messages.places', { count: '1' }))
    expect(sms.text).toContain(signupText('so', 'messages.when', { when: '' }).trim())
  })
})
