import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

/**
 * A real Payload on a temporary SQLite file, migrated with the committed migrations (`before`:
 * only those before the named one, as a database made before it was written).
 * The environment is set before the config is imported, because the config reads it.
 */
export async function startPayload({ before }: { before?: string } = {}): Promise<{ payload: Payload; dir: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-int-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
  process.env.DATA_DIR = dir
  process.env.PAYLOAD_SECRET = crypto.randomBytes(24).toString('hex')
  // No site builds from integration tests: they would build against whatever answers on :3000.
  process.env.SITE_AUTO_BUILD = 'false'
  process.env.DISABLE_JOBS = 'true'
  const { default: config } = await import('../src/payload.config')
  const { migrations } = await import('../src/migrations')
  const payload = await getPayload({ config })
  // The generated migrations are typed for the SQLite adapter; migrate() takes Payload's generic shape.
  type Migrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']
  const upTo = before === undefined ? migrations.length : migrations.findIndex((migration) => migration.name === before)
  if (upTo < 0) throw new Error(`no migration named ${before}`)
  await payload.db.migrate({ migrations: migrations.slice(0, upTo) as unknown as Migrations })
  return {
    payload,
    dir,
    async stop() {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
