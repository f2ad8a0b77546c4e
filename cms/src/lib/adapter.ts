import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * The few places that speak a database's own language (one atomic conditional write where
 * Payload's update would read first and write after: signups/places.ts, lib/claim.ts; bulk
 * loading in scripts/generate-scale.ts) reach the database through these, so that each such
 * statement is behind the adapter's name and an unexpected adapter fails loudly instead of
 * getting SQL meant for SQLite.
 */
export const isMongo = (payload: Payload): boolean => payload.db.name === 'mongoose'
export const isSqlite = (payload: Payload): boolean => payload.db.name === 'sqlite'

function expect(payload: Payload, name: 'sqlite' | 'mongoose') {
  if (payload.db.name !== name) throw new Error(`This statement is written for the ${name} adapter; the database is ${payload.db.name}.`)
}

/** The SQLite adapter's libsql client (SQLite only). */
export function sqliteClient(payload: Payload): SQLiteAdapter['client'] {
  expect(payload, 'sqlite')
  return (payload.db as unknown as SQLiteAdapter).client
}

/** The SQLite adapter's Drizzle instance (SQLite only). */
export function sqliteDrizzle(payload: Payload): SQLiteAdapter['drizzle'] {
  expect(payload, 'sqlite')
  return (payload.db as unknown as SQLiteAdapter).drizzle
}

/** The MongoDB adapter, with its Mongoose models and sessions (MongoDB only). */
export function mongoAdapter(payload: Payload): MongooseAdapter {
  expect(payload, 'mongoose')
  return payload.db as unknown as MongooseAdapter
}
