import type { Page } from '@playwright/test'

import { type Api, type Doc, json, userApi } from '../fixtures/api'
import { cmsUrl } from '../fixtures/cms'
import { signupsWithEmail, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'

/**
 * Signups in the admin: a department editor's dashboard, and the admin's erase tool on the
 * signups list.
 */
test.describe('in the admin', () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })

  async function logIn(page: Page, api: Api) {
    const token = api.headers.Authorization!.replace(/^JWT /, '')
    await page.context().addCookies([{ name: 'payload-token', value: token, url: cmsUrl() }])
  }

  test('a department editor’s dashboard lists their new signups, certificate tasks and renewals, and nothing of others', async ({ page, request, admin }) => {
    const participant = validForm({ target: 'activity:aarhus-cykelkursus' })
    const volunteer = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    const renewing = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    const elsewhere = validForm({ kind: 'volunteer', target: 'activity:odense-lektiecafe' })
    for (const form of [participant, volunteer, renewing, elsewhere]) expect((await submit(request, form)).status()).toBe(201)
    const certificate = (await json<{ docs: Doc[] }>(await admin.get(`/child-certificates?where[volunteerEmail][equals]=${renewing.email}&depth=0`))).docs[0]!
    const clearedAt = new Date(Date.now() - 700 * 86_400_000).toISOString()
    expect((await admin.patch(`/child-certificates/${certificate.id}`, { status: 'cleared', clearedAt })).status()).toBe(200)

    const aarhus = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
    await logIn(page, (await userApi(request, admin, { role: 'department-editor', departments: [aarhus.id] })).api)
    await page.goto(`${cmsUrl()}/admin`)
    const dashboard = page.locator('[data-department-dashboard]')
    await expect(dashboard.locator('[data-dashboard-signups]')).toContainText(participant.name!)
    await expect(dashboard.locator('[data-dashboard-signups]')).toContainText(volunteer.name!)
    await expect(dashboard.locator('[data-dashboard-certificates]')).toContainText(volunteer.name!)
    await expect(dashboard.locator('[data-dashboard-certificates]')).not.toContainText(renewing.name!)
    await expect(dashboard.locator('[data-dashboard-renewals]')).toContainText(renewing.name!)
    await expect(dashboard).not.toContainText(elsewhere.name!)
  })

  test('an admin erases one person’s data from the signups list; an editor sees no signups', async ({ page, request, admin }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    expect((await submit(request, form)).status()).toBe(201)
    await logIn(page, admin)
    await page.goto(`${cmsUrl()}/admin/collections/signups`)
    const tool = page.locator('[data-personal-data-tool]')
    await tool.getByLabel(/E-mail eller telefon|Email or phone/).fill(form.email!)
    page.once('dialog', (dialog) => dialog.accept())
    await tool.getByRole('button', { name: /Slet alt|Erase all/ }).click()
    await expect(tool.locator('[data-personal-data-result]')).toHaveText(/(Slettet|Erased): 1 .* 1 /)
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)

    await page.context().clearCookies()
    await logIn(page, (await userApi(request, admin, { role: 'editor' })).api)
    await page.goto(`${cmsUrl()}/admin`)
    await expect(page.getByRole('link', { name: /Tilmeldinger|Signups/ })).toHaveCount(0)
    const list = await page.goto(`${cmsUrl()}/admin/collections/signups`)
    await expect(page.locator('body')).not.toContainText(form.name!)
    expect(list?.status()).not.toBe(500)
  })
})
