import { type APIRequestContext, expect, test } from '@playwright/test'

import { openAdminAs } from '../fixtures/admin'
import { type AccessWorld, createWorld, unique } from '../fixtures/access-world'
import { type Api, type Doc, json } from '../fixtures/api'
import { cmsUrl } from '../fixtures/cms'

// "Planlæg" calls Payload's schedule-publish server function, which checked only that the user
// may open the admin: a department editor could delete any department's scheduled publish by its
// (sequential) job ID, or queue an unpublish for another department's page. The attack replays
// the admin's own server-function request, as a browser's developer tools show it.

let world: AccessWorld
let actionId: string

test.beforeAll(async ({ browser, playwright }) => {
  world = await createWorld(await playwright.request.newContext())
  // The admin's one server action (every Payload server function goes through it).
  const page = await browser.newPage()
  await openAdminAs(page)
  const activity = await activityIn(world.departmentA)
  await page.goto(`${cmsUrl()}/admin/collections/activities/${activity.id}`)
  const request = page.waitForRequest((candidate) => candidate.method() === 'POST' && Boolean(candidate.headers()['next-action']))
  await page.getByRole('button', { name: 'Planlæg', exact: true }).click()
  actionId = (await request).headers()['next-action']!
  await page.close()
})

const tokenOf = (api: Api) => api.headers.Authorization!.replace(/^JWT /, '')

/** A server function called as a user would from the admin: the reply's line "1:" is its result. */
async function serverFunction(request: APIRequestContext, api: Api, name: string, args: Record<string, unknown>): Promise<unknown> {
  const response = await request.post(`${cmsUrl()}/admin`, {
    headers: {
      'Next-Action': actionId,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: cmsUrl(),
      Cookie: `payload-token=${tokenOf(api)}; payload-lng=da`,
    },
    data: JSON.stringify([{ name, args }]),
  })
  expect(response.status()).toBe(200)
  const line = (await response.text()).split('\n').find((text) => text.startsWith('1:'))
  return line ? JSON.parse(line.slice(2)) : undefined
}

async function activityIn(department: Doc): Promise<Doc> {
  const response = await world.admin.post('/activities?depth=0', { title: 'Planlagt', slug: unique('planlagt'), department: department.id, activityType: world.activityTypeId, _status: 'published' })
  expect(response.status()).toBe(201)
  return (await json<{ doc: Doc }>(response)).doc
}

const inAYear = `$D${new Date(Date.now() + 365 * 86_400_000).toISOString()}`
const upcoming = async (request: APIRequestContext, activity: Doc) =>
  (await serverFunction(request, world.admin, 'get-upcoming-scheduled-publish', { id: activity.id, collectionSlug: 'activities' })) as { id: number | string }[]

test("a department editor can neither delete nor add another department's scheduled publishing", async ({ request }) => {
  const theirs = await activityIn(world.departmentB)
  const scheduled = await serverFunction(request, world.admin, 'schedule-publish', { type: 'unpublish', date: inAYear, doc: { relationTo: 'activities', value: String(theirs.id) } })
  expect(scheduled).toMatchObject({ message: expect.any(String) })
  const [job] = await upcoming(request, theirs)
  expect(job).toBeDefined()

  const editor = world.as['department-editor']
  expect(await serverFunction(request, editor, 'schedule-publish', { deleteID: job!.id })).toEqual({ error: 'Du kan kun planlægge udgivelser for dokumenter, du selv må udgive.' })
  expect(await serverFunction(request, editor, 'schedule-publish', { type: 'unpublish', date: inAYear, doc: { relationTo: 'activities', value: String(theirs.id) } })).toMatchObject({
    error: expect.stringContaining('Du kan kun planlægge'),
  })
  expect((await upcoming(request, theirs)).map(({ id }) => id)).toEqual([job!.id])

  // Their own department's page: scheduling and taking it back work as before.
  const own = await activityIn(world.departmentA)
  expect(await serverFunction(request, editor, 'schedule-publish', { type: 'unpublish', date: inAYear, doc: { relationTo: 'activities', value: String(own.id) } })).toMatchObject({ message: expect.any(String) })
  const [ownJob] = await upcoming(request, own)
  expect(await serverFunction(request, editor, 'schedule-publish', { deleteID: ownJob!.id })).toMatchObject({ message: expect.any(String) })
  expect(await upcoming(request, own)).toEqual([])
})
