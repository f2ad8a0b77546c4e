import fs from 'node:fs'

import { expect, test } from '@playwright/test'

import { openAdminAs } from '../fixtures/admin'
import { adminApi, json } from '../fixtures/api'
import { cmsUrl, publicDocs, waitForSite } from '../fixtures/cms'

/**
 * Mette exports the Tigrinya texts that need work from "Oversættelser", a translator corrects one
 * activity type in their tool (the summary rewritten, every text of it confirmed), Mette loads the
 * file back in the admin and reads the report, and Amina sees the reviewed Tigrinya on the site
 * a few seconds later, without the machine-translation notice.
 */
test('export Tigrinya in the admin, import the translator’s file back, and the site shows it', async ({ page, request }) => {
  test.setTimeout(420_000)
  const admin = await adminApi(request)
  const [type] = (await publicDocs(request, 'activity-types', 'ti')).filter((doc) => doc.translationStatus === 'machine' && doc.summary)
  expect(type).toBeDefined()
  const prefix = `activity-types/${type!.id}/`
  const summary = `ኣብዚ ናይ ትግርኛ ትርጉም ብሰብ ተራእዩ። ${Date.now()}`

  await openAdminAs(page, 'da')
  await page.goto(`${cmsUrl()}/admin/oversaettelser`)
  const exporting = page.locator('[data-translation-export]')
  await exporting.getByRole('combobox').selectOption('ti')
  const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'Hent XLIFF-fil' }).click()])
  expect(download.suggestedFilename()).toMatch(/^drk-ti-\d{4}-\d{2}-\d{2}\.xlf$/)
  const exported = fs.readFileSync((await download.path())!, 'utf8')
  expect(exported).toContain('target-language="ti"')

  // The translator's tool: every unit of this activity type confirmed, its summary rewritten.
  const units = [...exported.matchAll(/<trans-unit\b[^>]*\bid="([^"]+)"[\s\S]*?<\/trans-unit>/g)].filter(([, id]) => id!.startsWith(prefix))
  expect(units.map(([, id]) => id)).toContain(`${prefix}summary`)
  let edited = exported
  for (const [unit, id] of units) {
    let done = unit.replace(/<target\b[^>]*>/, (target) => target.replace(/\sstate="[^"]*"/, '').replace(/\sstate-qualifier="[^"]*"/, '').replace('<target', '<target state="translated"'))
    if (id === `${prefix}summary`) done = done.replace(/(<target\b[^>]*>)[\s\S]*?(<\/target>)/, `$1${summary}$2`)
    edited = edited.replace(unit, done)
  }
  const file = test.info().outputPath('ti.xlf')
  fs.writeFileSync(file, edited)

  try {
    const importing = page.locator('[data-translation-import]')
    await importing.locator('input[type="file"]').setInputFiles(file)
    await importing.getByRole('button', { name: 'Indlæs fil' }).click()
    const report = page.locator('[data-import-report]')
    // Each row names the document and the field as the CMS labels them, not by the unit's id.
    const row = report.locator(`tr[data-outcome="applied"][data-unit="${prefix}summary"]`)
    await expect(row).toBeVisible({ timeout: 60_000 })
    await expect(row.locator('td').first()).toContainText('“')
    await expect(row.locator('td').first()).not.toContainText(prefix)
    await expect(report.getByRole('heading', { level: 3 })).toContainText('Tigrinya')

    const [stored] = await publicDocs(request, 'activity-types', 'ti', `&where[id][equals]=${type!.id}`)
    expect([stored!.summary, stored!.translationStatus]).toEqual([summary, 'reviewed'])
    await waitForSite(page, `/ti/aktiviteter/${type!.slug}/`, async () => {
      await expect(page.getByText(summary)).toBeVisible({ timeout: 1_000 })
    })
    await expect(page.locator('[data-translation-notice]')).toHaveCount(0)

    // Without script the overview's form sends one status per ticked box: the file holds those states only.
    const missingAndReviewed = await admin.get(`/translations/export?locale=ti&status=missing&status=reviewed`)
    expect(missingAndReviewed.status()).toBe(200)
    expect(await missingAndReviewed.text()).toContain(`id="${prefix}summary"`)
  } finally {
    const restored = await admin.patch(`/activity-types/${type!.id}?locale=ti&depth=0`, { summary: type!.summary, translationStatus: 'machine', _status: 'published' })
    expect(restored.status()).toBe(200)
    expect((await json<{ doc: { translationStatus: string } }>(restored)).doc.translationStatus).toBe('machine')
  }
})
