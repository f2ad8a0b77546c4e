import { expect, test } from '@playwright/test'

import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

/**
 * Amina reads an activity type in Tigrinya (Fatima in Arabic): its text was machine-translated
 * and nobody has checked it yet. The page says so in her language and gives her the Danish
 * original one tap away; the Danish page says nothing of the kind.
 */
for (const lang of ['ti', 'ar'] as const) {
  test(`a machine-translated text says so in ${lang}, with the Danish original one tap away`, async ({ page, request }) => {
    const strings = uiStrings(lang)
    // The activity types whose text in this language is machine-made, as the CMS has them.
    const machine = (await publicDocs(request, 'activity-types', lang)).filter((doc) => doc.translationStatus === 'machine' && doc.title)
    expect(machine.length).toBeGreaterThan(0)
    const { slug } = machine[0]!

    await page.goto(`/${lang}/aktiviteter/${slug}/`)
    const notice = page.locator('[data-translation-notice]')
    await expect(notice).toHaveAttribute('data-translation-notice', 'machine')
    await expect(notice).toContainText(strings['translation.machine']!)
    const original = notice.getByRole('link', { name: strings['translation.original']! })
    await expect(original).toHaveAttribute('hreflang', 'da')
    await original.click()
    await expect(page).toHaveURL(new RegExp(`/da/aktiviteter/${slug}/$`))
    await expect(page.locator('html')).toHaveAttribute('lang', 'da')
    await expect(page.locator('[data-translation-notice]')).toHaveCount(0)
  })
}
