import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { adminApi, json } from '../fixtures/api'
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
