import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as autoIncrement from '../src/migrations/20261201_053026_autoincrement_ids'
import { seed, seedContext } from '../src/seed/index'
import { startPayload } from './payload'

/**
 * Calendar UIDs and HSDS IDs derive from a document's ID, so an ID must never come back after a
 * delete. The database here holds the seed's content with its tables as they were before the
 * migration that turns on AUTOINCREMENT (its `down`: the seed needs today's columns, which later
 * migrations added), then that migration runs, as on an existing installation.
 */

type Row = Record<string, unknown>
interface Snapshot {
  rows: Record<string, string[]>
  indexes: string[]
  foreignKeys: Record<string, Row[]>
}

let payload: Payload
let stop: () => Promise<void>
let before: Snapshot
let after: Snapshot

const client = () => (payload.db as unknown as SQLiteAdapter).client
const query = async (statement: string): Promise<Row[]> => (await client().execute(statement)).rows.map((row) => ({ ...row }))

/** Every table's rows (columns in name order, rows sorted: a rebuilt table may list them in another order), every index and foreign key. */
async function snapshot(): Promise<Snapshot> {
  const tables = (await query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).map((row) => String(row.name))
  const rows: Snapshot['rows'] = {}
  const foreignKeys: Snapshot['foreignKeys'] = {}
  for (const table of tables) {
    rows[table] = (await query(`SELECT * FROM "${table}"`))
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))))
      .sort()
    foreignKeys[table] = await query(`PRAGMA foreign_key_list("${table}")`)
  }
  const indexes = (await query(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`)).map((row) => `${row.tbl_name}: ${row.sql ?? row.name}`)
  return { rows, indexes, foreignKeys }
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await seed(payload)
  // Rows the seed leaves out: an old address (a `_texts` row) and an editor's departments (`_rels`).
  const { docs } = await payload.find({ collection: 'activities', where: { _status: { equals: 'published' } }, limit: 1, depth: 0 })
  await payload.update({ collection: 'activities', id: docs[0]!.id, data: { slug: `${docs[0]!.slug}-ny`, _status: 'published' }, context: seedContext })
  await payload.create({
    collection: 'users',
    data: { email: 'afdeling@example.org', password: 'hemmelig-og-lang', role: 'department-editor', departments: [docs[0]!.department as number] },
  })
  const args = { db: (payload.db as unknown as SQLiteAdapter).drizzle, payload, req: {} } as unknown as Parameters<typeof autoIncrement.up>[0]
  await autoIncrement.down(args)
  before = await snapshot()
  await autoIncrement.up(args)
  after = await snapshot()
})
afterAll(async () => stop())

describe('document IDs are never reused', () => {
  it('an existing database keeps every row, ID, index and foreign key through the migration', async () => {
    expect(before.rows.activities!.length).toBeGreaterThan(10)
    expect(before.rows._activities_v_locales!.length).toBeGreaterThan(10)
    expect(before.rows.activities_texts).toHaveLength(1)
    expect(before.rows.users_rels).toHaveLength(1)
    expect(after.rows).toEqual(before.rows)
    expect(after.indexes).toEqual(before.indexes)
    expect(after.foreignKeys).toEqual(before.foreignKeys)
    expect(await query('PRAGMA foreign_key_check')).toEqual([])
    expect(await query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    const autoIncremented = await query(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'`)
    expect(autoIncremented.map((row) => row.name)).toEqual(expect.arrayContaining(['activities', 'events', '_activities_v', 'departments', 'pages']))
  })

  it.each(['activities', 'events'] as const)('%s: a new document does not get the ID of the newest one deleted', async (collection) => {
    const { docs } = await payload.find({ collection, limit: 1, depth: 0 })
    const data = { ...docs[0]!, slug: undefined, previousSlugs: undefined, id: undefined, _status: 'draft' as const }
    const first = await payload.create({ collection, data: { ...data, slug: `${collection}-en` }, context: seedContext })
    const second = await payload.create({ collection, data: { ...data, slug: `${collection}-to` }, context: seedContext })
    expect(Number(second.id)).toBeGreaterThan(Number(first.id))
    await payload.delete({ collection, id: second.id, context: seedContext })
    const third = await payload.create({ collection, data: { ...data, slug: `${collection}-tre` }, context: seedContext })
    expect(third.id).not.toBe(second.id)
    expect(Number(third.id)).toBeGreaterThan(Number(second.id))
  })
})
