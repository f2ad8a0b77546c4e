import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { ChildCertificate, Department, Signup, User } from '../src/payload-types'
import { seedContext } from '../src/seed/index'
import { startMailSink } from '../../scripts/mail-sink.mjs'
import { startPayload } from './payload'

/**
 * The retention job, the certificate reminders and the certificate dates, on a real Payload
 * with a temporary SQLite file; e-mail goes over SMTP to a real SMTP server started here.
 */
let payload: Payload
let stop: () => Promise<void>
let mail: Awaited<ReturnType<typeof startMailSink>>
let department: Department
let otherDepartment: Department
let editor: User

const now = new Date('2027-06-15T10:00:00.000Z')
const monthsAgo = (months: number) => {
  const date = new Date(now)
  date.setUTCMonth(date.getUTCMonth() - months)
  return date.toISOString()
}
const daysFromNow = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()

beforeAll(async () => {
  mail = await startMailSink(fs.mkdtempSync(path.join(os.tmpdir(), 'drk-mail-')))
  process.env.SMTP_URL = `smtp://127.0.0.1:${mail.port}`
  ;({ payload, stop } = await startPayload())
  const makeDepartment = (name: string, slug: string, email: string) =>
    payload.create({
      collection: 'departments',
      data: { name, slug, email, town: 'Testby', municipality: 'Testby', region: 'syddanmark', _status: 'published' },
      context: seedContext,
    })
  // The first user always becomes an admin: make that one first.
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  department = await makeDepartment('Røde Kors Testby', 'testby', 'testby@example.org')
  otherDepartment = await makeDepartment('Røde Kors Andetby', 'andetby', 'andetby@example.org')
  editor = await payload.create({
    collection: 'users',
    data: { email: 'ali@example.org', password: 'hemmelig-og-lang', role: 'department-editor', departments: [department.id] },
  })
})
afterAll(async () => {
  await stop()
  await mail.close()
  fs.rmSync(mail.dir, { recursive: true, force: true })
  delete process.env.SMTP_URL
})

let counter = 0
async function signup(data: Partial<Signup> = {}): Promise<Signup> {
  counter++
  return payload.create({
    collection: 'signups',
    data: {
      kind: 'participant',
      name: `Person ${counter}`,
      email: `person${counter}@example.org`,
      language: 'da',
      department: department.id,
      consentAt: monthsAgo(24),
      consentVersion: 'test',
      status: 'new',
      ...data,
    },
  })
}

async function certificate(data: Partial<ChildCertificate> = {}): Promise<ChildCertificate> {
  counter++
  return payload.create({
    collection: 'child-certificates',
    data: { volunteerName: `Frivillig ${counter}`, volunteerEmail: `frivillig${counter}@example.org`, department: department.id, status: 'to-request', ...data },
  })
}

const exists = async (collection: 'signups' | 'child-certificates', id: number | string) =>
  Boolean(await payload.findByID({ collection, id, depth: 0, disableErrors: true }))

/** Runs a task through the jobs queue with the clock at `at`; answers the lines it logged. */
async function runTask(task: 'personalDataRetention' | 'certificateReminders', at: Date): Promise<string[]> {
  const info = vi.spyOn(payload.logger, 'info')
  try {
    const job = await payload.jobs.queue({ task, input: { now: at.toISOString() } })
    const result = await payload.jobs.runByID({ id: job.id })
    expect(result.jobStatus?.[String(job.id)]?.status).toBe('success')
    return info.mock.calls.map(([line]) => String(line))
  } finally {
    info.mockRestore()
  }
}

async function messages() {
  const files = fs.readdirSync(mail.dir).filter((file) => file.endsWith('.eml'))
  return Promise.all(files.map(async (file) => simpleParser(fs.readFileSync(path.join(mail.dir, file)))))
}

