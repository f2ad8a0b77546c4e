import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { seed } from '../src/seed/index'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

it('leaves the demo data out when asked to (SEED_DEMO=false)', async () => {
  await seed(payload, { demo: false })
  expect((await payload.count({ collection: 'activity-types' })).totalDocs).toBe(8)
  expect((await payload.count({ collection: 'target-groups' })).totalDocs).toBe(9)
  expect((await payload.count({ collection: 'departments' })).totalDocs).toBe(0)
  expect((await payload.count({ collection: 'activities' })).totalDocs).toBe(0)
  expect((await payload.count({ collection: 'events' })).totalDocs).toBe(0)
})
