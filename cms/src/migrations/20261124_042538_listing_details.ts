import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`activities_schedule_weekdays\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`activities_schedule_weekdays_order_idx\` ON \`activities_schedule_weekdays\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`activities_schedule_weekdays_parent_idx\` ON \`activities_schedule_weekdays\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`activities_schedule_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`activities_schedule_exceptions_order_idx\` ON \`activities_schedule_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`activities_schedule_exceptions_parent_id_idx\` ON \`activities_schedule_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`activities_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`activities_languages_order_idx\` ON \`activities_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`activities_languages_parent_idx\` ON \`activities_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`activities_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`target_groups_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`activities_rels_order_idx\` ON \`activities_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`activities_rels_parent_idx\` ON \`activities_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`activities_rels_path_idx\` ON \`activities_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`activities_rels_target_groups_id_idx\` ON \`activities_rels\` (\`target_groups_id\`);`)
  await db.run(sql`CREATE TABLE \`_activities_v_version_schedule_weekdays\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_activities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_activities_v_version_schedule_weekdays_order_idx\` ON \`_activities_v_version_schedule_weekdays\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_version_schedule_weekdays_parent_idx\` ON \`_activities_v_version_schedule_weekdays\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_activities_v_version_schedule_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`reason\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_activities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_activities_v_version_schedule_exceptions_order_idx\` ON \`_activities_v_version_schedule_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_version_schedule_exceptions_parent_id_idx\` ON \`_activities_v_version_schedule_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_activities_v_version_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_activities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_activities_v_version_languages_order_idx\` ON \`_activities_v_version_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_version_languages_parent_idx\` ON \`_activities_v_version_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_activities_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`target_groups_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_activities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_activities_v_rels_order_idx\` ON \`_activities_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_rels_parent_idx\` ON \`_activities_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_rels_path_idx\` ON \`_activities_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_rels_target_groups_id_idx\` ON \`_activities_v_rels\` (\`target_groups_id\`);`)
  await db.run(sql`CREATE TABLE \`events_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_languages_order_idx\` ON \`events_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_languages_parent_idx\` ON \`events_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_languages_order_idx\` ON \`_events_v_version_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_languages_parent_idx\` ON \`_events_v_version_languages\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_by_appointment\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_frequency\` text DEFAULT 'weekly';`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_start_time\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_end_time\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_valid_from\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_valid_until\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`schedule_rrule\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`address_street\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`address_postal_code\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`address_city\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`location\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`audience_women_only\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`audience_families\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`audience_children\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`audience_age_min\` numeric;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`audience_age_max\` numeric;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`how_to_join\` text DEFAULT 'just-come';`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`free\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`contact_name\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`contact_email\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`contact_phone\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`volunteers_wanted\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`activities_locales\` ADD \`price_note\` text;`)
  await db.run(sql`ALTER TABLE \`activities_locales\` ADD \`accessibility\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_by_appointment\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_frequency\` text DEFAULT 'weekly';`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_start_time\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_end_time\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_valid_from\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_valid_until\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_schedule_rrule\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_address_street\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_address_postal_code\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_address_city\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_location\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_audience_women_only\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_audience_families\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_audience_children\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_audience_age_min\` numeric;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_audience_age_max\` numeric;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_how_to_join\` text DEFAULT 'just-come';`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_free\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_contact_name\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_contact_email\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_contact_phone\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_volunteers_wanted\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_activities_v_locales\` ADD \`version_price_note\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v_locales\` ADD \`version_accessibility\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`venue\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`address_street\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`address_postal_code\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`address_city\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`how_to_join\` text DEFAULT 'just-come';`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`free\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`events_locales\` ADD \`price_note\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_venue\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_address_street\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_address_postal_code\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_address_city\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_how_to_join\` text DEFAULT 'just-come';`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_free\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` ADD \`version_price_note\` text;`)
  // Events' "location" was a free-text place name; it is now a map point, and the name moved to "venue".
  await db.run(sql`UPDATE \`events\` SET \`venue\` = \`location\`, \`location\` = NULL WHERE \`location\` IS NOT NULL AND \`location\` NOT LIKE '[%';`)
  await db.run(sql`UPDATE \`_events_v\` SET \`version_venue\` = \`version_location\`, \`version_location\` = NULL WHERE \`version_location\` IS NOT NULL AND \`version_location\` NOT LIKE '[%';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`activities_schedule_weekdays\`;`)
  await db.run(sql`DROP TABLE \`activities_schedule_exceptions\`;`)
  await db.run(sql`DROP TABLE \`activities_languages\`;`)
  await db.run(sql`DROP TABLE \`activities_rels\`;`)
  await db.run(sql`DROP TABLE \`_activities_v_version_schedule_weekdays\`;`)
  await db.run(sql`DROP TABLE \`_activities_v_version_schedule_exceptions\`;`)
  await db.run(sql`DROP TABLE \`_activities_v_version_languages\`;`)
  await db.run(sql`DROP TABLE \`_activities_v_rels\`;`)
  await db.run(sql`DROP TABLE \`events_languages\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_languages\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_by_appointment\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_frequency\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_start_time\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_end_time\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_valid_from\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_valid_until\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`schedule_rrule\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`address_street\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`address_postal_code\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`address_city\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`location\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`audience_women_only\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`audience_families\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`audience_children\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`audience_age_min\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`audience_age_max\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`how_to_join\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`free\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`contact_name\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`contact_email\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`contact_phone\`;`)
  await db.run(sql`ALTER TABLE \`activities\` DROP COLUMN \`volunteers_wanted\`;`)
  await db.run(sql`ALTER TABLE \`activities_locales\` DROP COLUMN \`price_note\`;`)
  await db.run(sql`ALTER TABLE \`activities_locales\` DROP COLUMN \`accessibility\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_by_appointment\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_frequency\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_start_time\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_end_time\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_valid_from\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_valid_until\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_schedule_rrule\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_address_street\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_address_postal_code\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_address_city\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_location\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_audience_women_only\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_audience_families\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_audience_children\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_audience_age_min\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_audience_age_max\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_how_to_join\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_free\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_contact_name\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_contact_email\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_contact_phone\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` DROP COLUMN \`version_volunteers_wanted\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v_locales\` DROP COLUMN \`version_price_note\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v_locales\` DROP COLUMN \`version_accessibility\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`venue\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`address_street\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`address_postal_code\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`address_city\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`how_to_join\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`free\`;`)
  await db.run(sql`ALTER TABLE \`events_locales\` DROP COLUMN \`price_note\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_venue\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_address_street\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_address_postal_code\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_address_city\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_how_to_join\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_free\`;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` DROP COLUMN \`version_price_note\`;`)
}
