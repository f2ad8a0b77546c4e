import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`signups_cancel_tokens\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`hash\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`signups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`signups_cancel_tokens_order_idx\` ON \`signups_cancel_tokens\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`signups_cancel_tokens_parent_id_idx\` ON \`signups_cancel_tokens\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`signups_cancel_tokens_hash_idx\` ON \`signups_cancel_tokens\` (\`hash\`);`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`cancelled_at\` text;`)
  await db.run(sql`ALTER TABLE \`signups\` ADD \`reminder_sent_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`signups_cancel_tokens\`;`)
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`cancelled_at\`;`)
  await db.run(sql`ALTER TABLE \`signups\` DROP COLUMN \`reminder_sent_at\`;`)
}
