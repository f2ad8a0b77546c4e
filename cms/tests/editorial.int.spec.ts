import type { Payload } from 'payload'

import type { Department, Event, User } from '../src/payload-types'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>
let departmentId: Department['id']
let otherDepartmentId: Department['id']
let departmentEditor: User

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const department = (name: string, slug: string) =>
    payload.create({
      collection: 'departments',
      data: { name, slug, town: 'Testby', municipality: 'Testby', region: 'syddanmark', _status: 'published' },
      context: seedContext,
    })
  departmentId = (await department('Røde Kors A', 'a')).id
  otherDepartmentId = (await department('Røde Kors B', 'b')).id
  await payload.create({ collection: 'users', data: { email: 'admin@example.org', password: 'hemmelig-og-lang', role: 'admin' } })
  departmentEditor = await payload.create({
    collection: 'users',
    data: { email: 'ali@example.org', password: 'hemmelig-og-lang', role: 'department-editor', departments: [departmentId] },
  })
})
afterAll(async () => stop())

async function draftEvent(department: Department['id']) {
  return payload.create({
    collection: 'events',
    draft: true,
    data: { title: 'Familietur', slug: `tur-${Math.random().toString(36).slice(2)}`, startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), department, _status: 'draft' },
    context: seedContext,
  })
}

/** Queues a publish/unpublish as the admin UI's "schedule" drawer does, for `at`. */
async function schedule(type: 'publish' | 'unpublish', id: Event['id'], at: Date) {
  return payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: at,
    input: { type, doc: { relationTo: 'events', value: id }, user: { relationTo: 'users', value: departmentEditor.id } },
  })
}

const status = async (id: Event['id']) => (await payload.findByID({ collection: 'events', id, draft: false, depth: 0 }))._status

describe('scheduled publish and unpublish (jobs queue)', () => {
  it('publishes a draft when its time has come, not before', async () => {
    const event = await draftEvent(departmentId)
    const job = await schedule('publish', event.id, new Date(Date.now() + 3_600_000))

    await payload.jobs.run()
    expect(await status(event.id)).toBe('draft')

    // The clock moves on: the job's time is now in the past.
    await payload.update({ collection: 'payload-jobs', id: job.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } })
    await payload.jobs.run()
    expect(await status(event.id)).toBe('published')
  })

  it('unpublishes at the set time', async () => {
    const event = await draftEvent(departmentId)
    await payload.update({ collection: 'events', id: event.id, data: { _status: 'published' }, context: seedContext })
    await schedule('unpublish', event.id, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await status(event.id)).toBe('draft')
  })

  it("runs as the person who scheduled it: a department editor cannot publish another department's event", async () => {
    const foreign = await draftEvent(otherDepartmentId)
    await schedule('publish', foreign.id, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await status(foreign.id)).toBe('draft')
  })
})

describe('last confirmed', () => {
  it('is set when an activity is created and flagged after 90 days', async () => {
    const activityType = await payload.create({ collection: 'activity-types', data: { title: 'Lektiecaféer', slug: 'lektiecafeer', _status: 'published' }, context: seedContext })
    const activity = await payload.create({
      collection: 'activities',
      data: { title: 'Lektiecafé', slug: 'lektiecafe', department: departmentId, activityType: activityType.id, _status: 'published' },
      overrideAccess: false,
      user: { ...departmentEditor, collection: 'users' } as never, // acts as the department editor
    })
    expect(Date.now() - new Date(activity.lastConfirmedAt!).getTime()).toBeLessThan(60_000)
    expect(activity.confirmationStale).toBe(false)

    const old = new Date(Date.now() - 91 * 86_400_000).toISOString()
    const aged = await payload.update({ collection: 'activities', id: activity.id, data: { lastConfirmedAt: old }, context: seedContext })
    expect(aged.confirmationStale).toBe(true)
  })
})

describe('abandoned empty drafts (autosave saves a new form the moment it opens)', () => {
  // Autosave writes versions only, so time is moved with a fake clock rather than by backdating rows.
  const untitledDraft = async () =>
    payload.create({ collection: 'events', draft: true, data: { department: departmentId, _status: 'draft' } as never, context: seedContext })

  it('removes untitled drafts nobody touched for an hour, and keeps everything else', async () => {
    try {
      const abandoned = await untitledDraft()
      const worked = await untitledDraft()
      const titled = await draftEvent(departmentId)
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 })
      await payload.update({ collection: 'events', id: worked.id, draft: true, data: { summary: 'Noget' }, context: seedContext })
      vi.setSystemTime(Date.now() + 2 * 60 * 60_000)
      const fresh = await untitledDraft()

      await payload.jobs.queue({ task: 'removeAbandonedDrafts', input: {} })
      await payload.jobs.run()

      const remaining = new Set((await payload.find({ collection: 'events', draft: true, pagination: false, depth: 0 })).docs.map((doc) => doc.id))
      expect(remaining.has(abandoned.id)).toBe(false)
      expect(remaining.has(fresh.id)).toBe(true)
      expect(remaining.has(worked.id)).toBe(true)
      expect(remaining.has(titled.id)).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})
