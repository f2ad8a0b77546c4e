import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'
import { rest } from './rest'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop?.())

const get = async (path: string) => {
  const response = await rest(payload, 'GET', path)
  return { status: response.status, cache: response.headers.get('cache-control'), text: await response.text() }
}

describe('GET /api/health', () => {
  it('answers that the process is up, without reading anything', async () => {
    const { status, cache, text } = await get('/health')
    expect(status).toBe(200)
    expect(cache).toBe('no-store')
    expect(JSON.parse(text)).toEqual({ status: 'ok' })
  })
})

describe('GET /api/health/ready', () => {
  it('on a migrated database with no jobs and no builds: ready', async () => {
    const { status, text } = await get('/health/ready')
    expect(status).toBe(200)
    expect(JSON.parse(text)).toEqual({ status: 'ready', database: 'ok', migrations: { status: 'ok' }, jobs: { queued: 0, failed: 0 }, siteBuild: null })
  })

  it('counts the jobs not completed (waiting, and failed for good) and reports the newest site build and its age', async () => {
    const waiting = await payload.jobs.queue({ task: 'removeAbandonedDrafts', input: {} })
    const failed = await payload.jobs.queue({ task: 'personalDataRetention', input: {} })
    await payload.update({ collection: 'payload-jobs', id: failed.id, data: { hasError: true } })
    const done = await payload.jobs.queue({ task: 'certificateReminders', input: {} })
    await payload.update({ collection: 'payload-jobs', id: done.id, data: { completedAt: new Date().toISOString() } })
    await payload.create({ collection: 'site-builds', data: { status: 'failed', summary: 'old', finishedAt: new Date(Date.now() - 3_600_000).toISOString() } })
    // Newest: finished two minutes ago, with an error text that names a server path.
    await payload.create({
      collection: 'site-builds',
      data: { status: 'succeeded', summary: 'newest', startedAt: new Date(Date.now() - 180_000).toISOString(), finishedAt: new Date(Date.now() - 120_000).toISOString(), error: 'at /srv/drk/site/x.astro' },
    })
    try {
      const { status, text } = await get('/health/ready')
      expect(status).toBe(200)
      const body = JSON.parse(text)
      expect(body.jobs).toEqual({ queued: 1, failed: 1 })
      expect(body.siteBuild.status).toBe('succeeded')
      expect(body.siteBuild.finishedSecondsAgo).toBeGreaterThanOrEqual(119)
      expect(body.siteBuild.finishedSecondsAgo).toBeLessThan(600)
      expect(text).not.toContain('/srv/')
      expect(text).not.toContain('newest')
    } finally {
      await payload.delete({ collection: 'payload-jobs', where: { id: { in: [waiting.id, failed.id, done.id] } } })
      await payload.delete({ collection: 'site-builds', where: { id: { exists: true } } })
    }
  })

  it('a build still running has no finished age', async () => {
    await payload.create({ collection: 'site-builds', data: { status: 'running', startedAt: new Date().toISOString() } })
    try {
      const body = JSON.parse((await get('/health/ready')).text)
      expect(body.siteBuild).toEqual({ status: 'running', finishedSecondsAgo: null })
    } finally {
      await payload.delete({ collection: 'site-builds', where: { id: { exists: true } } })
    }
  })

  it('a committed migration missing from the database: not ready (503), with how many', async () => {
    const { docs } = await payload.find({ collection: 'payload-migrations', sort: '-createdAt', limit: 1 })
    const last = docs[0]!
    await payload.delete({ collection: 'payload-migrations', id: last.id })
    try {
      const { status, text } = await get('/health/ready')
      expect(status).toBe(503)
      expect(JSON.parse(text)).toMatchObject({ status: 'not-ready', database: 'ok', migrations: { status: 'pending', pending: 1 } })
    } finally {
      await payload.create({ collection: 'payload-migrations', data: { name: last.name, batch: last.batch } })
    }
    expect((await get('/health/ready')).status).toBe(200)
  })

  it('says nothing about people, versions or paths: only the known keys, whoever asks', async () => {
    await payload.create({ collection: 'users', data: { email: 'health-person@example.org', password: 'a long password here', role: 'admin', name: 'Sensitive Name' } })
    const { text } = await get('/health/ready')
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['database', 'jobs', 'migrations', 'siteBuild', 'status'])
    expect(text).not.toMatch(/example\.org|Sensitive|3\.90|payload@|drk-int-|\/tmp|node_modules/i)
  })
})

describe('GET /api/health/ready when the database is gone', () => {
  it('is not ready (503) and says the database failed; the liveness check still answers', async () => {
    // The SQLite client closed under the CMS: every query fails, as with a lost volume.
    const client = (payload.db as unknown as { client: { close: () => void } }).client
    client.close()
    const { status, text } = await get('/health/ready')
    expect(status).toBe(503)
    expect(JSON.parse(text)).toEqual({ status: 'not-ready', database: 'failed', migrations: { status: 'unknown' }, jobs: null, siteBuild: null })
    expect((await get('/health')).status).toBe(200)
  })
})
