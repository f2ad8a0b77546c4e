import { expect, test } from '@playwright/test'

import { adminApi, json, type Doc } from '../fixtures/api'
import { publicDocs, waitForSite } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

/**
 * Communications staff change the Danish summary of an activity type. Amina reads it in
 * Tigrinya: the page now says the Danish has changed since the translation was made, with the
 * Danish original a tap away. A translator then brings the Tigrinya up to date: the notice goes,
 * the new text shows. The CMS keeps the states itself (nobody sets them by hand).
 */
test('a Danish change marks the Tigrinya outdated on the site, and a translator’s update makes it current again', async ({ page, request }) => {
  test.setTimeout(420_000)
  const strings = uiStrings('ti')
  const admin = await adminApi(request)
  const [type] = (await publicDocs(request, 'activity-types', 'ti')).filter((doc) => doc.translationStatus === 'machine' && doc.summary)
  expect(type).toBeDefined()
  const [danish] = await publicDocs(request, 'activity-types', 'da', `&where[id][equals]=${type!.id}`)
  const path = `/ti/aktiviteter/${type!.slug}/`
  const save = async (locale: string, data: Record<string, unknown>) => {
    const response = await admin.patch(`/activity-types/${type!.id}?locale=${locale}&depth=0`, { ...data, _status: 'published' })
    expect(response.status(), await response.text()).toBe(200)
    return (await json<{ doc: Doc }>(response)).doc
  }

  try {
    await save('da', { summary: `${danish!.summary} Nu også om lørdagen.` })
    const [outdated] = await publicDocs(request, 'activity-types', 'ti', `&where[id][equals]=${type!.id}`)
    expect(outdated!.translationStatus).toBe('outdated')
    await waitForSite(page, path, async () => {
      await expect(page.locator('[data-translation-notice]')).toHaveAttribute('data-translation-notice', 'outdated', { timeout: 1_000 })
    })
    await expect(page.locator('[data-translation-notice]')).toContainText(strings['translation.outdated']!)
    await expect(page.locator('[data-translation-notice] a')).toHaveAttribute('href', `/da/aktiviteter/${type!.slug}/`)

    const current = `${type!.summary} ቀዳም እውን።`
    expect((await save('ti', { summary: current })).translationStatus).toBe('reviewed')
    await waitForSite(page, path, async () => {
      await expect(page.getByText(current)).toBeVisible({ timeout: 1_000 })
    })
    await expect(page.locator('[data-translation-notice]')).toHaveCount(0)
  } finally {
    await save('da', { summary: danish!.summary })
    await save('ti', { summary: type!.summary, translationStatus: 'machine' })
  }
})
