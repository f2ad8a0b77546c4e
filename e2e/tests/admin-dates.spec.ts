import { expect, test } from '@playwright/test'

import { adminApi, type Api, json, type Doc } from '../fixtures/api'
import { openAdminAs, openDocument } from '../fixtures/admin'
import { cmsUrl } from '../fixtures/cms'

// A Danish editor's browser: Danish, in Copenhagen.
test.use({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' })

/** A draft event that is never published, so the test starts no site build. */
async function draftEvent(admin: Api, title: string): Promise<Doc> {
  const [odense] = await admin.get('/departments?where[slug][equals]=odense&depth=0').then((response) => json<{ docs: Doc[] }>(response)).then(({ docs }) => docs)
  const response = await admin.post('/events?draft=true', { title, department: odense!.id, startsAt: '2027-01-01T09:00:00.000Z', _status: 'draft' })
  expect(response.status()).toBe(201)
  return (await json<{ doc: Doc }>(response)).doc
}

const storedStart = async (admin: Api, id: Doc['id']) =>
  (await json<Doc>(await admin.get(`/events/${id}?draft=true&depth=0`))).startsAt

/**
 * Mette types the trip's date the Danish way. "10.07.2027 10:00" is 10 July, never 7 October,
 * however she separates day, month and year; the admin shows it back in Danish.
 */
test('a Danish admin types 10.07.2027 10:00 and gets 10 July at 10:00 Copenhagen time', async ({ page, request }) => {
  // Five admin documents opened in turn: each took 10–25 s while the phone journeys shared the 2 cores.
  test.setTimeout(240_000)
  const admin = await adminApi(request)
  await openAdminAs(page)
  const created: Doc[] = []
  try {
    for (const typed of ['10.07.2027 10:00', '10/07/2027 10:00', '10-07-2027 10:00', '10.7.27 10.00']) {
      const event = await draftEvent(admin, `Datotest ${typed} ${Date.now()}`)
      created.push(event)
      await openDocument(page, `${cmsUrl()}/admin/collections/events/${event.id}`)
      const input = page.locator('#field-startsAt input')
      await expect(input).toBeEditable()
      await input.fill(typed)
      await input.press('Enter')
      // Autosave stores the draft; 10:00 in Copenhagen in July (summer time) is 08:00 UTC.
      await expect.poll(() => storedStart(admin, event.id)).toBe('2027-07-10T08:00:00.000Z')
      // Shown back as it was read, in the Danish numeric form.
      await expect(input).toHaveValue('10.07.2027 10:00')
    }

    // An empty field says how to write it; the picker's own words are Danish.
    await openDocument(page, `${cmsUrl()}/admin/collections/events/${created[0]!.id}`)
    await expect(page.locator('#field-endsAt input')).toHaveAttribute('placeholder', 'dd.mm.åååå tt:mm')
    await page.locator('#field-endsAt input').click()
    await expect(page.locator('.react-datepicker__header--time')).toHaveText('Tid')
    await expect(page.locator('.react-datepicker__month-select')).toContainText('juli')
    await expect(page.locator('.react-datepicker__day-name').first()).toHaveText('ma')
    await expect(page.getByRole('button', { name: 'Næste måned' })).toBeVisible()

    // The list column reads the date in Danish.
    await page.goto(`${cmsUrl()}/admin/collections/events?where[id][equals]=${created[0]!.id}`)
    await expect(page.locator('table tbody tr').first()).toContainText('10. jul. 2027 10:00')
  } finally {
    for (const event of created) await admin.delete(`/events/${event.id}`)
  }
})

test('the English admin reads day-month too, the British way', async ({ page, request }) => {
  const admin = await adminApi(request)
  await openAdminAs(page, 'en')
  const event = await draftEvent(admin, `Date test ${Date.now()}`)
  try {
    await openDocument(page, `${cmsUrl()}/admin/collections/events/${event.id}`)
    await expect(page.locator('#field-endsAt input')).toHaveAttribute('placeholder', 'dd/mm/yyyy hh:mm')
    const input = page.locator('#field-startsAt input')
    await input.fill('10/07/2027 10:00')
    await input.press('Enter')
    await expect(input).toHaveValue('10/07/2027 10:00')
    await expect.poll(() => storedStart(admin, event.id)).toBe('2027-07-10T08:00:00.000Z')
    await input.click()
    await expect(page.locator('.react-datepicker__header--time')).toHaveText('Time')
  } finally {
    await admin.delete(`/events/${event.id}`)
  }
})

/**
 * Mette plans the trip's page to go live on 10 July at 10:00. Payload's own "Planlæg udgivelse"
 * box read 10.07.2027 as 7 October; the schedule drawer reads it day-month like every date field.
 */
test('Mette schedules publishing for 10.07.2027 10:00 and it is planned for 10 July', async ({ page, request }) => {
  // Five admin documents opened in turn: each took 10–25 s while the phone journeys shared the 2 cores.
  test.setTimeout(240_000)
  const admin = await adminApi(request)
  await openAdminAs(page)
  const event = await draftEvent(admin, `Planlægning ${Date.now()}`)
  try {
    await openDocument(page, `${cmsUrl()}/admin/collections/events/${event.id}`)
    await page.getByRole('button', { name: 'Planlæg', exact: true }).click()
    const drawer = page.locator('.drk-schedule')
    await expect(drawer.getByRole('heading', { name: /Planlæg udgivelse eller afpublicering/ })).toBeVisible()
    await expect(drawer.getByText('Intet er planlagt for dette dokument.')).toBeVisible()

    const when = drawer.getByLabel('Hvornår?')
    await expect(when).toHaveAttribute('placeholder', 'dd.mm.åååå tt:mm')
    await when.fill('10.07.2027 10:00')
    await when.press('Enter')
    await expect(when).toHaveValue('10.07.2027 10:00')
    // Read back in words before it is saved: 10 July, not 7 October.
    await expect(drawer.locator('.drk-schedule__reads')).toHaveText('10. juli 2027 kl. 10.00')

    await drawer.locator('.drk-schedule__body').getByRole('button', { name: 'Planlæg', exact: true }).click()
    await expect(page.getByText('Udgiv er planlagt til 10. juli 2027 kl. 10.00.')).toBeVisible()
    // As the server stored it: the list is fetched from Payload's queue.
    const planned = drawer.locator('.drk-schedule__upcoming li')
    await expect(planned).toHaveCount(1)
    await expect(planned.first()).toContainText('Udgiv')
    await expect(planned.first()).toContainText('10. juli 2027 kl. 10.00')
    await expect(planned.first()).toContainText('Alle sprog')

    // Still there after a reload, and it can be taken back.
    await page.reload()
    await page.getByRole('button', { name: 'Planlæg', exact: true }).click()
    await expect(drawer.locator('.drk-schedule__upcoming li')).toHaveCount(1)
    await drawer.getByRole('button', { name: 'Fjern' }).click()
    await expect(drawer.getByText('Intet er planlagt for dette dokument.')).toBeVisible()

    // A time already past is refused with a reason, not queued to run at once.
    await when.fill('10.07.2020 10:00')
    await when.press('Enter')
    await drawer.locator('.drk-schedule__body').getByRole('button', { name: 'Planlæg', exact: true }).click()
    await expect(drawer.getByRole('alert')).toHaveText(/allerede passeret|Skriv eller vælg/)
    await expect(drawer.getByText('Intet er planlagt for dette dokument.')).toBeVisible()
  } finally {
    await admin.delete(`/events/${event.id}`)
  }
})