describe('signup status', () => {
  it('records when a signup is closed, and forgets it when reopened', async () => {
    const open = await signup()
    expect(open.closedAt).toBeFalsy()
    const accepted = await payload.update({ collection: 'signups', id: open.id, data: { status: 'accepted' } })
    expect(accepted.closedAt).toBeTruthy()
    const reopened = await payload.update({ collection: 'signups', id: open.id, data: { status: 'contacted' } })
    expect(reopened.closedAt).toBeFalsy()
  })

  it('a department editor cannot change who signed up or their consent, only the status', async () => {
    const own = await signup()
    const updated = await payload.update({
      collection: 'signups',
      id: own.id,
      data: { status: 'contacted', name: 'Ændret', email: 'andet@example.org', consentVersion: 'falsk', department: otherDepartment.id },
      overrideAccess: false,
      user: editor,
    })
    expect(updated.status).toBe('contacted')
    expect(updated.name).toBe(own.name)
    expect(updated.email).toBe(own.email)
    expect(updated.consentVersion).toBe('test')
    expect(typeof updated.department === 'object' ? updated.department?.id : updated.department).toBe(department.id)
  })

  it('declining a volunteer stops their child-certificate task', async () => {
    const volunteer = await signup({ kind: 'volunteer' })
    const task = await certificate({ signup: volunteer.id })
    await payload.update({ collection: 'signups', id: volunteer.id, data: { status: 'declined' } })
    const after = await payload.findByID({ collection: 'child-certificates', id: task.id, depth: 0 })
    expect(after.stoppedAt).toBeTruthy()
  })
})

describe('child-certificate dates', () => {
  it('sets requested-at, cleared-at and renew-by two years after clearing', async () => {
    const task = await certificate()
    const requested = await payload.update({ collection: 'child-certificates', id: task.id, data: { status: 'requested' } })
    expect(requested.requestedAt).toBeTruthy()
    const cleared = await payload.update({ collection: 'child-certificates', id: task.id, data: { status: 'cleared', clearedAt: '2027-01-10T00:00:00.000Z' } })
    expect(cleared.clearedAt).toBe('2027-01-10T00:00:00.000Z')
    expect(cleared.renewBy).toBe('2029-01-10T00:00:00.000Z')
  })
})

