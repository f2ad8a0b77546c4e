import fs from 'node:fs'

import { expect, test } from '@playwright/test'

import { openAdminAs } from '../fixtures/admin'
import { adminApi, type Api } from '../fixtures/api'
import { cmsUrl, publicDocs } from '../fixtures/cms'
import { signupsWithEmail, submit, validForm } from '../fixtures/signup'

/**
 * The national admin answers a person who asks what Red Cross holds about them, then asks to
 * have it erased: a copy the person can read (Danish, in words) beside the JSON, and an erasure
 * that shows at once what went.
 */
let admin: Api
test.beforeAll(async ({ playwright }) => {
  admin = await adminApi(await playwright.request.newContext())
})

const activityTitle = async (request: import('@playwright/test').APIRequestContext, slug: string) =>
  String((await publicDocs(request, 'activities', 'da', `&where[slug][equals]=${slug}`))[0]!.title)

test('"Slet alt" removes the person from the signups list at once and says what was erased, in the singular for one', async ({ page, request }) => {
  const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
  expect((await submit(request, form)).status()).toBe(201)
  const lektiecafe = await activityTitle(request, 'aarhus-lektiecafe')

  await openAdminAs(page)
  await page.goto(`${cmsUrl()}/admin/collections/signups?where[email][equals]=${encodeURIComponent(form.email!)}`)
  const list = page.locator('.collection-list, main').last()
  await expect(list.getByRole('link', { name: form.name! })).toBeVisible()
  // Set on this page only: still there afterwards means the page was never reloaded.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }))

  const tool = page.locator('[data-personal-data-tool]')
  await tool.getByLabel('E-mail eller telefon').fill(form.email!)
  page.once('dialog', (dialog) => dialog.accept())
  await tool.getByRole('button', { name: 'Slet alt' }).click()

  const result = tool.locator('[data-personal-data-result]')
  await expect(result.locator('p')).toHaveText('Slettet: 1 tilmelding og 1 børneattest.')
  await expect(result.locator('[data-personal-data-erased] li')).toHaveText([
    new RegExp(`^Tilmelding som frivillig til «${lektiecafe}» hos Røde Kors Aarhus, modtaget \\d+\\. \\p{L}+ \\d{4}$`, 'u'),
    new RegExp(`^Børneattest til «${lektiecafe}» hos Røde Kors Aarhus, modtaget `, 'u'),
  ])
  await expect(list.getByRole('link', { name: form.name! })).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)
  expect(await signupsWithEmail(admin, form.email!)).toBe(0)
})

test('the readable copy holds each of the person’s records in Danish words, beside the JSON', async ({ page, request }) => {
  // A message with markup: shown as the person wrote it, never run.
  const volunteer = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe', message: 'Jeg kan <b>tirsdage</b> & torsdage' })
  expect((await submit(request, volunteer)).status()).toBe(201)
  const participant = { ...validForm({ target: 'activity:aarhus-cykelkursus' }), email: volunteer.email, name: volunteer.name }
  expect((await submit(request, participant)).status()).toBe(201)
  const [lektiecafe, cykelkursus] = [await activityTitle(request, 'aarhus-lektiecafe'), await activityTitle(request, 'aarhus-cykelkursus')]

  await openAdminAs(page)
  await page.goto(`${cmsUrl()}/admin/collections/signups`)
  const tool = page.locator('[data-personal-data-tool]')
  await tool.getByLabel('E-mail eller telefon').fill(volunteer.email!)
  const [download] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: 'Læsevenlig udgave' }).click()])
  expect(download.suggestedFilename()).toBe('personoplysninger.html')
  const html = fs.readFileSync((await download.path())!, 'utf8')

  // Read as the person would: the page itself, in a browser tab of its own (the admin's React
  // app, still running in its tab, would take over a document written into it).
  const reader = await page.context().newPage()
  await reader.setContent(html)
  await expect(reader.locator('html')).toHaveAttribute('lang', 'da')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Dine oplysninger hos Røde Kors')
  await expect(reader.locator('body')).toContainText('2 tilmeldinger og 1 børneattest')
  await expect(reader.getByRole('heading', { level: 3 })).toHaveText([
    // Newest first (the participant signup was sent last).
    `Tilmelding som deltager til «${cykelkursus}» hos Røde Kors Aarhus`,
    `Tilmelding som frivillig til «${lektiecafe}» hos Røde Kors Aarhus`,
    `Børneattest til frivilligt arbejde i «${lektiecafe}» hos Røde Kors Aarhus`,
  ])
  const volunteerRecord = reader.locator('li').filter({ hasText: `Tilmelding som frivillig til «${lektiecafe}»` })
  await expect(volunteerRecord.locator('dt')).toContainText(['Status', 'Hvad', 'Navn', 'E-mail', 'Foretrukket sprog', 'Besked', 'Aktivitet', 'Lokalafdeling', 'Samtykke givet'])
  await expect(volunteerRecord).toContainText(volunteer.name!)
  await expect(volunteerRecord).toContainText('Frivillig')
  await expect(volunteerRecord).toContainText('Jeg kan <b>tirsdage</b> & torsdage')
  await expect(volunteerRecord.locator('b')).toHaveCount(0)
  // Dates in words, Copenhagen time ("1. december 2026 kl. 14.05").
  await expect(volunteerRecord.locator('dd').filter({ hasText: /^\d+\. \p{L}+ \d{4} kl\. \d\d[.:]\d\d$/u }).first()).toBeVisible()
  await expect(reader.locator('li').filter({ hasText: 'Børneattest til frivilligt' })).toContainText('Skal bestilles')

  // The JSON stays, for portability.
  const exported = await admin.get(`/personal-data?email=${encodeURIComponent(volunteer.email!)}`)
  expect(exported.headers()['content-type']).toContain('application/json')
  expect((await exported.json()).signups).toHaveLength(2)
  // The readable page runs nothing, even if a value slipped through.
  const readable = await admin.get(`/personal-data?email=${encodeURIComponent(volunteer.email!)}&format=html`)
  expect(readable.headers()['content-security-policy']).toContain("default-src 'none'")
  await admin.delete(`/personal-data?email=${encodeURIComponent(volunteer.email!)}`)
})

test('only an admin gets the readable copy', async ({ request }) => {
  const form = validForm()
  expect((await submit(request, form)).status()).toBe(201)
  const anonymous = await request.get(`${cmsUrl()}/api/personal-data?email=${encodeURIComponent(form.email!)}&format=html`)
  expect(anonymous.status()).toBe(401)
  expect(await anonymous.text()).not.toContain(form.name!)
  await admin.delete(`/personal-data?email=${encodeURIComponent(form.email!)}`)
})
