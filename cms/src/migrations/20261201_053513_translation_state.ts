import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import type { CollectionSlug, FlattenedField, GlobalSlug, Payload, PayloadRequest } from 'payload'

import { asLocalizedFields, stateAsFound } from '../fields/translationState'

// Translation state per document and locale (fields/translationState.ts): the localized hidden
// `translationSources` (what Danish each translation was made from) beside `translationStatus`,
// which gains "outdated" (a select: no schema change) and is added to the navigation. Then every
// existing document is given its state as found: its translations were made from the Danish
// they stand beside, as far as anyone knows; machine and reviewed stay as they were.
//
// The backfill goes through the database adapter (payload.db), not SQL, so it is the same on
// MongoDB, where the schema part is nothing. It writes the published document and its latest
// version (the one an edit starts from, a pending draft included) and runs no hooks, so no
// draft is published, no version added and no site build started. It reads with today's
// config: a later migration that changes these collections' tables must keep that working; on
// a fresh database there is nothing to read, and it reads nothing.

const collections = ['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages'] as const satisfies CollectionSlug[]
const globals = ['site-settings', 'navigation'] as const satisfies GlobalSlug[]

type Data = Record<string, unknown>

const isLocalized = (field: FlattenedField) => 'localized' in field && Boolean(field.localized)
/** A write replaces a row's locales whole (SQLite), so every field holding localized data is written back. */
const holdsLocalizedData = (field: FlattenedField): boolean =>
  isLocalized(field) || field.type === 'blocks' || ('flattenedFields' in field && field.flattenedFields.some(holdsLocalizedData))

export async function backfillTranslationState(payload: Payload, req?: Partial<PayloadRequest>): Promise<void> {
  const locales = payload.config.localization ? payload.config.localization.localeCodes : ['da']
  const counts = await Promise.all(collections.map((collection) => payload.db.count({ collection, req })))
  if (counts.every(({ totalDocs }) => totalDocs === 0)) return

  const withState = (config: { fields: Parameters<typeof stateAsFound>[0]; flattenedFields: FlattenedField[] }, doc: Data): Data => {
    const data: Data = {}
    for (const field of config.flattenedFields.filter(holdsLocalizedData)) data[field.name] = doc[field.name]
    return { ...data, ...asLocalizedFields(stateAsFound(config.fields, doc, locales)) }
  }
  for (const collection of collections) {
    const config = payload.collections[collection].config
    const { docs } = await payload.db.find<Data>({ collection, locale: 'all', limit: 0, pagination: false, req })
    for (const doc of docs) await payload.db.updateOne({ collection, id: doc.id as number | string, data: withState(config, doc), req, returning: false })
    const { docs: versions } = await payload.db.findVersions<Data>({ collection, where: { latest: { equals: true } }, locale: 'all', limit: 0, pagination: false, req })
    for (const version of versions) {
      await payload.db.updateVersion({ collection, id: version.id, versionData: { version: withState(config, version.version) }, req, returning: false })
    }
  }
  for (const slug of globals) {
    const config = payload.globals.config.find((global) => global.slug === slug)
    const doc = await payload.db.findGlobal<Data>({ slug, locale: 'all', req })
    if (config && doc && Object.keys(doc).length > 0) await payload.db.updateGlobal({ slug, data: withState(config, doc), req, returning: false })
  }
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`navigation_locales\` (
  	\`translation_status\` text,
  	\`translation_sources\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`navigation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`navigation_locales_locale_parent_id_unique\` ON \`navigation_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`activity_types_locales\` ADD \`translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_activity_types_v_locales\` ADD \`version_translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups_locales\` ADD \`translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_target_groups_v_locales\` ADD \`version_translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`departments_locales\` ADD \`translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_departments_v_locales\` ADD \`version_translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`activities_locales\` ADD \`translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v_locales\` ADD \`version_translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`events_locales\` ADD \`translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` ADD \`version_translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`pages_locales\` ADD \`translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v_locales\` ADD \`version_translation_sources\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings_locales\` ADD \`translation_sources\` text;`)
  await backfillTranslationState(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`navigation_locales\`;`)
  await db.run(sql`ALTER TABLE \`activity_types_locales\` DROP COLUMN \`translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`_activity_types_v_locales\` DROP COLUMN \`version_translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`target_groups_locales\` DROP COLUMN \`translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`_target_groups_v_locales\` DROP COLUMN \`version_translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`departments_locales\` DROP COLUMN \`translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`_departments_v_locales\` DROP COLUMN \`version_translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`activities_locales\` DROP COLUMN \`translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`_activities_v_locales\` DROP COLUMN \`version_translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`events_locales\` DROP COLUMN \`translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`_events_v_locales\` DROP COLUMN \`version_translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`pages_locales\` DROP COLUMN \`translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v_locales\` DROP COLUMN \`version_translation_sources\`;`)
  await db.run(sql`ALTER TABLE \`site_settings_locales\` DROP COLUMN \`translation_sources\`;`)
}
