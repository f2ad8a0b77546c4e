/**
 * Benchmark data at 10× real scale: 600 departments, 3,000 activities and 2,000 events, every
 * one in all 8 locales. Only for `npm run bench` (never part of the seed); marked as demo.
 *   payload run src/scripts/generate-scale.ts -- [--departments 600 --activities 3000 --events 2000]
 *
 * Each document is created through the Local API, in Danish and published: validation and the
 * hooks that derive what the site reads (slug, schedule rule, department) run as for an editor,
 * and Payload writes its published version. On SQLite (the bench's test environment) the seven
 * machine translations are then written in one go through the database adapter, into the
 * document and into that version: about 2 minutes, where one Local API update per locale (each
 * a full update with a new version) took over half an hour. Other databases take that slow path.
 */
import { parseArgs } from 'node:util'

import { getPayload, type FlattenedField } from 'payload'

import { locales } from '../../../core/locales'
import { regions } from '../../../core/regions'
import { isSqlite, sqliteClient } from '../lib/adapter'
import { asLocalizedFields, stateAsFound } from '../fields/translationState'
import config from '../payload.config'
import { seedContext } from '../seed/index'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    departments: { type: 'string', default: '600' },
    activities: { type: 'string', default: '3000' },
    events: { type: 'string', default: '2000' },
  },
})
const counts = { departments: Number(values.departments), activities: Number(values.activities), events: Number(values.events) }
const translationLocales = locales.filter((locale) => locale.code !== 'da')

const payload = await getPayload({ config })
const started = Date.now()
const activityTypes = (await payload.find({ collection: 'activity-types', pagination: false, depth: 0 })).docs
if (activityTypes.length === 0) throw new Error('Seed the database first (npm run seed).')

