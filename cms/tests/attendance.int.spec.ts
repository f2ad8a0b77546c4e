import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { copenhagenToday } from '../../core/schedule'
import { holdsPlace } from '../src/attendance/meetings'
import type { Activity, Attendance, Department, Event, Signup } from '../src/payload-types'
import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/**
 * Attendance (issue 15, item 7): the meeting list and recording who came over REST as the
 * "Fremmøde" view calls it (GET /api/attendance/meeting, POST /api/attendance/record), the
 * signups' attendance figures, the listing's "last confirmed", and who may see and record it.
 */
let payload: Payload
let stop: () => Promise<void>
let odense: Department
let aarhus: Department
let activity: Activity
let otherActivity: Activity
let event: Event
let futureEvent: Event
const people: Record<string, Signup> = {}
const tokens: Record<string, string> = {}
const password = 'hemmelig-og-lang'

const dayOffset = (days: number) => copenhagenToday(new Date(Date.now() + days * 86_400_000))
const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString()

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password, role: 'admin' } })
  const department = (name: string, slug: string) =>
    payload.create({ collection: 'departments', data: { name, slug, town: name, municipality: name, region: 'syddanmark', _status: 'published' }, context: seedContext })
  odense = await department('Røde Kors Odense', 'odense')
  aarhus = await department('Røde Kors Aarhus', 'aarhus')
  await payload.create({ collection: 'users', data: { email: 'odense@example.org', password, role: 'department-editor', departments: [odense.id] } })
  await payload.create({ collection: 'users', data: { email: 'aarhus@example.org', password, role: 'department-editor', departments: [aarhus.id] } })
  await payload.create({ collection: 'users', data: { email: 'kommunikation@example.org', password, role: 'editor' } })
  const activityType = await payload.create({ collection: 'activity-types', data: { title: 'Lektiecaféer', slug: 'lektiecafeer', _status: 'published' }, context: seedContext })
  // Meets every day at midnight, so today's meeting has begun; not the day before yesterday.
  const everyDay = {
    weekdays: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as NonNullable<Activity['schedule']>['weekdays'],
    startTime: '00:00',
    validFrom: dayOffset(-60),
    exceptions: [{ date: dayOffset(-2) }],
  }
  activity = await payload.create({
    collection: 'activities',
    data: { title: 'Lektiecafé', slug: 'lektiecafe', department: odense.id, activityType: activityType.id, schedule: everyDay, howToJoin: 'sign-up', lastConfirmedAt: longAgo, _status: 'published' },
    context: seedContext,
  })
  otherActivity = await payload.create({
    collection: 'activities',
    data: { title: 'Strikkecafé', slug: 'strikkecafe', department: odense.id, activityType: activityType.id, schedule: everyDay, howToJoin: 'sign-up', lastConfirmedAt: longAgo, _status: 'published' },
    context: seedContext,
  })
  event = await payload.create({
    collection: 'events',
    data: { title: 'Familieudflugt', slug: 'familieudflugt', department: odense.id, startsAt: new Date(Date.now() - 3_600_000).toISOString(), howToJoin: 'sign-up', _status: 'published' },
    context: seedContext,
  })
  futureEvent = await payload.create({
    collection: 'events',
    data: { title: 'Julefest', slug: 'julefest', department: odense.id, startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), howToJoin: 'sign-up', _status: 'published' },
    context: seedContext,
  })
  const signup = (key: string, name: string, data: Partial<Signup>) =>
    payload
      .create({
        collection: 'signups',
        data: { kind: 'participant', name, email: `${key}@example.org`, language: 'da', department: odense.id, consentAt: new Date().toISOString(), consentVersion: 'test', status: 'new', place: 'placed', ...data },
      })
      .then((created) => (people[key] = created))
  await signup('ali', 'Ali Hassan', { activity: activity.id })
  await signup('fatima', 'فاطمة الزهراء', { activity: activity.id, language: 'ar', status: 'accepted' })
  await signup('gone', 'Gone Person', { activity: activity.id, status: 'withdrawn' })
  await signup('other', 'Other Activity', { activity: otherActivity.id })
  await signup('family', 'Amina Yusuf', { event: event.id })
  for (const [key, email] of Object.entries({ admin: 'admin@example.org', odense: 'odense@example.org', aarhus: 'aarhus@example.org', editor: 'kommunikation@example.org' })) {
    tokens[key] = await loginToken(payload, email, password)
  }
})
afterAll(async () => stop())

