import { expect, test } from '@playwright/test'

import { adminApi, json, type Doc } from '../fixtures/api'
import { openAdminAs } from '../fixtures/admin'
import { cmsUrl } from '../fixtures/cms'

const languages = [
  { language: 'da', changed: 'Den danske tekst er ændret', summary: 'Kort beskrivelse', missing: 'Ingen oversættelse til dette sprog endnu' },
  { language: 'en', changed: 'The Danish text has changed', summary: 'Summary', missing: 'No translation into this language yet' },
] as const

/**
 * In a translation's edit view the sidebar says which fields' Danish changed after it was made,
 * and that a language without a translation has none, in the admin's language.
 */
for (const { language, changed, summary, missing } of languages) {
  test(`the sidebar names the fields changed in Danish since the translation, in ${language}`, async ({ page, request }) => {
    const admin = await adminApi(request)
    // Drafts only: nothing here goes on the public site.
    const created = await admin.post('/pages?draft=true&locale=da', { title: `Oversat ${language} ${Date.now()}`, summary: 'Før.', _status: 'draft' })
    expect(created.status()).toBe(201)
    const { doc } = await json<{ doc: Doc }>(created)
    try {
      const translated = await admin.patch(`/pages/${doc.id}?draft=true&locale=ti`, { title: 'ትርጉም', summary: 'ቅድሚ።', translationStatus: 'machine', _status: 'draft' })
      expect(translated.status()).toBe(200)
      expect((await admin.patch(`/pages/${doc.id}?draft=true&locale=da`, { summary: 'Efter.', _status: 'draft' })).status()).toBe(200)

      await openAdminAs(page, language)
      await page.goto(`${cmsUrl()}/admin/collections/pages/${doc.id}?locale=ti`)
      const sidebar = page.locator('[data-translation-changes]')
      await expect(sidebar).toContainText(changed)
      await expect(sidebar.getByRole('listitem')).toHaveText([summary])

      // A person who corrects the translation reviews it (the admin saves it as a draft by itself).
      await page.locator('#field-summary').fill('ድሕሪ።')
      await expect
        .poll(async () => (await json<Doc>(await admin.get(`/pages/${doc.id}?draft=true&locale=ti&depth=0`))).translationStatus)
        .toBe('reviewed')

      await page.goto(`${cmsUrl()}/admin/collections/pages/${doc.id}?locale=so`)
      await expect(page.locator('[data-translation-changes]')).toContainText(missing)
    } finally {
      await admin.delete(`/pages/${doc.id}`)
    }
  })
}
