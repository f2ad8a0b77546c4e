import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`signups_companions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`first_name\` text,
  	\`age_group\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`signups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`signups_companions_order_idx\` ON \`signups_companions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`signups_companions_parent_id_idx\` ON \`signups_companions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`signup_places\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`target\` text NOT NULL,
  	\`taken\` numeric DEFAULT 0 NOT NULL,
  	\`last_position\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`signup_places_target_idx\` ON \`signup_places\` (\`target\`);`)
  await db.run(sql`CREATE INDEX \`signup_places_updated_at_idx\` ON \`signup_places\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signup_places_created_at_idx\` ON \`signup_places\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`capacity\` numeric;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_capacity\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`capacity\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_capacity\` numeric;`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`participants\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`place\` text;`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`waitlist_position\` numeric;`)
  await db.run(sql`CREATE INDEX \`signups_place_idx\` ON \`signups\` (\`place\`);`)
  // Signups from before places existed had no limit, so every open participant signup holds its
  // place (one person each, as the form did not ask): the counters (signups/places.ts) start from them.
  await db.run(sql`UPDATE \`signups\` SET \`place\` = 'placed' WHERE \`kind\` = 'participant' AND \`status\` NOT IN ('declined', 'withdrawn');`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`signup_places_id\` integer REFERENCES signup_places(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signup_places_id_idx\` ON \`payload_locked_documents_rels\` (\`signup_places_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`signups_companions\`;`)
  await db.run(sql`DROP TABLE \`signup_places\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`activity_types_id\` integer,
  	\`target_groups_id\` integer,
  	\`departments_id\` integer,
  	\`activities_id\` integer,
  	\`events_id\` integer,
  	\`pages_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`site_builds_id\` integer,
  	\`translation_usage_id\` integer,
  	\`signups_id\` integer,
  	\`child_certificates_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activity_types_id\`) REFERENCES \`activity_types\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activities_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translation_usage_id\`) REFERENCES \`translation_usage\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signups_id\`) REFERENCES \`signups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`child_certificates_id\`) REFERENCES \`child_certificates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "activity_types_id", "target_groups_id", "departments_id", "activities_id", "events_id", "pages_id", "media_id", "users_id", "site_builds_id", "translation_usage_id", "signups_id", "child_certificates_id") SELECT "id", "order", "parent_id", "path", "activity_types_id", "target_groups_id", "departments_id", "activities_id", "events_id", "pages_id", "media_id", "users_id", "site_builds_id", "translation_usage_id", "signups_id", "child_certificates_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_activity_types_id_idx\` ON \`payload_locked_documents_rels\` (\`activity_types_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_target_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`target_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_activities_id_idx\` ON \`payload_locked_documents_rels\` (\`activities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translation_usage_id_idx\` ON \`payload_locked_documents_rels\` (\`translation_usage_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signups_id_idx\` ON \`payload_locked_documents_rels\` (\`signups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_child_certificates_id_idx\` ON \`payload_locked_documents_rels\` (\`child_certificates_id\`);`)
  await db.run(sql`DROP INDEX \`signups_place_idx\`;`)
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`participants\`;`)
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`place\`;`)
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`waitlist_position\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`capacity\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_capacity\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`capacity\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_capacity\`;`)
}
