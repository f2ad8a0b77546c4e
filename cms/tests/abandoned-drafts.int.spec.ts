import { createLocalReq, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { User } from '../src/payload-types'
import { removeAbandonedDraftsTask } from '../src/collections/removeAbandonedDrafts'
import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>
let editor: User

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Kladdeby', slug: 'kladdeby', town: 'Kladdeby', municipality: 'Kladdeby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  editor = await payload.create({
    collection: 'users',
    data: { email: 'kladde@example.org', password: 'hemmelig-og-lang', role: 'department-editor', departments: [department.id] },
  })
})
afterEach(() => vi.useRealTimers())
afterAll(async () => stop())

/** What "+ Nyt arrangement" does on open (Payload's document view, autosave on): a draft with the form's initial data. */
const openNewEventForm = () => payload.create({ collection: 'events', data: {}, draft: true, depth: 0, overrideAccess: false, user: { ...editor, collection: 'users' } as never, context: seedContext })

/** The admin's autosave: a draft save, which writes a version and leaves the document row alone. */
const autosave = (id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: 'events', id, data, draft: true, autosave: true, depth: 0, overrideAccess: false, user: { ...editor, collection: 'users' } as never, context: seedContext })

async function runJob() {
  const req = await createLocalReq({}, payload)
  // The task's handler as the jobs runner calls it (only `req` is used).
  return (removeAbandonedDraftsTask.handler as (args: { input: Record<string, never>; req: typeof req }) => Promise<{ output: { removed: number } }>)({ input: {}, req })
}

const exists = async (id: number | string) => (await payload.find({ collection: 'events', draft: true, where: { id: { equals: id } }, depth: 0 })).totalDocs === 1

describe('"+ Nyt arrangement" opened and left', () => {
  it('is removed within the hour, while a form someone typed in (title or not) is kept', async () => {
    const left = await openNewEventForm()
    const titled = await openNewEventForm()
    await autosave(titled.id, { title: 'Sommertur' })
    const started = await openNewEventForm()
    // Someone typed a summary a minute after opening, and no title yet.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 })
    await autosave(started.id, { summary: 'Vi tager til stranden' })

    // Half an hour later: nothing is removed yet (the editor may still be reading).
    vi.setSystemTime(Date.now() + 30 * 60_000)
    await runJob()
    expect(await exists(left.id)).toBe(true)

    // Two hours later: the untouched one is gone; the others stay.
    vi.setSystemTime(Date.now() + 90 * 60_000)
    expect((await runJob()).output.removed).toBe(1)
    expect(await exists(left.id)).toBe(false)
    expect(await exists(titled.id)).toBe(true)
    expect(await exists(started.id)).toBe(true)
  })

  it('runs often enough that an untitled draft does not linger for a day', () => {
    const cron = removeAbandonedDraftsTask.schedule?.[0]?.cron ?? ''
    expect(cron.split(' ')[0]).toMatch(/^\*\/\d+$|^\*$/)
  })
})
