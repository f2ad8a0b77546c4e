import { expect, test } from '@playwright/test'

import { adminApi, type Api, type Doc, json } from '../fixtures/api'
import { submitUrl, totalSignups, uniqueIp } from '../fixtures/signup'
import { fuzzCase, fuzzRun } from '../fixtures/signup-fuzz'

/**
 * 1,000 random and malformed bodies at the signup endpoint: random bytes, random JSON, wrong
 * types, nested objects, huge strings, prototype keys, mixed content types, and real forms with
 * at least one thing wrong. None may cause a 5xx, and none may store a signup.
 * The generator is seeded: a failure names its seed and case, so it can be replayed.
 */
const total = 1_000
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const run = fuzzRun(seed)

let admin: Api

test.beforeAll(async ({ playwright }) => {
  admin = await adminApi(await playwright.request.newContext())
})

test(`${total} random and malformed bodies: no 5xx, nothing stored`, async ({ request }) => {
  test.info().annotations.push({ type: 'seed', description: `FUZZ_SEED=${seed}` })
  test.setTimeout(300_000)
  const roenne = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=roenne&depth=0'))).docs[0]!
  const inRoenne = `&where[department][equals]=${roenne.id}`
  const before = await totalSignups(admin, inRoenne)
  const statuses = new Map<number, number>()
  const failures: string[] = []
  const concurrency = 6
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++
        const { contentType, body, origin, accept } = fuzzCase(seed, index)
        const headers: Record<string, string> = { 'X-Forwarded-For': uniqueIp(), Accept: accept }
        if (contentType) headers['Content-Type'] = contentType
        if (origin) headers.Origin = origin
        const response = await request.fetch(submitUrl(), { method: 'POST', headers, data: body, maxRedirects: 0, failOnStatusCode: false })
        statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1)
        if (response.status() >= 500) failures.push(`case ${index} (seed ${seed}): ${response.status()} ${(await response.text()).slice(0, 200)}`)
      }
    }),
  )
  console.log(`signup fuzz, seed ${seed}: ${[...statuses].sort().map(([status, count]) => `${status}×${count}`).join(', ')}`)
  expect(failures).toEqual([])
  expect([...statuses.keys()].every((status) => status < 500)).toBe(true)
  expect(await totalSignups(admin, inRoenne)).toBe(before)
  // Anything stored names the case that stored it, to replay with FUZZ_SEED.
  const stored = await json<{ docs: Doc[] }>(await admin.get(`/signups?where[or][0][name][like]=${run}&where[or][1][email][like]=${run}&depth=0&limit=10`))
  const replay = stored.docs.map((doc) => {
    const index = Number(/-(\d+)@/.exec(String(doc.email))?.[1])
    return `case ${index}: ${String(fuzzCase(seed, index).body).slice(0, 300)}`
  })
  expect(replay).toEqual([])
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})
