import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Payload gives each `*_locales` table only the unique index on (`_locale`, `_parent_id`), but
// loads a document's localized fields with `WHERE _parent_id = ?` (all locales, in a correlated
// subquery per document, and in a join for sorting by a localized field with `locale=all`): without
// an index on `_parent_id` alone, each document scans the whole table.
// Written by hand and without a .json snapshot: `migrate:create` diffs the latest snapshot against
// the schema Payload generates, neither of which has these indexes, so it leaves them alone.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`activity_types_locales__parent_id_idx\` ON \`activity_types_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`_activity_types_v_locales__parent_id_idx\` ON \`_activity_types_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`target_groups_locales__parent_id_idx\` ON \`target_groups_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`_target_groups_v_locales__parent_id_idx\` ON \`_target_groups_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`departments_locales__parent_id_idx\` ON \`departments_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`_departments_v_locales__parent_id_idx\` ON \`_departments_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`activities_locales__parent_id_idx\` ON \`activities_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`_activities_v_locales__parent_id_idx\` ON \`_activities_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`events_locales__parent_id_idx\` ON \`events_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`_events_v_locales__parent_id_idx\` ON \`_events_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`pages_locales__parent_id_idx\` ON \`pages_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`_pages_v_locales__parent_id_idx\` ON \`_pages_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`media_locales__parent_id_idx\` ON \`media_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`site_settings_locales__parent_id_idx\` ON \`site_settings_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`navigation_items_locales__parent_id_idx\` ON \`navigation_items_locales\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`activity_types_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_activity_types_v_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`target_groups_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_target_groups_v_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`departments_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_departments_v_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`activities_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_activities_v_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`events_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_events_v_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`pages_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_pages_v_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`media_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`site_settings_locales__parent_id_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`navigation_items_locales__parent_id_idx\`;`)
}
