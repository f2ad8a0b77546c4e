// `npm run restore -- <backup folder> [--force]`: puts a backup made by `npm run backup` back into
// the data folder (DATA_DIR, the SQLite file of DATABASE_URI). It refuses while any process has
// the database open (the CMS, a seed: scripts/backup/location.mjs says how that is known), and
// when there is data already unless --force; with --force the data it replaces is moved to
// <data folder>/replaced-<time>/, not deleted. The secret is not in a backup and is left as it is.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { parseArgs } from 'node:util'

import { dataLocation, databaseInUse, isMongo, listFiles } from './backup/location.mjs'
import { ui } from './lib.mjs'

function fail(message) {
  ui.fail(message)
  process.exit(1)
}

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true })
if (positionals.length !== 1) fail('Usage: npm run restore -- <backup folder> [--force]   (a folder under backups/ made by npm run backup)')
const from = path.resolve(positionals[0])
const manifestFile = path.join(from, 'manifest.json')
if (!fs.existsSync(manifestFile)) fail(`${from} is not a backup: it has no manifest.json (a folder ending in .partial is an unfinished one).`)
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
const location = dataLocation()

if (isMongo()) fail('DATABASE_URI names MongoDB: restore its database with Atlas or mongorestore (README "Backups"). This command restores the SQLite default.')
if (!manifest.database) fail(`${from} holds no SQLite database (it was made on MongoDB).`)
const backupFile = path.join(from, manifest.database.file)
if (!fs.existsSync(backupFile)) fail(`${backupFile} is missing from the backup.`)
const digest = crypto.createHash('sha256').update(fs.readFileSync(backupFile)).digest('hex')
if (digest !== manifest.database.sha256) fail(`${backupFile} is not the file that was backed up (its checksum differs from manifest.json): it is damaged.`)

const { databaseFile, mediaDir, dataDir, secretFile } = location
if (databaseInUse(databaseFile)) {
  // Even with --force: a file replaced under a running CMS would be overwritten by it, or corrupted.
  fail(`The database ${databaseFile} is in use (the CMS or a script has it open). Stop the CMS first, then restore.`)
}
const existing = [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`].filter((file) => fs.existsSync(file))
const existingUploads = listFiles(mediaDir)
if ((existing.length || existingUploads.length) && !values.force) {
  fail(`There is data already (${[...existing, ...(existingUploads.length ? [`${existingUploads.length} uploads in ${mediaDir}`] : [])].join(', ')}). Restore into an empty data folder, or add --force to move it aside into ${path.join(dataDir, 'replaced-<time>')}/ and restore.`)
}

ui.step(`Restoring the backup of ${manifest.startedAt} into ${dataDir}`)
fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
fs.mkdirSync(dataDir, { recursive: true })
// The copy goes in under a temporary name first, so a failure half-way leaves no half a database.
const incoming = `${databaseFile}.restoring`
fs.copyFileSync(backupFile, incoming)
const check = new DatabaseSync(incoming, { readOnly: true })
const integrity = check.prepare('PRAGMA integrity_check').get().integrity_check
check.close()
for (const leftover of [`${incoming}-wal`, `${incoming}-shm`]) fs.rmSync(leftover, { force: true })
if (integrity !== 'ok') {
  fs.rmSync(incoming, { force: true })
  fail(`The backup's database failed SQLite's integrity check: ${integrity}`)
}

if (existing.length || existingUploads.length) {
  const aside = path.join(dataDir, `replaced-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}`)
  fs.mkdirSync(aside, { mode: 0o700 })
  // The -wal and -shm files go with their database: a WAL left beside the restored file would be
  // read as part of it.
  for (const file of existing) fs.renameSync(file, path.join(aside, path.basename(file)))
  if (fs.existsSync(mediaDir)) fs.renameSync(mediaDir, path.join(aside, 'media'))
  ui.warn(`The data that was there is kept in ${aside}`)
}
fs.renameSync(incoming, databaseFile)
fs.chmodSync(databaseFile, 0o600)
const uploads = listFiles(path.join(from, 'media'))
for (const file of uploads) {
  fs.mkdirSync(path.dirname(path.join(mediaDir, file)), { recursive: true })
  fs.copyFileSync(path.join(from, 'media', file), path.join(mediaDir, file))
}
ui.ok(`Restored ${databaseFile} (${manifest.database.rows?.signups ?? '?'} signups) and ${uploads.length} uploads`)
if (!process.env.PAYLOAD_SECRET && !fs.existsSync(secretFile)) {
  ui.warn(`No secret here: put the old one in ${secretFile} (or set PAYLOAD_SECRET), or a new one is made on start and everyone logs in again.`)
}
console.log('Start the CMS (npm start): it applies any newer migrations to the restored database and rebuilds the site.')
