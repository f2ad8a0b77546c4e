import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations/index'
import { dataDir, repoRoot } from './paths'

/**
 * `DATABASE_URI` chooses the adapter: unset or `file:` → SQLite (the embedded default, schema
 * from committed migrations, never from dev push); `mongodb://` / `mongodb+srv://` → MongoDB.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  if (uri && /^mongodb(\+srv)?:\/\//.test(uri)) {
    return mongooseAdapter({ url: uri })
  }
  return sqliteAdapter({
    client: { url: sqliteUrl(uri) },
    migrationDir: path.join(repoRoot, 'cms', 'src', 'migrations'),
    prodMigrations: migrations,
    push: false,
    wal: true,
    // The CMS, its jobs and scripts (seed, create-user) share the file: wait for a writer instead of failing.
    busyTimeout: 10_000,
  })
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
  if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URI?.startsWith('mongodb')) {
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
