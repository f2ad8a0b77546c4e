import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

import { adminApi, json, userApi, type Api, type Doc } from '../fixtures/api'
import { cmsUrl } from '../fixtures/cms'
import { submit, validForm } from '../fixtures/signup'

/**
 * "Fremmøde" (issue 15, item 7): a department editor opens the list of their event on a phone,
 * ticks the two people who came and enters the headcount; the list shows names in any script
 * the right way round, has no accessibility violations, and prints as a plain list.
 */
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
const hourFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

let admin: Api
let event: Doc
let editor: Awaited<ReturnType<typeof userApi>>
let outsider: Awaited<ReturnType<typeof userApi>>
const names = { ali: 'Ali Hassan', fatima: 'فاطمة الزهراء', soren: 'Søren Nielsen' }
const signupIds: Record<string, number | string> = {}

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext()
  admin = await adminApi(request)
  const department = async (name: string) => {
    const response = await admin.post('/departments', { name, town: 'Testby', municipality: 'Testby', region: 'sjaelland', slug: unique('afdeling'), _status: 'published' })
    expect(response.status(), await response.text()).toBe(201)
    return (await json<{ doc: Doc }>(response)).doc
  }
  const own = await department('Røde Kors Fremmødeby')
  const other = await department('Røde Kors Andenby')
  // Open for signups (an event that has begun takes none), then moved to an hour ago: it is under way.
  const slug = unique('familiedag')
  const created = await admin.post('/events?depth=0', { title: 'Familiedag i parken', slug, startsAt: hourFromNow(2), department: own.id, howToJoin: 'sign-up', _status: 'published' })
  expect(created.status(), await created.text()).toBe(201)
  event = (await json<{ doc: Doc }>(created)).doc
  for (const [key, name] of Object.entries(names)) {
    const form = validForm({ target: `event:${slug}`, name, language: key === 'fatima' ? 'ar' : 'da' })
    const response = await submit(request, form)
    expect(response.status(), await response.text()).toBe(201)
    const { docs } = await json<{ docs: Doc[] }>(await admin.get(`/signups?depth=0&where[email][equals]=${encodeURIComponent(form.email!)}`))
    signupIds[key] = docs[0]!.id
  }
  expect((await admin.patch(`/events/${String(event.id)}`, { startsAt: hourFromNow(-1) })).status()).toBe(200)
  editor = await userApi(request, admin, { role: 'department-editor', departments: [own.id] })
  outsider = await userApi(request, admin, { role: 'department-editor', departments: [other.id] })
})

test.afterAll(async () => {
  for (const user of [editor, outsider]) if (user) await admin.delete(`/users/${String(user.user.id)}`)
})

async function signIn(page: Page, api: Api, language: 'da' | 'en' = 'da') {
  await page.context().addCookies([
    { name: 'payload-token', value: api.headers.Authorization!.replace(/^JWT /, ''), url: cmsUrl() },
    { name: 'payload-lng', value: language, url: cmsUrl() },
  ])
}

test('a department editor ticks two people on a phone, and the record and their figures are saved', async ({ page }) => {
  await signIn(page, editor.api)
  await page.goto(`${cmsUrl()}/admin/fremmoede?event=${String(event.id)}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Fremmøde' })).toBeVisible()
  const list = page.locator('[data-attendance-list]')
  await expect(list.locator('[data-attendance-name]')).toHaveText([names.ali, names.soren, names.fatima].sort((a, b) => a.localeCompare(b, 'da')))
  await expect(page.locator('[data-attendance-recorded]')).toHaveText('Endnu ikke registreret.')

  // The Arabic name runs right to left in its cell; the Danish ones left to right.
  const fatima = list.locator('[data-attendance-name]', { hasText: names.fatima })
  await expect(fatima).toHaveAttribute('dir', 'auto')
  expect(await fatima.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
  expect(await list.locator('[data-attendance-name]', { hasText: names.ali }).evaluate((element) => getComputedStyle(element).direction)).toBe('ltr')

  await page.getByRole('checkbox', { name: names.ali }).check()
  await page.getByRole('checkbox', { name: names.fatima }).check()
  await page.getByLabel('Antal fremmødte i alt').fill('5')
  // Nothing of the list needs scrolling sideways on a 360 px screen.
  expect(await list.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(360)
  await page.getByRole('button', { name: 'Gem fremmøde' }).click()
  await expect(page.locator('[data-attendance-status]')).toHaveText(/^Gemt \d\d[.:]\d\d\.$/)

  const saved = await json<{ record: { attended: (number | string)[]; headcount: number } }>(await editor.api.get(`/attendance/meeting?event=${String(event.id)}`))
  expect(saved.record.attended.map(String).sort()).toEqual([signupIds.ali, signupIds.fatima].map(String).sort())
  expect(saved.record.headcount).toBe(5)
  const figures = async (key: string) => (await json<{ attendedCount: number | null }>(await admin.get(`/signups/${String(signupIds[key])}?depth=0`))).attendedCount ?? 0
  expect([await figures('ali'), await figures('fatima'), await figures('soren')]).toEqual([1, 1, 0])

  // Opened again, the list shows what was saved.
  await page.reload()
  await expect(page.getByRole('checkbox', { name: names.ali })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: names.fatima })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: names.soren })).not.toBeChecked()
  await expect(page.getByLabel('Antal fremmødte i alt')).toHaveValue('5')
})

test('the attendance view has no accessibility violations, and prints only the list', async ({ page }) => {
  await signIn(page, editor.api)
  await page.goto(`${cmsUrl()}/admin/fremmoede?event=${String(event.id)}`)
  await expect(page.locator('[data-attendance-list]')).toBeVisible()
  // Payload's own locale picker in the header is not ours to restyle (as on the translations overview).
  const results = await new AxeBuilder({ page }).exclude('.localizer').analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('[data-attendance-list]')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Gem fremmøde' })).toBeHidden()
  await expect(page.locator('.app-header')).toBeHidden()
})

test('the menu leads to the view, whose picker offers the department’s meetings near today (in English too)', async ({ page }) => {
  await signIn(page, editor.api, 'en')
  await page.goto(`${cmsUrl()}/admin`)
  await expect(page.locator('[data-attendance-nav]')).toHaveAttribute('href', '/admin/fremmoede')
  await page.goto(`${cmsUrl()}/admin/fremmoede`)
  await expect(page.getByRole('heading', { level: 1, name: 'Attendance' })).toBeVisible()
  const picker = page.getByLabel('Meeting')
  await expect(picker.locator('option')).toHaveText([/Familiedag i parken$/])
  await picker.selectOption(`event:${String(event.id)}`)
  await expect(page).toHaveURL(new RegExp(`/admin/fremmoede\\?event=${String(event.id)}$`))
  await expect(page.getByRole('checkbox', { name: names.soren })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save attendance' })).toBeVisible()
})

test('another department’s editor sees none of the list', async ({ page }) => {
  const answer = await outsider.api.get(`/attendance/meeting?event=${String(event.id)}`)
  expect(answer.status()).toBe(403)
  expect(await answer.text()).not.toContain('Ali')
  await signIn(page, outsider.api)
  await page.goto(`${cmsUrl()}/admin/fremmoede?event=${String(event.id)}`)
  await expect(page.locator('[data-attendance]').getByRole('alert')).toContainText('din egen lokalafdelings')
  await expect(page.locator('[data-attendance-list]')).toHaveCount(0)
  await expect(page.getByText(names.ali)).toHaveCount(0)
})
