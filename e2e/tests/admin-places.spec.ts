import { expect, test } from '@playwright/test'

import { openAdminAs } from '../fixtures/admin'
import { adminApi, type Api, type Doc, json } from '../fixtures/api'
import { cmsUrl } from '../fixtures/cms'
import { submit, validForm } from '../fixtures/signup'

/**
 * A coordinator runs a listing with places in the admin (issue 15): the number of places left and
 * waiting beside "Antal pladser", the signups list with place and waiting-list number, and giving
 * someone on the waiting list a place.
 */
// Each test makes its event and signups, logs in as its own admin and opens three admin pages: a minute is too little on 2 busy cores.
test.describe.configure({ timeout: 120_000 })

let admin: Api
test.beforeAll(async ({ playwright }) => {
  admin = await adminApi(await playwright.request.newContext())
})

test('places left beside the number of places; the list shows place and number; a coordinator places someone from the waiting list', async ({ page, request }) => {
  // A small event of its own, so the test does not depend on others' signups.
  const department = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
  const slug = `admin-pladser-${Date.now().toString(36)}`
  const created = await admin.post('/events', {
    title: 'Familielejr med pladser',
    slug,
    department: department.id,
    startsAt: new Date(Date.now() + 20 * 24 * 3600_000).toISOString(),
    howToJoin: 'sign-up',
    capacity: 2,
    _status: 'published',
  })
  expect(created.status()).toBe(201)
  const event = (await json<{ doc: Doc }>(created)).doc
  const first = validForm({ target: `event:${slug}`, participants: '2' })
  const second = validForm({ target: `event:${slug}`, participants: '1' })
  expect(await json(await submit(request, first))).toMatchObject({ place: 'placed' })
  expect(await json(await submit(request, second))).toMatchObject({ place: 'waitlisted', position: 1 })

  await openAdminAs(page)
  await page.goto(`${cmsUrl()}/admin/collections/events/${event.id}?locale=da`)
  await expect(page.locator('[data-places-status]')).toContainText('Ledige pladser nu: 0 af 2')
  await expect(page.locator('[data-places-status]')).toContainText('1 på venteliste')

  await page.goto(`${cmsUrl()}/admin/collections/signups?where[event][equals]=${event.id}`)
  const row = page.locator('tr', { hasText: second.name! })
  await expect(row).toContainText('På venteliste')
  await expect(page.locator('tr', { hasText: first.name! })).toContainText('Har plads')

  const signup = (await json<{ docs: Doc[] }>(await admin.get(`/signups?where[email][equals]=${encodeURIComponent(second.email!)}&depth=0`))).docs[0]!
  await page.goto(`${cmsUrl()}/admin/collections/signups/${signup.id}`)
  await page.locator('#field-place').click()
  await page.getByRole('option', { name: 'Har plads' }).click()
  await page.getByRole('button', { name: 'Gem' }).click()
  await expect.poll(async () => (await json<Doc>(await admin.get(`/signups/${signup.id}?depth=0`))).place).toBe('placed')
  expect((await json<Doc>(await admin.get(`/signups/${signup.id}?depth=0`))).waitlistPosition).toBeNull()
})

test('raising the number of places moves the waiting list up, and the line beside it says so at once', async ({ page, request }) => {
  const department = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
  const slug = `admin-flere-pladser-${Date.now().toString(36)}`
  const created = await admin.post('/events', {
    title: 'Udflugt med én plads',
    slug,
    department: department.id,
    startsAt: new Date(Date.now() + 21 * 24 * 3600_000).toISOString(),
    howToJoin: 'sign-up',
    capacity: 1,
    _status: 'published',
  })
  expect(created.status()).toBe(201)
  const event = (await json<{ doc: Doc }>(created)).doc
  expect(await json(await submit(request, validForm({ target: `event:${slug}`, participants: '1' })))).toMatchObject({ place: 'placed' })
  expect(await json(await submit(request, validForm({ target: `event:${slug}`, participants: '1' })))).toMatchObject({ place: 'waitlisted', position: 1 })

  await openAdminAs(page)
  await page.goto(`${cmsUrl()}/admin/collections/events/${event.id}?locale=da`)
  const status = page.locator('[data-places-status]')
  await expect(status).toContainText('Ledige pladser nu: 0 af 1')
  await expect(status).toContainText('1 på venteliste')
  await page.locator('#field-capacity').fill('2')
  await page.getByRole('button', { name: 'Offentliggør ændringer' }).click()
  // The waiting signup took the new place; the line reads the figures again after the save.
  // (In Danish on purpose: the admin user's last language may be another test's, and a publish in
  // Tigrinya of an event with only Danish texts is refused.)
  await expect(status).toContainText('Ledige pladser nu: 0 af 2', { timeout: 30_000 })
  await expect(status).toContainText('0 på venteliste')
})