interface MeetingAnswer {
  meeting: { key: string; title: string; department: number }
  signups: { id: number; name: string; participants: number; companions: string[] }[]
  record: { id: number; attended: number[]; headcount: number | null } | null
}

const todayQuery = () => `activity=${activity.id}&date=${dayOffset(0)}`
const getMeeting = (query: string, token?: string) => rest(payload, 'GET', `/attendance/meeting?${query}`, { token })
const record = (body: Record<string, unknown>, token?: string, headers?: Record<string, string>) => rest(payload, 'POST', '/attendance/record', { token, body, headers })
const signupNow = (key: string) => payload.findByID({ collection: 'signups', id: people[key]!.id, depth: 0 })
const records = async () => (await payload.find({ collection: 'attendance', depth: 0, limit: 100 })).docs as Attendance[]

describe('a meeting’s list', () => {
  it('shows the department’s editor the people holding a place, and no contact details', async () => {
    const response = await getMeeting(todayQuery(), tokens.odense)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const answer = (await response.json()) as MeetingAnswer
    expect(answer.meeting.key).toBe(`activity:${activity.id}:${dayOffset(0)}`)
    expect(answer.signups.map((signup) => signup.name)).toEqual(['Ali Hassan', 'فاطمة الزهراء'])
    expect(answer.signups[0]).toEqual({ id: people.ali!.id, name: 'Ali Hassan', participants: 1, companions: [] })
    expect(JSON.stringify(answer)).not.toContain('@example.org')
    expect(answer.record).toBeNull()
  })

  it('lists an event’s signups for the event', async () => {
    const answer = (await (await getMeeting(`event=${event.id}`, tokens.odense)).json()) as MeetingAnswer
    expect(answer.signups.map((signup) => signup.name)).toEqual(['Amina Yusuf'])
  })

  it('refuses a date the activity does not meet on, and a malformed or unknown meeting', async () => {
    expect((await getMeeting(`activity=${activity.id}&date=${dayOffset(-2)}`, tokens.odense)).status).toBe(400)
    expect((await getMeeting(`activity=${activity.id}&date=tomorrow`, tokens.odense)).status).toBe(400)
    expect((await getMeeting(`event=999999`, tokens.odense)).status).toBe(404)
    // Never a server error for a malformed ID.
    for (const query of ['event=abc', 'event=1e5', 'activity=x-y&date=2026-01-01', 'event=1&activity=1&date=2026-01-01', 'event=%00']) {
      expect((await getMeeting(query, tokens.odense)).status).toBeLessThan(500)
    }
    expect((await rest(payload, 'GET', '/attendance/meetings?department=abc', { token: tokens.admin })).status).toBeLessThan(500)
  })

  it('counts only signups that hold a place: not declined, withdrawn, waitlisted or volunteers', () => {
    const base = { kind: 'participant', status: 'new' } as Signup
    // No place: reopened after a decline and not lined up again.
    expect(holdsPlace(base)).toBe(false)
    expect(holdsPlace({ ...base, place: 'placed' } as Signup)).toBe(true)
    expect(holdsPlace({ ...base, place: 'waitlisted' } as Signup)).toBe(false)
    expect(holdsPlace({ ...base, status: 'declined' })).toBe(false)
    expect(holdsPlace({ ...base, status: 'withdrawn' })).toBe(false)
    expect(holdsPlace({ ...base, kind: 'volunteer' })).toBe(false)
  })

  it('lists the meetings near today of the editor’s own department only', async () => {
    const meetings = async (token: string) =>
      ((await (await rest(payload, 'GET', '/attendance/meetings', { token })).json()) as { meetings: { key: string }[] }).meetings.map((meeting) => meeting.key)
    const own = await meetings(tokens.odense!)
    expect(own).toContain(`event:${event.id}`)
    expect(own).toContain(`event:${futureEvent.id}`)
    expect(own).toContain(`activity:${activity.id}:${dayOffset(0)}`)
    expect(own).toContain(`activity:${activity.id}:${dayOffset(-1)}`)
    expect(own).not.toContain(`activity:${activity.id}:${dayOffset(-2)}`)
    expect(await meetings(tokens.aarhus!)).toEqual([])
    expect(await meetings(tokens.editor!)).toEqual([])
    expect((await rest(payload, 'GET', '/attendance/meetings')).status).toBe(401)
  })
})

