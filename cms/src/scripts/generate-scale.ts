/**
 * Benchmark data at 10× real scale: 600 departments, 3,000 activities and 2,000 events, every
 * one in all 8 locales. Only for `npm run bench` (never part of the seed); marked as demo.
 *   payload run src/scripts/generate-scale.ts -- [--departments 600 --activities 3000 --events 2000]
 */
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { locales } from '../../../content/locales'
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
const regions = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const
const translations = locales.filter((locale) => locale.code !== 'da')

const payload = await getPayload({ config })
const started = Date.now()
const activityTypes = (await payload.find({ collection: 'activity-types', pagination: false, depth: 0 })).docs
if (activityTypes.length === 0) throw new Error('Seed the database first (npm run seed).')

const progress = (what: string, done: number, total: number) => {
  if (done % 200 === 0 || done === total) console.log(`  ${what}: ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

/** Creates in Danish, then writes every other locale, as editors and translators would. */
async function createInAllLocales(collection: 'departments' | 'activities' | 'events', danish: Record<string, unknown>, localized: (code: string) => Record<string, unknown>) {
  const doc = await payload.create({ collection, locale: 'da', data: { ...danish, _status: 'published' } as never, context: seedContext, depth: 0 })
  for (const { code } of translations) {
    await payload.update({ collection, id: doc.id, locale: code, data: { ...localized(code), translationStatus: 'machine', _status: 'published' } as never, context: seedContext, depth: 0 })
  }
  return doc.id
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