const progress = (what: string, done: number, total: number) => {
  if (done % 200 === 0 || done === total) console.log(`  ${what}: ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

/**
 * SQLite: this connection's commits do not wait for the disk (`synchronous = NORMAL` instead of
 * the adapter's FULL; with WAL a crash can lose the last commits, never the database). Each
 * statement still commits on its own: the CMS on the same file writes every second (job
 * schedules) and must not wait long. A transaction per batch of documents was measured: no
 * faster, it held the lock for seconds (a collection's first create loads code) and the CMS's
 * writes failed with SQLITE_BUSY.
 */
const sqlite = isSqlite(payload) ? sqliteClient(payload) : null
if (sqlite) await sqlite.execute('PRAGMA synchronous = NORMAL')

type Collection = 'departments' | 'activities' | 'events'
type Data = Record<string, unknown>

const isLocalized = (field: FlattenedField) => 'localized' in field && Boolean(field.localized)
/**
 * The top-level fields that hold localized data: localized themselves, or (groups, arrays,
 * blocks) with localized fields inside. A write replaces all of a row's locales, so these are
 * written whole, in every locale.
 */
const holdsLocalizedData = (field: FlattenedField): boolean =>
  isLocalized(field) || field.type === 'blocks' || ('flattenedFields' in field && field.flattenedFields.some(holdsLocalizedData))
const fieldsWithLocales = Object.fromEntries(
  (['departments', 'activities', 'events'] as const).map((collection) => [collection, payload.collections[collection].config.flattenedFields.filter(holdsLocalizedData)]),
) as Record<Collection, FlattenedField[]>

/** Creates in Danish and published, then adds the other locales (machine translations). */
async function createInAllLocales(collection: Collection, danish: Data, translated: (code: string) => Data) {
  const doc = await payload.create({ collection, locale: 'da', data: { ...danish, _status: 'published' } as never, context: seedContext, depth: 0 })
  const translations = translationLocales.map(({ code }) => ({ code, data: { ...translated(code), translationStatus: 'machine' } as Data }))
  if (sqlite) {
    await addTranslations(collection, doc.id, translations)
  } else {
    // Other databases: as editors and translators would, one locale per update (slow).
    for (const { code, data } of translations) {
      await payload.update({ collection, id: doc.id, locale: code, data: { ...data, _status: 'published' } as never, context: seedContext, depth: 0 })
    }
  }
  return doc.id
}

/**
 * Writes the other locales into the document and into its version at once, through the
 * database adapter, as the seven Local API updates would have: the localized fields given,
 * everything else as the create left it (the version just created holds the document with its
 * locales; an edit in the admin starts from it, so it must hold the translations too). No hook
 * or validation runs on these writes: translations are plain localized text, and the translation
 * state the hooks would derive is computed here; a translated field that is not localized is refused.
 */
async function addTranslations(collection: Collection, id: number | string, translations: { code: string; data: Data }[]) {
  const localizedNames = new Set(fieldsWithLocales[collection].filter(isLocalized).map((field) => field.name))
  const notLocalized = translations.flatMap(({ data }) => Object.keys(data)).filter((name) => !localizedNames.has(name))
  if (notLocalized.length > 0) throw new Error(`${collection}: ${[...new Set(notLocalized)].join(', ')} not localized; give it with the Danish data`)

  const { docs } = await payload.db.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    locale: 'all',
    limit: 1,
    pagination: false,
  })
  const version = docs[0]
  if (!version) throw new Error(`${collection} ${id}: the create wrote no version`)
  const document = version.version as Data
  const localized: Data = {}
  for (const field of fieldsWithLocales[collection]) {
    const value = document[field.name]
    if (!isLocalized(field)) {
      localized[field.name] = value
      continue
    }
    const byLocale = { ...((value as Data | null | undefined) ?? {}) }
    for (const { code, data } of translations) if (data[field.name] !== undefined) byLocale[code] = data[field.name]
    localized[field.name] = byLocale
  }
  // What the Local API's hooks would have recorded: each translation made from this Danish.
  const state = stateAsFound(payload.collections[collection].config.fields, { ...document, ...localized }, locales.map(({ code }) => code))
  Object.assign(localized, asLocalizedFields(state))
  await payload.db.updateOne({ collection, id, data: localized, returning: false })
  await payload.db.updateVersion({ collection, id: version.id, versionData: { version: localized }, returning: false })
}

const richText = (text: string) => ({
  root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }] }] },
})

const departmentIds: (number | string)[] = []
for (let n = 1; n <= counts.departments; n++) {
  const id = await createInAllLocales(
    'departments',
    {
      name: `Røde Kors Benchby ${n}`,
      slug: `bench-afdeling-${n}`,
      town: `Benchby ${n}`,
      municipality: `Benchkommune ${Math.ceil(n / 6)}`,
      region: regions[n % regions.length],
      address: { street: `Benchvej ${n} (demo)`, postalCode: String(1000 + (n % 8999)), city: `Benchby ${n}` },
      location: [8.2 + (n % 70) / 10, 54.6 + (n % 30) / 10],
      email: `bench-${n}@example.org`,
      isDemo: true,
      description: richText(`Benchmarkafdeling nummer ${n}. Opdigtede data til måling.`),
    },
    (code) => ({ description: richText(`Benchmark branch ${n} (${code}).`) }),
  )
  departmentIds.push(id)
  progress('departments', n, counts.departments)
}
for (let n = 1; n <= counts.activities; n++) {
  await createInAllLocales(
    'activities',
    {
      title: `Benchaktivitet ${n}`,
      slug: `bench-aktivitet-${n}`,
      summary: `En aktivitet til måling, nummer ${n}.`,
      schedule: { weekdays: [(['MO', 'TU', 'WE', 'TH', 'FR'] as const)[n % 5]!], startTime: '15:00', endTime: '17:00' },
      languages: ['da', 'en', 'ar'],
      department: departmentIds[n % departmentIds.length],
      activityType: activityTypes[n % activityTypes.length]!.id,
      isDemo: true,
      lastConfirmedAt: new Date().toISOString(),
    },
    (code) => ({ title: `Bench activity ${n} (${code})`, summary: `Activity for measuring, number ${n}.` }),
  )
  progress('activities', n, counts.activities)
}
for (let n = 1; n <= counts.events; n++) {
  const startsAt = new Date(Date.now() + ((n % 120) + 1) * 86_400_000)
  await createInAllLocales(
    'events',
    {
      title: `Bencharrangement ${n}`,
      slug: `bench-arrangement-${n}`,
      summary: `Et arrangement til måling, nummer ${n}.`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      department: departmentIds[n % departmentIds.length],
      isDemo: true,
    },
    (code) => ({ title: `Bench event ${n} (${code})`, summary: `Event for measuring, number ${n}.` }),
  )
  progress('events', n, counts.events)
}
console.log(`Generated ${counts.departments} departments, ${counts.activities} activities, ${counts.events} events in ${locales.length} locales in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
process.exit(0)