describe('recording who came', () => {
  it('records the ticked people and the headcount, updates their figures and confirms the listing', async () => {
    const response = await record({ activity: activity.id, date: dayOffset(0), attended: [people.ali!.id, people.fatima!.id], headcount: 5 }, tokens.odense)
    expect(response.status).toBe(200)
    const answer = (await response.json()) as { record: { attended: number[]; headcount: number }; lastConfirmedAt: string }
    expect(answer.record.attended.sort()).toEqual([people.ali!.id, people.fatima!.id].sort())
    expect(answer.record.headcount).toBe(5)

    const [saved] = await records()
    expect(saved).toMatchObject({ meeting: `activity:${activity.id}:${dayOffset(0)}`, headcount: 5, title: 'Lektiecafé', department: odense.id, activity: activity.id })
    for (const key of ['ali', 'fatima']) {
      const signup = await signupNow(key)
      expect(signup.attendedCount).toBe(1)
      expect(copenhagenToday(new Date(signup.lastAttendedOn!))).toBe(dayOffset(0))
    }
    expect((await signupNow('gone')).attendedCount ?? 0).toBe(0)

    const confirmed = await payload.findByID({ collection: 'activities', id: activity.id, depth: 0 })
    expect(copenhagenToday(new Date(confirmed.lastConfirmedAt!))).toBe(dayOffset(0))
    expect(answer.lastConfirmedAt).toBe(confirmed.lastConfirmedAt)
    // Only the listing that met is confirmed.
    expect((await payload.findByID({ collection: 'activities', id: otherActivity.id, depth: 0 })).lastConfirmedAt).toBe(longAgo)
  })

  it('a second save replaces the meeting’s record, and a person unticked loses that meeting', async () => {
    const response = await record({ activity: activity.id, date: dayOffset(0), attended: [people.ali!.id], headcount: 3 }, tokens.odense)
    expect(response.status).toBe(200)
    expect(await records()).toHaveLength(1)
    expect((await signupNow('ali')).attendedCount).toBe(1)
    const fatima = await signupNow('fatima')
    expect(fatima.attendedCount).toBe(0)
    expect(fatima.lastAttendedOn).toBeNull()
    const answer = (await (await getMeeting(todayQuery(), tokens.odense)).json()) as MeetingAnswer
    expect(answer.record).toMatchObject({ attended: [people.ali!.id], headcount: 3 })
  })

  it('counts each meeting a person came to, and keeps the latest day', async () => {
    expect((await record({ activity: activity.id, date: dayOffset(-1), attended: [people.ali!.id, people.fatima!.id] }, tokens.odense)).status).toBe(200)
    const ali = await signupNow('ali')
    expect(ali.attendedCount).toBe(2)
    expect(copenhagenToday(new Date(ali.lastAttendedOn!))).toBe(dayOffset(0))
    const fatima = await signupNow('fatima')
    expect(fatima.attendedCount).toBe(1)
    expect(copenhagenToday(new Date(fatima.lastAttendedOn!))).toBe(dayOffset(-1))
    // No headcount given: the people ticked, with those they signed up with.
    const yesterday = (await records()).find((saved) => saved.meeting.endsWith(dayOffset(-1)))
    expect(yesterday?.headcount).toBe(2)
  })

  it('a headcount may exceed the names ticked, never fall below them', async () => {
    expect((await record({ event: event.id, attended: [people.family!.id], headcount: 14 }, tokens.odense)).status).toBe(200)
    expect((await record({ event: event.id, attended: [], headcount: 0 }, tokens.odense)).status).toBe(200)
    const low = await record({ activity: activity.id, date: dayOffset(0), attended: [people.ali!.id, people.fatima!.id], headcount: 1 }, tokens.odense)
    expect(low.status).toBe(400)
    expect(JSON.stringify(await low.json())).toContain('2')
    for (const headcount of [-1, 2.5, '7', 1e9]) {
      expect((await record({ activity: activity.id, date: dayOffset(0), attended: [], headcount }, tokens.odense)).status).toBe(400)
    }
    // Nothing of the refused saves was kept.
    const answer = (await (await getMeeting(todayQuery(), tokens.odense)).json()) as MeetingAnswer
    expect(answer.record).toMatchObject({ attended: [people.ali!.id], headcount: 3 })
  })

  it('refuses people not on the meeting’s list, and meetings not begun', async () => {
    for (const key of ['gone', 'other', 'family']) {
      expect((await record({ activity: activity.id, date: dayOffset(0), attended: [people[key]!.id] }, tokens.odense)).status).toBe(400)
    }
    const future = await record({ event: futureEvent.id, attended: [], headcount: 3 }, tokens.odense)
    expect(future.status).toBe(400)
    expect((await record({ activity: activity.id, date: dayOffset(1), attended: [] }, tokens.odense)).status).toBe(400)
    expect((await rest(payload, 'POST', '/attendance/record', { token: tokens.odense, body: ['x'] })).status).toBe(400)
  })

  it('two first saves of one meeting at once keep one record', async () => {
    const meeting = { activity: otherActivity.id, date: dayOffset(-1) }
    const answers = await Promise.all([record({ ...meeting, attended: [], headcount: 4 }, tokens.odense), record({ ...meeting, attended: [people.other!.id], headcount: 6 }, tokens.odense)])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    const saved = (await records()).filter((one) => one.meeting === `activity:${otherActivity.id}:${dayOffset(-1)}`)
    expect(saved).toHaveLength(1)
    // The figures follow the record that stayed.
    expect((await signupNow('other')).attendedCount).toBe(saved[0]!.attended?.length ? 1 : 0)
  })

  it('answers in the admin’s language', async () => {
    const response = await record({ event: futureEvent.id, attended: [] }, tokens.odense, { 'Accept-Language': 'en' })
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/has not started yet/)
  })
})