describe('retention job (personalDataRetention)', () => {
  it('deletes signups closed more than 12 months ago, keeps newer and open ones, and logs counts only', async () => {
    const old = await signup({ status: 'declined', closedAt: monthsAgo(13), name: 'Gammel Person' })
    const recent = await signup({ status: 'accepted', closedAt: monthsAgo(11) })
    const open = await signup({ status: 'new' })
    const logged = await runTask('personalDataRetention', now)

    expect(await exists('signups', old.id)).toBe(false)
    expect(await exists('signups', recent.id)).toBe(true)
    expect(await exists('signups', open.id)).toBe(true)
    const lines = logged.filter((line) => line.startsWith('Retention:'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Retention: deleted 1 signups closed over 12 months ago and \d+ child-certificate records/)
    expect(logged.join('\n')).not.toContain('Gammel Person')
    expect(logged.join('\n')).not.toContain('@')
  })

  it('the retention period is configurable', async () => {
    const closed = await signup({ status: 'withdrawn', closedAt: monthsAgo(7) })
    process.env.SIGNUP_RETENTION_MONTHS = '6'
    try {
      await runTask('personalDataRetention', now)
    } finally {
      delete process.env.SIGNUP_RETENTION_MONTHS
    }
    expect(await exists('signups', closed.id)).toBe(false)
  })

  it('deletes child-certificate records 6 months after the volunteer stopped, not before', async () => {
    const stoppedLongAgo = await certificate({ status: 'cleared', clearedAt: monthsAgo(30), stoppedAt: monthsAgo(7) })
    const stoppedRecently = await certificate({ status: 'cleared', clearedAt: monthsAgo(30), stoppedAt: monthsAgo(5) })
    const active = await certificate({ status: 'cleared', clearedAt: monthsAgo(30) })

    await runTask('personalDataRetention', now)

    expect(await exists('child-certificates', stoppedLongAgo.id)).toBe(false)
    expect(await exists('child-certificates', stoppedRecently.id)).toBe(true)
    expect(await exists('child-certificates', active.id)).toBe(true)
  })

  it('a deleted signup leaves nothing behind (signups keep no versions)', async () => {
    expect(payload.collections.signups.config.versions).toBeFalsy()
    expect(payload.collections['child-certificates'].config.versions).toBeFalsy()
  })
})

describe('certificate reminders (certificateReminders)', () => {
  it('e-mails the department once, 30 days before renew-by, over SMTP', async () => {
    const due = await certificate({ status: 'cleared', clearedAt: monthsAgo(23), renewBy: daysFromNow(20), volunteerName: 'Jens Jensen' })
    const later = await certificate({ status: 'cleared', clearedAt: monthsAgo(12), renewBy: daysFromNow(90), volunteerName: 'Senere Frivillig' })
    const stopped = await certificate({ status: 'cleared', clearedAt: monthsAgo(23), renewBy: daysFromNow(10), stoppedAt: monthsAgo(1), volunteerName: 'Stoppet Frivillig' })
    const elsewhere = await certificate({ status: 'cleared', clearedAt: monthsAgo(23), renewBy: daysFromNow(25), volunteerName: 'Anden Afdeling', department: otherDepartment.id })
    const before = (await messages()).length

    await runTask('certificateReminders', now)

    await expect.poll(async () => (await messages()).length, { timeout: 15_000 }).toBe(before + 2)
    const reminders = (await messages()).filter((message) => message.subject?.startsWith('Børneattester skal fornyes'))
    const ours = reminders.find((message) => message.subject?.includes('Røde Kors Testby'))!
    const recipients = [ours.to].flat().flatMap((to) => to?.value.map((address) => address.address))
    expect(recipients).toEqual(expect.arrayContaining(['ali@example.org', 'testby@example.org']))
    expect(ours.text).toContain('Jens Jensen')
    expect(ours.text).not.toContain('Senere Frivillig')
    expect(ours.text).not.toContain('Stoppet Frivillig')
    expect(ours.text).not.toContain('Anden Afdeling')
    const theirs = reminders.find((message) => message.subject?.includes('Røde Kors Andetby'))!
    expect(theirs.text).toContain('Anden Afdeling')
    expect([theirs.to].flat().flatMap((to) => to?.value.map((address) => address.address))).not.toContain('ali@example.org')

    expect((await payload.findByID({ collection: 'child-certificates', id: due.id })).reminderSentAt).toBeTruthy()
    expect((await payload.findByID({ collection: 'child-certificates', id: later.id })).reminderSentAt).toBeFalsy()
    expect((await payload.findByID({ collection: 'child-certificates', id: stopped.id })).reminderSentAt).toBeFalsy()
    expect((await payload.findByID({ collection: 'child-certificates', id: elsewhere.id })).reminderSentAt).toBeTruthy()

    // Once only: the next day's run sends nothing new.
    const logged = await runTask('certificateReminders', new Date(now.getTime() + 86_400_000))
    expect(logged).toContain('Certificate reminders: 0 certificates in 0 e-mails.')
    expect((await messages()).length).toBe(before + 2)
  })

  it('a renewed certificate (new renew-by date) will be reminded again', async () => {
    const task = await certificate({ status: 'cleared', clearedAt: monthsAgo(23), renewBy: daysFromNow(5) })
    await runTask('certificateReminders', now)
    expect((await payload.findByID({ collection: 'child-certificates', id: task.id })).reminderSentAt).toBeTruthy()
    const renewed = await payload.update({ collection: 'child-certificates', id: task.id, data: { clearedAt: now.toISOString() } })
    expect(renewed.renewBy).toBe('2029-06-15T10:00:00.000Z')
    expect(renewed.reminderSentAt).toBeFalsy()
  })
})
