// Where the CMS keeps its data, read the same way as cms/src/lib/paths.ts and cms/src/lib/database.ts
// (DATA_DIR from the working directory, a relative `file:` DATABASE_URI from the project root),
// so that `npm run backup` and `npm run restore` find the files the CMS writes.
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { root } from '../lib.mjs'

export const isMongo = (uri = process.env.DATABASE_URI) => Boolean(uri && /^mongodb(\+srv)?:\/\//.test(uri))

export function dataLocation(env = process.env) {
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(root, 'data')
  let databaseFile
  if (!isMongo(env.DATABASE_URI)) {
    const uri = env.DATABASE_URI
    if (uri && !uri.startsWith('file:')) throw new Error(`DATABASE_URI must start with file:, mongodb:// or mongodb+srv:// (got "${uri.split(':')[0]}:...")`)
    const file = uri ? uri.slice('file:'.length) : path.join(dataDir, 'drk.db')
    databaseFile = path.isAbsolute(file) ? file : path.resolve(root, file)
  }
  return {
    dataDir,
    /** The SQLite file; undefined on MongoDB. */
    databaseFile,
    /** Uploads (the Media collection's staticDir, cms/src/collections/Media.ts). */
    mediaDir: path.join(dataDir, 'media'),
    secretFile: path.join(dataDir, '.payload-secret'),
  }
}

/**
 * Whether another process has the SQLite file open (the CMS, a seed, a backup). In WAL mode every
 * open connection holds a shared lock on the database file for as long as it is open, idle or
 * not, so an exclusive lock can only be had when nobody else has the file open. This asks the
 * operating system, so it holds whatever port the CMS listens on and leaves nothing stale behind
 * after a crash (a pid file would). Nothing is written.
 */
export function databaseInUse(file) {
  if (!fs.existsSync(file)) return false
  const db = new DatabaseSync(file, { timeout: 0 })
  try {
    db.exec('PRAGMA locking_mode=EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    db.exec('ROLLBACK')
    return false
  } catch (error) {
    if (/locked|busy/i.test(error.message)) return true
    throw error
  } finally {
    db.close()
  }
}

/** Every file under `dir` (relative paths), for the manifest and the checks. */
export function listFiles(dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}
