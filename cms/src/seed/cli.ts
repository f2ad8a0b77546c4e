/**
 * `npm run seed` — loads content/ into the database (idempotent).
 *   --if-empty   only when the database has no activity types yet (what `npm start` does)
 *   SEED_DEMO=false leaves the demo departments, activities and events out.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { seed } from './index'

const ifEmpty = process.argv.includes('--if-empty')
const demo = process.env.SEED_DEMO !== 'false'

const payload = await getPayload({ config })
try {
  if (ifEmpty) {
    const { totalDocs } = await payload.count({ collection: 'activity-types' })
    if (totalDocs > 0) {
      console.log(`Indhold findes allerede (${totalDocs} aktivitetstyper) – springer indlæsning over.`)
      process.exit(0)
    }
  }
  const started = Date.now()
  console.log(`Indlæser indhold fra content/${demo ? ' med demodata' : ' (uden demodata)'} ...`)
  const report = await seed(payload, { demo, log: (message) => console.log(`  ${message}`) })
  const summary = (counts: Record<string, number>) =>
    Object.entries(counts).map(([collection, n]) => `${collection}: ${n}`).join(', ') || 'ingen'
  console.log(`Oprettet: ${summary(report.created)}`)
  console.log(`Oversættelser tilføjet: ${summary(report.translated)}`)
  console.log(`Færdig på ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  process.exit(0)
} catch (error) {
  console.error(`Indlæsning fejlede: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