describe('who may see and record attendance', () => {
  it('another department’s editor gets nothing: 403 and no names', async () => {
    for (const token of [tokens.aarhus, tokens.editor]) {
      const response = await getMeeting(todayQuery(), token)
      expect(response.status).toBe(403)
      const text = await response.text()
      expect(text).not.toContain('Ali')
      expect(text).not.toContain('فاطمة')
      expect((await record({ activity: activity.id, date: dayOffset(0), attended: [], headcount: 0 }, token)).status).toBe(403)
    }
    // The refused saves changed nothing.
    const answer = (await (await getMeeting(todayQuery(), tokens.odense)).json()) as MeetingAnswer
    expect(answer.record).toMatchObject({ attended: [people.ali!.id], headcount: 3 })
  })

  it('the public gets 401 from the endpoints and nothing from the collection', async () => {
    expect((await getMeeting(todayQuery())).status).toBe(401)
    expect((await record({ activity: activity.id, date: dayOffset(0), attended: [] })).status).toBe(401)
    const list = await rest(payload, 'GET', '/attendance')
    expect(list.status).toBe(403)
    expect(await list.text()).not.toContain('Lektiecafé')
    const signups = await rest(payload, 'GET', `/signups/${people.ali!.id}`)
    expect(signups.status).toBe(403)
  })

  it('the collection: a department reads only its own records, and nobody writes them over REST', async () => {
    const read = async (token?: string) => ((await (await rest(payload, 'GET', '/attendance?depth=0', { token })).json()) as { docs: Attendance[] }).docs
    expect((await read(tokens.odense)).length).toBeGreaterThan(0)
    expect(await read(tokens.aarhus)).toEqual([])
    // A communications editor sees no personal data at all.
    expect((await rest(payload, 'GET', '/attendance', { token: tokens.editor })).status).toBe(403)
    const forged = await rest(payload, 'POST', '/attendance', {
      token: tokens.odense,
      body: { meeting: 'event:1', title: 'x', department: odense.id, startsAt: new Date().toISOString(), headcount: 1 },
    })
    expect(forged.status).toBe(403)
    const [first] = await read(tokens.odense)
    expect((await rest(payload, 'PATCH', `/attendance/${first!.id}`, { token: tokens.odense, body: { headcount: 99 } })).status).toBe(403)
    // Nor the attendance figures on a signup, which the records keep.
    await rest(payload, 'PATCH', `/signups/${people.fatima!.id}`, { token: tokens.odense, body: { attendedCount: 40 } })
    expect((await signupNow('fatima')).attendedCount).toBe(1)
  })

  it('an admin records for any department', async () => {
    const before = (await signupNow('other')).attendedCount ?? 0
    expect((await record({ activity: otherActivity.id, date: dayOffset(0), attended: [people.other!.id] }, tokens.admin)).status).toBe(200)
    expect((await signupNow('other')).attendedCount).toBe(before + 1)
  })
})
