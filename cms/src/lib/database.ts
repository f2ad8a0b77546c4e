import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { isMongoUri } from '../../../core/database'
import { migrations } from '../migrations/index'
import { escapeLikeWildcards } from './likeEscape'
import { dataDir, repoRoot } from './paths'

/**
 * `DATABASE_URI` chooses the adapter: unset or `file:` → SQLite (the embedded default, schema
 * from committed migrations, never from dev push); `mongodb://` / `mongodb+srv://` → MongoDB.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  if (isMongoUri(uri)) {
    return mongooseAdapter({
      url: uri!,
      // MongoDB needs no schema migrations: its indexes are the fields' `index`/`unique` and the
      // collections' `indexes`, built when the CMS connects, and awaited there so that the
      // unique slugs hold before the first write. (cms/src/migrations/ is SQLite's: a MongoDB
      // migration, if one is ever needed, goes in its own folder.)
      ensureIndexes: true,
      migrationDir: path.join(repoRoot, 'cms', 'src', 'migrations-mongodb'),
      // Transactions: the adapter uses them when the connection names a replica set (Atlas's
      // mongodb+srv:// addresses always do; mongodb://…?replicaSet=rs0 for one of your own) and
      // turns them off by itself on a single server, where MongoDB has none.
      transactionOptions: {},
    })
  }
  const adapter = sqliteAdapter({
    client: { url: sqliteUrl(uri) },
    migrationDir: path.join(repoRoot, 'cms', 'src', 'migrations'),
    prodMigrations: migrations,
    push: false,
    // Without AUTOINCREMENT SQLite gives a new row max(id)+1, so the newest document's ID came back
    // after it was deleted, and with it the calendar UID and HSDS ID that derive from the ID: a
    // calendar would have taken the new event for the deleted one moved. (MongoDB's ObjectIDs
    // never repeat.) The option is the adapter's, for every table.
    autoIncrement: true,
    // WAL with synchronous=NORMAL: a commit is written to the WAL but not fsynced, so it no longer
    // stops the whole CMS (the SQLite driver is synchronous) for a disk flush. The database stays
    // consistent after a power cut; the last commits before it may be gone. Where an answer
    // promises that something is stored (a signup), the code waits for syncedToDisk() first.
    wal: { synchronous: 'NORMAL' },
    // The CMS, its jobs and scripts (seed, create-user) share the file: wait for a writer instead of failing.
    busyTimeout: 10_000,
  })
  const init = adapter.init
  return { ...adapter, init: (args) => escapeLikeWildcards(init(args)) }
}

/** A relative `file:` URL is resolved against the project root once, whatever the working directory. */
export function sqliteUrl(uri: string | undefined): string {
  if (!uri) {
    fs.mkdirSync(dataDir, { recursive: true })
    return `file:${path.join(dataDir, 'drk.db')}`
  }
  if (!uri.startsWith('file:')) {
    throw new Error(`DATABASE_URI must start with file:, mongodb:// or mongodb+srv:// (got "${uri.split(':')[0]}:...")`)
  }
  const file = uri.slice('file:'.length)
  const absolute = path.isAbsolute(file) ? file : path.resolve(repoRoot, file)
  fs.mkdirSync(path.dirname(absolute), { recursive: true })
  return `file:${absolute}`
}

/**
 * PAYLOAD_SECRET signs login sessions. Production sets it; on the embedded default a random one
 * is made once and kept in data/ so that logins survive a restart.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  if (process.env.NODE_ENV === 'production' && isMongoUri(process.env.DATABASE_URI)) {
    throw new Error('PAYLOAD_SECRET must be set when running on MongoDB in production')
  }
  const file = path.join(dataDir, '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir, { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

const sqliteFiles = new Map<string, string | undefined>()
/** The SQLite file a `file:` URL names; undefined on MongoDB (its write concern makes writes durable). */
function sqliteFile(uri = process.env.DATABASE_URI): string | undefined {
  const key = uri ?? ''
  if (!sqliteFiles.has(key)) sqliteFiles.set(key, isMongoUri(uri) ? undefined : sqliteUrl(uri).slice('file:'.length))
  return sqliteFiles.get(key)
}

/** fs.open, fs.fdatasync and fs.close on libuv's thread pool (plain descriptors: no FileHandle to track). */
const openFile = (file: string) => new Promise<number>((resolve, reject) => fs.open(file, 'r', (error, fd) => (error ? reject(error) : resolve(fd))))
const datasync = (fd: number) => new Promise<void>((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())))

async function flush(file: string): Promise<void> {
  // A commit with synchronous=NORMAL sits in the WAL file; an fdatasync from any descriptor of
  // that file makes it durable. Without a WAL file (not created yet) the database file is it.
  const fd = await openFile(`${file}-wal`).catch(() => openFile(file))
  try {
    await datasync(fd)
  } finally {
    fs.close(fd, () => undefined)
  }
}

const disk = globalThis as typeof globalThis & { __diskSync?: { running?: Promise<void>; next?: Promise<void> } }
const syncs = (disk.__diskSync ??= {})

/**
 * Resolves once everything committed before the call is on disk (what synchronous=FULL gave each
 * commit), without blocking the event loop: the flush runs on libuv's thread pool, and callers
 * that arrive while one runs share the next one (group commit).
 */
export function syncedToDisk(): Promise<void> {
  const file = sqliteFile()
  if (!file) return Promise.resolve()
  const start = (): Promise<void> => {
    const running: Promise<void> = flush(file).finally(() => {
      if (syncs.running === running) syncs.running = undefined
    })
    syncs.running = running
    return running
  }
  // A flush already under way may have started before this caller's commit: wait for the next.
  if (!syncs.running) return start()
  syncs.next ??= syncs.running
    .catch(() => undefined)
    .then(() => {
      syncs.next = undefined
      return syncs.running ?? start()
    })
  return syncs.next
}
