import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { adminApi, json, userApi } from '../fixtures/api'
import { openAdminAs } from '../fixtures/admin'
import { cmsUrl } from '../fixtures/cms'

type Statuses = Record<string, string | null | undefined>

/**
 * The "Oversættelser" overview in the Danish admin: the seed's translations are machine made,
 * so the activity types count as machine translated in Tigrinya; a click on the count lists them,
 * each opens in Tigrinya, and the sidebar shows every language's state.
 */
test('the overview counts the seed\'s machine translations and leads to a Tigrinya document and its languages', async ({ page, request }) => {
  const admin = await adminApi(request)
  const { docs } = await json<{ docs: { id: number | string; title: Record<string, string>; translationStatus: Statuses }[] }>(
    await admin.get('/activity-types?locale=all&draft=true&depth=0&limit=0'),
  )
  const machineInTigrinya = docs.filter((doc) => doc.translationStatus.ti === 'machine')
  // The seed ships its translations as machine made (content/README.md).
  expect(machineInTigrinya.length).toBeGreaterThan(0)

  await openAdminAs(page, 'da')
  await page.goto(`${cmsUrl()}/admin`)
  // The nav may start closed (Payload keeps that per user), so the link is followed rather than clicked.
  await expect(page.locator('[data-translations-nav]')).toHaveText('Oversættelser')
  await expect(page.locator('[data-translations-nav]')).toHaveAttribute('href', '/admin/oversaettelser')
  await page.goto(`${cmsUrl()}/admin/oversaettelser`)
  await expect(page.getByRole('heading', { level: 1, name: 'Oversættelser' })).toBeVisible()

  const tigrinya = page.locator('[data-translation-matrix] tr[data-entity="activity-types"] td[data-locale="ti"]')
  await expect(tigrinya.locator('[data-state="machine"] [data-count]')).toHaveText(String(machineInTigrinya.length))
  await expect(tigrinya.locator('[data-state="missing"] [data-count]')).toHaveText(String(docs.length - machineInTigrinya.length - docs.filter((doc) => ['reviewed', 'outdated'].includes(String(doc.translationStatus.ti))).length))
  // No provider in the test environment: every language is for people.
  await expect(page.locator('[data-machine-row] td[data-locale="ti"]')).toHaveText('kun menneskelige oversættere')

  await tigrinya.locator('[data-state="machine"] a').click()
  const list = page.locator('[data-translation-documents]')
  await expect(list.getByRole('heading', { level: 2 })).toHaveText('Aktivitetstyper – Tigrinya: Maskinoversat')
  await expect(list.getByRole('link', { name: 'Redigér på Tigrinya' })).toHaveCount(machineInTigrinya.length)

  const first = machineInTigrinya[0]!
  await list.getByRole('listitem').filter({ hasText: first.title.da }).getByRole('link', { name: 'Redigér på Tigrinya' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/activity-types/${String(first.id)}\\?locale=ti$`))
  const languages = page.locator('[data-translation-locales]')
  await expect(languages.locator('li[data-locale="da"]')).toHaveText('Dansk: Original')
  await expect(languages.locator('li[data-locale="ti"]')).toHaveText('Tigrinya: Maskinoversat')
  for (const [locale, status] of Object.entries(first.translationStatus)) {
    if (locale === 'da') continue
    await expect(languages.locator(`li[data-locale="${locale}"]`)).toHaveAttribute('data-state', status ?? 'missing')
  }
  await expect(languages.locator('li[data-locale="so"] a')).toHaveAttribute('href', `/admin/collections/activity-types/${String(first.id)}?locale=so`)
})

test('the overview has no accessibility violations', async ({ page }) => {
  await openAdminAs(page, 'da')
  await page.goto(`${cmsUrl()}/admin/oversaettelser`)
  await expect(page.locator('[data-translation-matrix]')).toBeVisible()
  // Payload's own locale picker in the header (grey on grey) is not ours to restyle, and picks nothing on this page.
  const results = await new AxeBuilder({ page }).exclude('.localizer').analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
})

test('a department editor sees the counts of their own department\'s documents only', async ({ page, request }) => {
  const admin = await adminApi(request)
  const { docs: departments } = await json<{ docs: { id: number | string }[] }>(await admin.get('/departments?limit=1&depth=0&sort=name'))
  const department = departments[0]!
  const { totalDocs: activities } = await json<{ totalDocs: number }>(await admin.get(`/activities?draft=true&limit=1&depth=0&where[department][equals]=${String(department.id)}`))
  const { api, user } = await userApi(request, admin, { role: 'department-editor', departments: [department.id] })
  try {
    await page.context().addCookies([
      { name: 'payload-token', value: api.headers.Authorization!.replace(/^JWT /, ''), url: cmsUrl() },
      { name: 'payload-lng', value: 'da', url: cmsUrl() },
    ])
    await page.goto(`${cmsUrl()}/admin/oversaettelser`)
    await expect(page.locator('[data-translation-overview]')).toContainText('Kun din lokalafdelings dokumenter er talt med.')
    const rows = page.locator('[data-translation-matrix] tbody tr[data-entity]')
    await expect(rows).toHaveCount(3)
    expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-entity')))).toEqual(['departments', 'activities', 'events'])
    const count = (entity: string, state: string) => page.locator(`tr[data-entity="${entity}"] td[data-locale="ti"] [data-state="${state}"] [data-count]`)
    const total = async (entity: string) =>
      (await Promise.all(['missing', 'machine', 'outdated', 'reviewed'].map(async (state) => Number(await count(entity, state).textContent())))).reduce((sum, value) => sum + value, 0)
    // Their own department page, and their department's activities: not the other departments'.
    expect(await total('departments')).toBe(1)
    expect(await total('activities')).toBe(activities)
  } finally {
    await admin.delete(`/users/${String(user.id)}`)
  }
})

/**
 * The import's report as a coordinator reads it: each text by its document and field, what needs
 * attention first, the unchanged folded with their count. (The file changes nothing: its one
 * edited unit's Danish is not the current one, the rest are left as exported.)
 */
test('the import report names documents and fields, puts what needs attention first and folds the unchanged', async ({ page, request }) => {
  const admin = await adminApi(request)
  const exported = await (await admin.get('/translations/export?locale=ti&status=machine&collection=activity-types')).text()
  const ids = [...exported.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]!)
  const changed = ids.find((id) => id.endsWith('/summary'))!
  const file = exported.replace(new RegExp(`(<trans-unit id="${changed}"[^>]*>\\s*<source>)`), '$1Ældre dansk: ')
  const [, docId] = changed.split('/')
  const { title } = await json<{ title: string }>(await admin.get(`/activity-types/${docId}?locale=da&depth=0`))

  await openAdminAs(page, 'da')
  await page.goto(`${cmsUrl()}/admin/oversaettelser`)
  const importing = page.locator('[data-translation-import]')
  await expect(importing.getByLabel('Markér uændrede maskinoversættelser i filen som gennemlæst')).not.toBeChecked()
  await importing.locator('input[type="file"]').setInputFiles({ name: 'ti.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(file) })
  await importing.getByRole('button', { name: 'Indlæs fil' }).click()
  const report = page.locator('[data-import-report]')
  const first = report.locator('tr[data-outcome]').first()
  await expect(first).toHaveAttribute('data-outcome', 'source-changed')
  await expect(first.locator('td').nth(0)).toHaveText(`Aktivitetstype “${title}”`)
  await expect(first.locator('td').nth(1)).toHaveText('Kort beskrivelse')
  const folded = report.locator('details[data-unchanged]')
  await expect(folded.locator('summary')).toHaveText(`${ids.length - 1} uændrede tekster`)
  await expect(folded.locator('tr[data-outcome="unchanged"]')).toHaveCount(ids.length - 1)
  await expect(folded.locator('tr[data-outcome="unchanged"]').first()).toBeHidden()
  await expect(report.locator('tr[data-outcome="unchanged"]:visible')).toHaveCount(0)
})
