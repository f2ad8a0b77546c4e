import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseSteps } from '../../scripts/lib.mjs'

/**
 * The MongoDB path, up to the connection: no MongoDB server can be installed on these machines
 * (see README, "MongoDB"). With a mongodb:// DATABASE_URI the CMS chooses the MongoDB adapter,
 * takes no SQLite step (no migrations, no SQLite file, no WAL flush) and declares the indexes
 * the hot queries need, which the adapter builds when it connects. Payload is initialised here
 * without connecting: the Mongoose models and their indexes are what MongoDB would be given.
 */
let payload: Payload
let dir: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-mongodb-'))
  // Nothing listens on port 9: a connection attempt would fail, and none is made.
  process.env.DATABASE_URI = 'mongodb://127.0.0.1:9/drk?replicaSet=rs0'
  process.env.DATA_DIR = dir
  process.env.PAYLOAD_SECRET = crypto.randomBytes(24).toString('hex')
  process.env.SITE_AUTO_BUILD = 'false'
  process.env.DISABLE_JOBS = 'true'
  const { default: config } = await import('../src/payload.config')
  payload = await getPayload({ config, disableDBConnect: true, disableOnInit: true })
})

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The fields MongoDB indexes in a collection (`a.b` for nested, `slug.da` for localized ones). */
function indexedFields(slug: string, versions = false): { fields: string[]; unique: string[] } {
  const models = versions ? (payload.db as unknown as { versions: Record<string, ModelLike> }).versions : (payload.db as unknown as { collections: Record<string, ModelLike> }).collections
  const indexes = models[slug]!.schema.indexes()
  return {
    fields: indexes.flatMap(([keys]) => Object.keys(keys)),
    unique: indexes.filter(([, options]) => options?.unique).flatMap(([keys]) => Object.keys(keys)),
  }
}
type ModelLike = { schema: { indexes: () => [Record<string, unknown>, { unique?: boolean } | undefined][] } }

describe('DATABASE_URI=mongodb://…', () => {
  it('chooses the MongoDB adapter, with transactions when the URI names a replica set', async () => {
    expect(payload.db.name).toBe('mongoose')
    // Left on: the adapter turns them off by itself on connecting to a server without a replica set.
    expect((payload.db as unknown as { transactionOptions: unknown }).transactionOptions).toEqual({})
    const { databaseAdapter } = await import('../src/lib/database')
    expect(databaseAdapter('mongodb+srv://cluster0.example.mongodb.net/drk').name).toBe('mongoose')
    expect(databaseAdapter(`file:${path.join(dir, 'other.db')}`).name).toBe('sqlite')
  })

  it('takes no SQLite step: no migrations at start, no SQLite file, no WAL flush', async () => {
    expect(databaseSteps({ uri: process.env.DATABASE_URI }).map((step: { args: string[] }) => step.args[0])).toEqual(['run'])
    expect(databaseSteps({ uri: 'mongodb+srv://cluster0.example.mongodb.net/drk' }).some((step: { args: string[] }) => step.args[0] === 'migrate')).toBe(false)
    // The same call on SQLite migrates first: the test above can fail.
    expect(databaseSteps({ uri: 'file:./data/drk.db' })[0]?.args).toEqual(['migrate'])
    const { syncedToDisk } = await import('../src/lib/database')
    await syncedToDisk()
    expect(fs.readdirSync(dir).filter((file) => file.endsWith('.db') || file.endsWith('-wal'))).toEqual([])
  })

  it('declares SQLite-only statements as such', async () => {
    const { sqliteClient, sqliteDrizzle, mongoAdapter } = await import('../src/lib/adapter')
    expect(() => sqliteClient(payload)).toThrow(/sqlite adapter/)
    expect(() => sqliteDrizzle(payload)).toThrow(/sqlite adapter/)
    expect(mongoAdapter(payload)).toBe(payload.db)
  })

  it.each(['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages'])('indexes %s by slug (unique), publication status and dates', (slug) => {
    const { fields, unique } = indexedFields(slug)
    expect(unique.some((field) => field === 'slug' || field.startsWith('slug.'))).toBe(true)
    expect(fields).toEqual(expect.arrayContaining(['_status', 'createdAt', 'updatedAt']))
    // Drafts and versions: the admin's version lists ask by parent and by status.
    expect(indexedFields(slug, true).fields).toEqual(expect.arrayContaining(['parent', 'version._status']))
  })

  it.each(['activities', 'events'])('indexes %s by department', (slug) => {
    expect(indexedFields(slug).fields).toContain('department')
  })

  it('indexes events by their dates (upcoming events)', () => {
    expect(indexedFields('events').fields).toEqual(expect.arrayContaining(['startsAt', 'endsAt']))
  })

  it('indexes signups by target, status, place, department and contact, and their counters by target', () => {
    expect(indexedFields('signups').fields).toEqual(expect.arrayContaining(['activity', 'event', 'status', 'place', 'department', 'email', 'phone', 'closedAt']))
    expect(indexedFields('signup-places').unique).toContain('target')
    expect(indexedFields('child-certificates').fields).toEqual(expect.arrayContaining(['department', 'volunteerEmail']))
  })
})
