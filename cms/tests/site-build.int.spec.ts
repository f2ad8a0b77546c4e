import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

describe('site builds in the jobs queue', () => {
  it('registers the daily rebuild at 04:00 on the site queue, and a runner for that queue', () => {
    const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'buildSite')
    expect(task).toBeDefined()
    expect(task!.schedule).toEqual([expect.objectContaining({ cron: '0 4 * * *', queue: 'site' })])
    const autoRun = payload.config.jobs.autoRun
    expect(Array.isArray(autoRun) ? autoRun.map((entry) => entry.queue) : []).toContain('site')
  })

  it('keeps site builds out of reach of anyone but the CMS itself', async () => {
    await expect(payload.create({ collection: 'site-builds', data: { status: 'succeeded' }, overrideAccess: false })).rejects.toThrow()
    await expect(payload.find({ collection: 'site-builds', overrideAccess: false })).rejects.toThrow()
  })
})
