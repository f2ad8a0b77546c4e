import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`signups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`kind\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`email\` text,
  	\`phone\` text,
  	\`language\` text NOT NULL,
  	\`message\` text,
  	\`activity_id\` integer,
  	\`event_id\` integer,
  	\`department_id\` integer NOT NULL,
  	\`consent_at\` text NOT NULL,
  	\`consent_version\` text NOT NULL,
  	\`closed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`activity_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`signups_status_idx\` ON \`signups\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`signups_email_idx\` ON \`signups\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`signups_phone_idx\` ON \`signups\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`signups_activity_idx\` ON \`signups\` (\`activity_id\`);`)
  await db.run(sql`CREATE INDEX \`signups_event_idx\` ON \`signups\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`signups_department_idx\` ON \`signups\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`signups_closed_at_idx\` ON \`signups\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`signups_updated_at_idx\` ON \`signups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signups_created_at_idx\` ON \`signups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`child_certificates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`status\` text DEFAULT 'to-request' NOT NULL,
  	\`volunteer_name\` text NOT NULL,
  	\`volunteer_email\` text,
  	\`volunteer_phone\` text,
  	\`activity_id\` integer,
  	\`department_id\` integer NOT NULL,
  	\`signup_id\` integer,
  	\`requested_at\` text,
  	\`cleared_at\` text,
  	\`renew_by\` text,
  	\`stopped_at\` text,
  	\`reminder_sent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`activity_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signup_id\`) REFERENCES \`signups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`child_certificates_status_idx\` ON \`child_certificates\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_volunteer_email_idx\` ON \`child_certificates\` (\`volunteer_email\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_volunteer_phone_idx\` ON \`child_certificates\` (\`volunteer_phone\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_activity_idx\` ON \`child_certificates\` (\`activity_id\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_department_idx\` ON \`child_certificates\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_signup_idx\` ON \`child_certificates\` (\`signup_id\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_renew_by_idx\` ON \`child_certificates\` (\`renew_by\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_stopped_at_idx\` ON \`child_certificates\` (\`stopped_at\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_updated_at_idx\` ON \`child_certificates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`child_certificates_created_at_idx\` ON \`child_certificates\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`signups_id\` integer REFERENCES signups(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`child_certificates_id\` integer REFERENCES child_certificates(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signups_id_idx\` ON \`payload_locked_documents_rels\` (\`signups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_child_certificates_id_idx\` ON \`payload_locked_documents_rels\` (\`child_certificates_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`signups\`;`)
  await db.run(sql`DROP TABLE \`child_certificates\`;`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activity_types_id\`) REFERENCES \`activity_types\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activities_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "activity_types_id", "target_groups_id", "departments_id", "activities_id", "events_id", "pages_id", "media_id", "users_id", "site_builds_id") SELECT "id", "order", "parent_id", "path", "activity_types_id", "target_groups_id", "departments_id", "activities_id", "events_id", "pages_id", "media_id", "users_id", "site_builds_id" FROM \`payload_locked_documents_rels\`;`)
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
}
