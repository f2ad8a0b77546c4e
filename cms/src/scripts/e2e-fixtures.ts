/**
 * Content the end-to-end tests need and the demo data cannot have: an event that ended two days
 * before the test site is built, whose old address must answer "this event has ended" in the
 * reader's language. Run by scripts/test-environment.mjs after the seed (never by `npm start`).
 * Demo events are always in the future (seed test), so this one is made here, in Næstved, which
 * no test counts events of.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { seedContext } from '../seed/index'

/** Also in e2e/tests/not-found.spec.ts. */
const slug = 'naestved-sommerfest-afholdt'

const payload = await getPayload({ config })
try {
  const [department] = (await payload.find({ collection: 'departments', where: { slug: { equals: 'naestved' } }, limit: 1, depth: 0 })).docs
  if (!department) throw new Error('Demo department naestved is missing (seed with demo data first)')
  const { totalDocs } = await payload.count({ collection: 'events', where: { slug: { equals: slug } } })
  if (totalDocs === 0) {
    const startsAt = new Date(Date.now() - 2 * 86_400_000)
    await payload.create({
      collection: 'events',
      locale: 'da',
      data: {
        title: 'Sommerfest i Næstved',
        summary: 'Grill, musik og lege for hele familien.',
        slug,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        department: department.id,
        howToJoin: 'just-come',
        isDemo: true,
        translationStatus: 'original',
        _status: 'published',
      },
      context: seedContext,
    })
  }
  process.exit(0)
} catch (error) {
  console.error(`Testdata kunne ikke oprettes: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
