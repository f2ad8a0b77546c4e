import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { isMongo, mongoAdapter, sqliteDrizzle } from './adapter'

/**
 * Sets an empty date field on one document, and answers whether this call was the one that set
 * it: one conditional write in the database (`UPDATE … WHERE field IS NULL` on SQLite, one
 * `findOneAndUpdate` on MongoDB), so of two processes, job retries or requests racing for the
 * same document exactly one wins. Payload's own update reads first and writes after, and two
 * racers would both see the field empty.
 *
 * The write bypasses Payload's hooks on purpose: it is a marker ("the reminder is ours to send",
 * "this cancellation is ours to carry out"); whoever wins then goes through Payload as usual.
 * `release` empties the field again (a reminder that could not be sent).
 */
const column = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
const safeName = /^[a-zA-Z][a-zA-Z0-9_-]*$/

function check(collection: string, field: string) {
  if (!safeName.test(collection) || !safeName.test(field)) throw new Error('claim: unexpected collection or field name')
}


export async function claimField(payload: Payload, { collection, id, field, at }: { collection: string; id: number | string; field: string; at: Date }): Promise<boolean> {
  check(collection, field)
  if (isMongo(payload)) {
    const model = mongoAdapter(payload).collections[collection]!
    const before = await model.findOneAndUpdate({ _id: id, $or: [{ [field]: null }, { [field]: { $exists: false } }] }, { $set: { [field]: at } })
    return before !== null
  }
  const db = sqliteDrizzle(payload)
  const table = column(collection).replace(/-/g, '_')
  const result = await db.run(sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column(field))} = ${at.toISOString()} WHERE id = ${id} AND ${sql.identifier(column(field))} IS NULL`)
  return result.rowsAffected === 1
}

export async function releaseField(payload: Payload, { collection, id, field }: { collection: string; id: number | string; field: string }): Promise<void> {
  check(collection, field)
  if (isMongo(payload)) {
    const model = mongoAdapter(payload).collections[collection]!
    await model.updateOne({ _id: id }, { $set: { [field]: null } })
    return
  }
  const db = sqliteDrizzle(payload)
  await db.run(sql`UPDATE ${sql.identifier(column(collection).replace(/-/g, '_'))} SET ${sql.identifier(column(field))} = NULL WHERE id = ${id}`)
}
