import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// `autoIncrement: true` on the SQLite adapter: a deleted row's ID is never given out again (plain
// INTEGER PRIMARY KEY takes max(id)+1, so deleting the newest event gave its ID, and with it its
// calendar UID and HSDS ID, to the next one). SQLite cannot alter a primary key, so each table
// whose ID the adapter now declares AUTOINCREMENT is rebuilt. The tables are those
// `migrate:create` listed; its .json snapshot is kept as generated, but not its statements: they
// turned foreign keys back on after the first table, so dropping each further table ran its ON
// DELETE actions (versions lost their parent, children were deleted). Here each table is rebuilt
// from its own stored schema with only the ID column changed, its rows copied with their IDs
// (which also starts its sequence at the highest one), its indexes recreated as they were; foreign
// keys stay off until every table is done and checked, all in one transaction, so a failure
// leaves the database as it was.

const tables = [
  'activity_types',
  '_activity_types_v',
  'target_groups',
  '_target_groups_v',
  'departments',
  '_departments_v',
  'activities_schedule_weekdays',
  'activities_schedule_next_period_weekdays',
  'activities_languages',
  'activities',
  '_activities_v_version_schedule_weekdays',
  '_activities_v_version_schedule_next_period_weekdays',
  '_activities_v_version_schedule_exceptions',
  '_activities_v_version_languages',
  '_activities_v',
  'events_languages',
  'events',
  '_events_v_version_languages',
  '_events_v',
  'pages',
  '_pages_v',
  'media',
  'users',
  'site_builds',
  'signups',
  'child_certificates',
  'payload_kv',
  'payload_jobs',
  'payload_locked_documents',
  'payload_preferences',
  'payload_migrations',
  'site_settings',
  'navigation',
  'payload_jobs_stats',
]

const plainID = '`id` integer PRIMARY KEY NOT NULL'
const autoIncrementID = '`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL'

type DB = MigrateUpArgs['db']

async function rebuild(db: DB, table: string, from: string, to: string): Promise<void> {
  const [created] = await db.all<{ sql: string }>(sql`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${table}`)
  if (!created || created.sql.split(from).length !== 2) throw new Error(`${table}: expected one ${from} in ${created?.sql}`)
  const indexes = await db.all<{ sql: string }>(sql`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL`)
  const rebuilt = `__new_${table}`
  // Only the name and the ID column change: columns, defaults, constraints and foreign keys stay as stored.
  await db.run(sql.raw(created.sql.replace(/^CREATE TABLE\s+(`[^`]+`|"[^"]+"|\S+)/, `CREATE TABLE \`${rebuilt}\``).replace(from, to)))
  await db.run(sql.raw(`INSERT INTO \`${rebuilt}\` SELECT * FROM \`${table}\``))
  await db.run(sql.raw(`DROP TABLE \`${table}\``))
  await db.run(sql.raw(`ALTER TABLE \`${rebuilt}\` RENAME TO \`${table}\``))
  for (const index of indexes) await db.run(sql.raw(index.sql))
}

async function rebuildAll(db: DB, from: string, to: string): Promise<void> {
  // A no-op inside a transaction, so set before it: with foreign keys on, DROP TABLE would run the
  // children's ON DELETE actions.
  await db.run(sql`PRAGMA foreign_keys=OFF`)
  try {
    await db.run(sql`BEGIN`)
    try {
      for (const table of tables) await rebuild(db, table, from, to)
      const broken = await db.all(sql`PRAGMA foreign_key_check`)
      if (broken.length) throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.slice(0, 5))}`)
      await db.run(sql`COMMIT`)
    } catch (error) {
      await db.run(sql`ROLLBACK`)
      throw error
    }
  } finally {
    await db.run(sql`PRAGMA foreign_keys=ON`)
  }
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await rebuildAll(db, plainID, autoIncrementID)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await rebuildAll(db, autoIncrementID, plainID)
  await db.run(sql.raw(`DELETE FROM sqlite_sequence WHERE name IN (${tables.map((table) => `'${table}'`).join(', ')})`))
}
