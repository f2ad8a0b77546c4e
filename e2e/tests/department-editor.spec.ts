import { expect, test } from '@playwright/test'

import { adminApi, json, type Doc } from '../fixtures/api'
import { cmsUrl, publicDocs, waitForSite } from '../fixtures/cms'

/**
 * Ali, the Aarhus coordinator: logs in to the admin in Danish, sees his own department only,
 * confirms a listing nobody has confirmed for months, changes the summer trip and publishes it;
 * after a rebuild the public site shows both.
 */
test('a department editor keeps their own department current, and only that', async ({ page, request }) => {
  test.setTimeout(240_000)
  const admin = await adminApi(request)
  const [aarhus] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=aarhus')
  const [odense] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=odense')
  const email = `ali-${Date.now()}@example.org`
  const password = 'aarhus-er-bedst-2026'
  const created = await admin.post('/users', { email, password, role: 'department-editor', departments: [aarhus!.id], name: 'Ali' })
  expect(created.status()).toBe(201)

  const aarhusEvents = await publicDocs(request, 'events', 'da', `&where[department][equals]=${aarhus!.id}&sort=startsAt`)
  const odenseEvents = await publicDocs(request, 'events', 'da', `&where[department][equals]=${odense!.id}`)
  const [stale] = await publicDocs(request, 'activities', 'da', '&where[slug][equals]=aarhus-sprogcafe')
  expect(stale!.confirmationStale).toBe(true)

  // The site says the listing is not confirmed.
  await page.goto('/da/afdelinger/aarhus/')
  await expect(page.locator('[data-activity="aarhus-sprogcafe"] [data-unconfirmed]')).toBeVisible()

  await page.goto(`${cmsUrl()}/admin/login`)
  await page.getByRole('textbox', { name: 'Email' }).fill(email)
  await page.getByRole('textbox', { name: 'Adgangskode' }).fill(password)
  await page.getByRole('button', { name: 'Login' }).click()

  // His dashboard: his department, the listing that needs confirming.
  const dashboard = page.locator('[data-department-dashboard]')
  await expect(dashboard.getByRole('heading', { level: 2 })).toHaveText('Din lokalafdeling: Røde Kors Aarhus')
  await expect(dashboard.locator('[data-stale-activities]')).toContainText(String(stale!.title))
  await expect(dashboard.locator('[data-dashboard-events] li')).toHaveCount(aarhusEvents.length)

  // The events list holds Aarhus's events and none of Odense's.
  await page.goto(`${cmsUrl()}/admin/collections/events`)
  for (const event of aarhusEvents) await expect(page.getByRole('link', { name: String(event.title) })).toBeVisible()
  for (const event of odenseEvents) await expect(page.getByRole('link', { name: String(event.title) })).toHaveCount(0)

  // Another department's event is not reachable even by its address.
  const foreignResponse = await request.get(`${cmsUrl()}/api/events/${odenseEvents[0]!.id}`, {
    headers: { Authorization: `JWT ${(await json<{ token: string }>(await request.post(`${cmsUrl()}/api/users/login`, { data: { email, password } }))).token}` },
  })
  expect(foreignResponse.status()).toBe(404)

  // One click confirms the stale listing.
  await page.goto(`${cmsUrl()}/admin/collections/activities/${stale!.id}`)
  await page.getByRole('button', { name: 'Bekræft, at oplysningerne stadig passer' }).click()
  await expect(page.getByText('Tak – aktiviteten er bekræftet i dag.')).toBeVisible()

  // Edit the first event and publish it; the department is fixed to Aarhus.
  const event = aarhusEvents[0]!
  const newTitle = `Sommertur til Mols Bjerge ${Date.now()}`
  await page.goto(`${cmsUrl()}/admin/collections/events/${event.id}`)
  await expect(page.locator('[id="field-department"]').locator('xpath=ancestor-or-self::*[contains(@class,"read-only")]').first()).toBeAttached()
  await page.locator('#field-title').fill(newTitle)
  await page.getByRole('button', { name: 'Offentliggør ændringer' }).click()
  await expect(page.getByText('Opdateret.').first()).toBeVisible()

  const [published] = await publicDocs(request, 'events', 'da', `&where[id][equals]=${event.id}`)
  expect(published!.title).toBe(newTitle)
  expect(published!.department).toBe(aarhus!.id)
  const [confirmed] = await publicDocs(request, 'activities', 'da', '&where[slug][equals]=aarhus-sprogcafe')
  expect(confirmed!.confirmationStale).toBe(false)

  // The site rebuilds by itself after publishing.
  await waitForSite(page, '/da/afdelinger/aarhus/', async () => {
    await expect(page.locator(`[data-event="${event.slug}"] h3`)).toHaveText(newTitle, { timeout: 1_000 })
    await expect(page.locator('[data-activity="aarhus-sprogcafe"] [data-unconfirmed]')).toHaveCount(0, { timeout: 1_000 })
  })
})

test('a user created without a role gets the least rights, so it must name a department', async ({ request }) => {
  const admin = await adminApi(request)
  const email = `ny-${Date.now()}@example.org`
  const refused = await admin.post('/users', { email, password: 'hemmelig-og-lang' })
  expect(refused.status()).toBe(400)
  expect(await refused.text()).toContain('mindst én afdeling')

  const [roskilde] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=roskilde')
  const created = await admin.post('/users?depth=0', { email, password: 'hemmelig-og-lang', departments: [roskilde!.id] })
  expect(created.status()).toBe(201)
  const { doc } = await json<{ doc: Doc }>(created)
  expect(doc.role).toBe('department-editor')
  expect(doc.departments).toEqual([roskilde!.id])
})
