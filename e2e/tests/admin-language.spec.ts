import { expect, test } from '@playwright/test'

import { adminApi, json, type Doc } from '../fixtures/api'
import { openAdminAs } from '../fixtures/admin'
import { cmsUrl } from '../fixtures/cms'

test.use({ timezoneId: 'Europe/Copenhagen' })

const languages = [
  {
    language: 'da',
    typedEnd: '01.01.2027 08:00',
    publish: 'Offentliggør ændringer',
    schedule: 'Planlæg',
    invalidEnd: 'Slutidspunktet skal ligge efter starttidspunktet.',
    rebuild: 'Opdater siden nu',
  },
  {
    language: 'en',
    typedEnd: '01/01/2027 08:00',
    publish: 'Publish changes',
    schedule: 'Schedule',
    invalidEnd: 'The end must be after the start.',
    rebuild: 'Rebuild now',
  },
] as const

/**
 * The admin's own buttons and our validation messages come in the language the user chose, like
 * Payload's own: an event ending before it starts is refused in that language, and nothing is
 * published (so no site build starts).
 */
for (const { language, typedEnd, publish, schedule, invalidEnd, rebuild } of languages) {
  test(`an admin in ${language} is told in ${language} that an event cannot end before it starts`, async ({ page, request }) => {
    const admin = await adminApi(request)
    await openAdminAs(page, language)
    const [odense] = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=odense&depth=0'))).docs
    const created = await admin.post('/events?draft=true', { title: `Sprog ${language} ${Date.now()}`, department: odense!.id, startsAt: '2027-01-01T09:00:00.000Z', _status: 'draft' })
    expect(created.status()).toBe(201)
    const { doc: event } = await json<{ doc: Doc }>(created)
    try {
      await page.goto(`${cmsUrl()}/admin/collections/events/${event.id}`)
      await expect(page.getByRole('button', { name: schedule, exact: true })).toBeVisible()
      const end = page.locator('#field-endsAt input')
      // The admin re-reads its form state a moment after a change. Publishing before that answer
      // is back shows the refusal only in the toast: the late answer wipes the field's message
      // (Payload's own race). Wait for it, as a person's pause would.
      const formState = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/admin/collections/events/${event.id}`)
      await end.fill(typedEnd)
      await end.press('Enter')
      await formState
      await page.getByRole('button', { name: publish }).click()
      await expect(page.getByText(invalidEnd).first()).toBeVisible()
      const stored = await json<Doc>(await admin.get(`/events/${event.id}?depth=0`))
      expect(stored._status).toBe('draft')
    } finally {
      await admin.delete(`/events/${event.id}`)
    }
  })

  // A server component (the site builds list's header) reads the same texts.
  test(`the site builds page speaks ${language} to an admin in ${language}`, async ({ page }) => {
    await openAdminAs(page, language)
    await page.goto(`${cmsUrl()}/admin/collections/site-builds`)
    await expect(page.locator('[data-site-build-status]').getByRole('button', { name: rebuild })).toBeVisible()
  })
}
