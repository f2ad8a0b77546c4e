import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`attendance\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`meeting\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`event_id\` integer,
  	\`activity_id\` integer,
  	\`department_id\` integer NOT NULL,
  	\`starts_at\` text NOT NULL,
  	\`headcount\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`activity_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`attendance_meeting_idx\` ON \`attendance\` (\`meeting\`);`)
  await db.run(sql`CREATE INDEX \`attendance_event_idx\` ON \`attendance\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_activity_idx\` ON \`attendance\` (\`activity_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_department_idx\` ON \`attendance\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_starts_at_idx\` ON \`attendance\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`attendance_updated_at_idx\` ON \`attendance\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`attendance_created_at_idx\` ON \`attendance\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`attendance_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`signups_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`attendance\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signups_id\`) REFERENCES \`signups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`attendance_rels_order_idx\` ON \`attendance_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`attendance_rels_parent_idx\` ON \`attendance_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_rels_path_idx\` ON \`attendance_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`attendance_rels_signups_id_idx\` ON \`attendance_rels\` (\`signups_id\`);`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`attended_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`last_attended_on\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`attendance_id\` integer REFERENCES attendance(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_attendance_id_idx\` ON \`payload_locked_documents_rels\` (\`attendance_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`attendance\`;`)
  await db.run(sql`DROP TABLE \`attendance_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`attended_count\`;`)
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`last_attended_on\`;`)
}
