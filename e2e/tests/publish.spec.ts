import { expect, test } from '@playwright/test'

import { cmsUrl, publicDocs, waitForSite } from '../fixtures/cms'

test('an edit an editor publishes in the admin appears on the served site without any other action', async ({ page, request }) => {
  test.setTimeout(180_000)
  const [bikeCourses] = await publicDocs(request, 'activity-types', 'en', '&where[slug][equals]=cykelkurser')
  const newTitle = `Cycling lessons for adults ${Date.now()}`

  // Log in to the admin as a person would.
  await page.goto(`${cmsUrl()}/admin/login`)
  await page.getByRole('textbox', { name: 'Email' }).fill(process.env.E2E_ADMIN_EMAIL!)
  await page.getByRole('textbox', { name: 'Adgangskode' }).fill(process.env.E2E_ADMIN_PASSWORD!)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)

  // Edit the English title of "Cykelkurser" and publish.
  await page.goto(`${cmsUrl()}/admin/collections/activity-types/${bikeCourses!.id}?locale=en`)
  const title = page.locator('#field-title')
  await expect(title).toHaveValue(String(bikeCourses!.title))
  await title.fill(newTitle)
  await page.getByRole('button', { name: 'Offentliggør ændringer' }).click()
  await expect(page.getByText('Opdateret.').first()).toBeVisible()

  const [published] = await publicDocs(request, 'activity-types', 'en', '&where[slug][equals]=cykelkurser')
  expect(published!.title).toBe(newTitle)

  // Nobody presses "deploy": the CMS rebuilds and swaps in a new release by itself.
  await waitForSite(page, '/en/aktiviteter/cykelkurser/', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newTitle, { timeout: 1_000 })
  })
  await page.goto('/en/')
  await expect(page.locator('[data-activity-type="cykelkurser"] h3')).toHaveText(newTitle)
})
