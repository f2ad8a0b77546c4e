// `npm run backup`: a consistent copy of the CMS's data while it runs, in backups/<time>/
// (BACKUP_DIR or --out moves the folder): the SQLite database, the uploads, manifest.json and
// NOT-INCLUDED.txt (what must be kept elsewhere, such as the secret). On MongoDB the database is
// backed up with Atlas snapshots or mongodump (README "Backups"); the uploads are copied all the same.
//
// The database is copied with SQLite's online backup API (node:sqlite's backup()), in one step:
// the copy is the database as one read transaction saw it, while the CMS goes on writing (WAL
// mode lets a reader and a writer work side by side). Copied a few pages at a time, the backup
// would start again after every write the CMS made in between, and under a steady stream of
// signups it might never finish. (The libsql driver the CMS uses has no backup(); VACUUM INTO
// would be as consistent, but rewrites the file instead of copying its pages.)
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync, backup } from 'node:sqlite'
import { parseArgs } from 'node:util'

import { dataLocation, isMongo, listFiles } from './backup/location.mjs'
import { root, ui } from './lib.mjs'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const backupsDir = path.resolve(values.out ?? process.env.BACKUP_DIR ?? path.join(root, 'backups'))
const location = dataLocation()
const startedAt = new Date()
// Colons are not allowed in Windows file names, nor wanted in a shell.
const name = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')
const target = path.join(backupsDir, name)
// Written under another name and renamed when complete: a folder named by its time is a whole backup.
const work = `${target}.partial`

/** A path as the operator knows it: from the project root when it is inside it. */
const shown = (file) => (path.relative(root, file).startsWith('..') ? file : path.relative(root, file))
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

async function copyDatabase(file) {
  if (!fs.existsSync(file)) throw new Error(`No database at ${file} (DATABASE_URI / DATA_DIR): nothing to back up.`)
  const source = new DatabaseSync(file, { timeout: 10_000 })
  const copy = path.join(work, path.basename(file))
  try {
    // 2^31-1 pages: every page in one step (see above).
    const pages = await backup(source, copy, { rate: 2 ** 31 - 1 })
    const check = new DatabaseSync(copy)
    let facts
    try {
      // One self-contained file (the copy says WAL like its source, and would get -wal and -shm
      // files beside it when opened); the CMS turns WAL on again when it opens the restored file.
      check.exec('PRAGMA journal_mode=DELETE')
      const integrity = check.prepare('PRAGMA integrity_check').get().integrity_check
      if (integrity !== 'ok') throw new Error(`the copy of the database failed SQLite's integrity check: ${integrity}`)
      const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
      const rows = Object.fromEntries(tables.map(({ name: table }) => [table, check.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get().n]))
      facts = { file: path.basename(file), pages, sqliteVersion: check.prepare('SELECT sqlite_version() AS v').get().v, rows }
    } finally {
      check.close()
    }
    return { ...facts, bytes: fs.statSync(copy).size, sha256: sha256(copy) }
  } finally {
    source.close()
  }
}

function copyUploads() {
  // After the database: every upload a document in the copy names was on disk before it was
  // saved, so it is here too (a file uploaded meanwhile may be here without its document).
  const files = listFiles(location.mediaDir)
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(work, 'media', file)), { recursive: true, mode: 0o700 })
    fs.copyFileSync(path.join(location.mediaDir, file), path.join(work, 'media', file))
  }
  return { folder: 'media', files: files.length, bytes: files.reduce((sum, file) => sum + fs.statSync(path.join(work, 'media', file)).size, 0) }
}

const notIncluded = (mongo) => [
  ...(mongo
    ? ['The MongoDB database (DATABASE_URI): back it up with Atlas snapshots or mongodump, see README "Backups".']
    : []),
  `The secret that signs logins (PAYLOAD_SECRET, or ${shown(location.secretFile)} when it is not set). Keep it apart from the backups, e.g. in a password manager. Restored without it, the data is all there, but everyone must log in again.`,
  'Settings in the environment: SMTP_URL and its password, DeepL/LibreTranslate keys, SITE_BUILD_HOOK_URL, TRUST_PROXY and the rest (README "Settings").',
  `E-mails written to ${shown(path.join(location.dataDir, 'outbox'))}/ when SMTP_URL is not set: copies of messages to people, kept out on purpose.`,
  'The built site (site/releases/): it is built again from the restored CMS (npm run build).',
  'The CMS logs: wherever the process manager keeps them.',
]

fs.mkdirSync(backupsDir, { recursive: true })
// Signups are personal data: only this user can read the backup.
fs.mkdirSync(work, { mode: 0o700 })
try {
  ui.step(`Backing up ${isMongo() ? 'the uploads' : 'the database and the uploads'} to ${target}`)
  const manifest = { startedAt: startedAt.toISOString(), database: null, uploads: null, notIncluded: notIncluded(isMongo()) }
  if (location.databaseFile) manifest.database = await copyDatabase(location.databaseFile)
  manifest.uploads = copyUploads()
  manifest.finishedAt = new Date().toISOString()
  fs.writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
  fs.writeFileSync(path.join(work, 'NOT-INCLUDED.txt'), `Not in this backup (keep these elsewhere):\n\n${manifest.notIncluded.map((line) => `- ${line}`).join('\n')}\n`, { mode: 0o600 })
  for (const file of listFiles(work)) fs.chmodSync(path.join(work, file), 0o600)
  fs.renameSync(work, target)
  const signups = manifest.database?.rows?.signups
  ui.ok(`Backup complete: ${target}${manifest.database ? ` (database ${(manifest.database.bytes / 1e6).toFixed(1)} MB${signups === undefined ? '' : `, ${signups} signups`})` : ''}, ${manifest.uploads.files} uploads`)
  if (isMongo()) ui.warn('The database is on MongoDB and not in this backup: use Atlas snapshots or mongodump (README "Backups").')
  console.log(`Not included (see NOT-INCLUDED.txt): the secret (PAYLOAD_SECRET), settings, the outbox, the built site.`)
  console.log(`Restore with: npm run restore -- ${path.relative(process.cwd(), target) || target}`)
} catch (error) {
  fs.rmSync(work, { recursive: true, force: true })
  ui.fail(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
