import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { adminApi, json, userApi, type Doc } from '../fixtures/api'
import { cmsUrl, publicDocs, requiredVariable, waitForSite } from '../fixtures/cms'

test('an edit an editor publishes in the admin appears on the served site without any other action', async ({ page, request }) => {
  test.setTimeout(180_000)
  const [bikeCourses] = await publicDocs(request, 'activity-types', 'en', '&where[slug][equals]=cykelkurser')
  const newTitle = `Cycling lessons for adults ${Date.now()}`

  // Log in to the admin as a person would.
  await page.goto(`${cmsUrl()}/admin/login`)
  await page.getByRole('textbox', { name: 'Email' }).fill(requiredVariable('E2E_ADMIN_EMAIL'))
  await page.getByRole('textbox', { name: 'Adgangskode' }).fill(requiredVariable('E2E_ADMIN_PASSWORD'))
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

/**
 * Mette unpublishes one department's page; Jens, editor in another department, publishes an
 * event. His change goes live all the same (the first department's listings are left out, and
 * the build log says so). When a build does fail, Jens sees it on his dashboard and on the
 * event ("Ikke live endnu"), and the notice goes away after the next good build.
 */
test('one department’s unpublished page does not stop another department’s publishing, and a failed build is shown to whoever waits', async ({ browser, page, request }) => {
  test.setTimeout(540_000)
  const admin = await adminApi(request)
  const [herning] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=herning')
  const [esbjerg] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=esbjerg')
  const herningEvents = await publicDocs(request, 'events', 'da', `&where[department][equals]=${herning!.id}`)
  const [event] = await publicDocs(request, 'events', 'da', `&where[department][equals]=${esbjerg!.id}&sort=startsAt`)
  expect(herningEvents.length).toBeGreaterThan(0)
  const cacheDir = path.join(requiredVariable('E2E_SITE_RELEASES_DIR'), '.cache')
  const started = new Date().toISOString()

  // Esbjerg's event links to Herning's page in its text, as an editor would type it.
  const text = (value: string) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
  const link = { type: 'link', version: 3, format: '', indent: 0, direction: null, fields: { linkType: 'custom', url: '/da/afdelinger/herning/', newTab: false }, children: [text('Røde Kors Herning')] }
  const description = { root: { type: 'root', format: '', indent: 0, version: 1, direction: null, children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: null, textFormat: 0, textStyle: '', children: [text('Turen er sammen med '), link] }] } }
  expect((await admin.patch(`/events/${event!.id}?depth=0&locale=da`, { description, _status: 'published' })).status()).toBe(200)
  // As the admin's "Afpublicér" button does.
  expect((await admin.patch(`/departments/${herning!.id}?depth=0`, { _status: 'draft' })).status()).toBe(200)
  try {
    // Herning's own editor is told why Herning's listings are gone.
    const herningEditor = await userApi(request, admin, { role: 'department-editor', departments: [herning!.id], name: 'Herning' })
    const herningPage = await browser.newPage()
    await herningPage.goto(`${cmsUrl()}/admin/login`)
    await herningPage.getByRole('textbox', { name: 'Email' }).fill(herningEditor.email)
    await herningPage.getByRole('textbox', { name: 'Adgangskode' }).fill(herningEditor.password)
    await herningPage.getByRole('button', { name: 'Login' }).click()
    await expect(herningPage.locator('[data-department-hidden]')).toContainText('afdelingens side er ikke offentliggjort')
    await herningPage.goto(`${cmsUrl()}/admin/collections/events/${herningEvents[0]!.id}`)
    await expect(herningPage.locator('[data-not-live-yet] summary')).toHaveText('Ikke live endnu: lokalafdelingen er ikke offentliggjort')
    await herningPage.close()

    const { email, password } = await userApi(request, admin, { role: 'department-editor', departments: [esbjerg!.id], name: 'Jens' })
    await page.goto(`${cmsUrl()}/admin/login`)
    await page.getByRole('textbox', { name: 'Email' }).fill(email)
    await page.getByRole('textbox', { name: 'Adgangskode' }).fill(password)
    await page.getByRole('button', { name: 'Login' }).click()
    await expect(page).toHaveURL(/\/admin\/?$/)

    const publishTitle = async (title: string) => {
      await page.goto(`${cmsUrl()}/admin/collections/events/${event!.id}`)
      await page.locator('#field-title').fill(title)
      await page.getByRole('button', { name: 'Offentliggør ændringer' }).click()
      await expect(page.getByText('Opdateret.').first()).toBeVisible()
    }
    // The admin's autosave of the published event, with no build waiting to absorb it: it asks for no build
    // (it used to be recorded as "Afpubliceret" and rebuild the site), and publishing then asks for one.
    const latestBuild = async () => (await json<{ docs: Doc[] }>(await admin.get('/site-builds?sort=-createdAt&limit=1&depth=0'))).docs[0]
    await expect(async () => expect(['queued', 'running']).not.toContain((await latestBuild())?.status)).toPass({ timeout: 150_000, intervals: [1_000, 2_000] })
    const beforeAutosave = (await latestBuild())!.id
    const firstTitle = `Tur til Vadehavet ${Date.now()}`
    await page.goto(`${cmsUrl()}/admin/collections/events/${event!.id}`)
    const autosaved = page.waitForResponse((response) => response.url().includes('autosave=true') && response.request().method() === 'PATCH')
    await page.locator('#field-title').fill(firstTitle)
    expect((await autosaved).status()).toBe(200)
    await page.getByRole('button', { name: 'Offentliggør ændringer' }).click()
    await expect(page.getByText('Opdateret.').first()).toBeVisible()
    const { docs: asked } = await json<{ docs: Doc[] }>(await admin.get(`/site-builds?where[id][greater_than]=${beforeAutosave}&sort=createdAt&depth=0`))
    expect(asked[0]!.trigger).toBe(`Offentliggjort: Arrangement «${firstTitle}» (Jens)`)
    expect(asked.map((build) => String(build.trigger)).filter((trigger) => trigger.startsWith('Afpubliceret'))).toEqual([])

    // Esbjerg's change is live; Herning's listings are gone, not blocking.
    await waitForSite(page, `/da/arrangementer/${event!.slug}/`, async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText(firstTitle, { timeout: 1_000 })
    })
    // The link to Herning's page is shown as text.
    await expect(page.locator('article').getByText('Røde Kors Herning')).toBeVisible()
    await expect(page.locator('a[href="/da/afdelinger/herning/"]')).toHaveCount(0)
    expect((await request.get(`/da/afdelinger/herning/`)).status()).toBe(404)
    expect((await request.get(`/da/arrangementer/${herningEvents[0]!.slug}/`)).status()).toBe(404)
    await page.goto('/da/arrangementer/')
    for (const gone of herningEvents) await expect(page.locator(`[data-event="${gone.slug}"]`)).toHaveCount(0)
    // The build that put it there says what it left out (its record is completed just after the site is swapped).
    await expect(async () => {
      const { docs: builds } = await json<{ docs: Doc[] }>(await admin.get(`/site-builds?where[status][equals]=succeeded&where[createdAt][greater_than]=${started}&depth=0`))
      const log = builds.map((build) => String(build.log)).find((text) => text.includes('Udeladt:')) ?? ''
      expect(log).toContain(`«${herningEvents[0]!.title}» vises ikke: dets lokalafdeling er ikke offentliggjort`)
      expect(log).toContain(`Linket til /da/afdelinger/herning/ på da/arrangementer/${event!.slug}/index.html vises uden link`)
    }).toPass({ timeout: 30_000 })

    // A build that fails for another reason: its content store cannot be written.
    fs.renameSync(cacheDir, `${cacheDir}.kept`)
    fs.writeFileSync(cacheDir, 'not a folder')
    try {
      const secondTitle = `Tur til Vadehavet og Fanø ${Date.now()}`
      await publishTitle(secondTitle)
      await expect(async () => {
        const { docs } = await json<{ docs: Doc[] }>(await admin.get('/site-builds?sort=-createdAt&limit=1&depth=0'))
        expect(docs[0]!.status).toBe('failed')
      }).toPass({ timeout: 150_000, intervals: [1_000, 2_000, 3_000] })

      // Jens sees it on his dashboard and on the event, in plain Danish, without server paths.
      await page.goto(`${cmsUrl()}/admin`)
      const notice = page.locator('[data-not-live-yet]')
      await expect(notice).toContainText('Ikke live endnu')
      await expect(notice.getByRole('link', { name: secondTitle })).toBeVisible()
      await expect(notice).toContainText('Serveren kunne ikke gemme den nye udgave af siden')
      await expect(notice).not.toContainText(requiredVariable('E2E_SITE_RELEASES_DIR'))
      await page.goto(`${cmsUrl()}/admin/collections/events/${event!.id}`)
      const onDocument = page.locator('[data-not-live-yet]')
      await expect(onDocument.locator('summary')).toHaveText('Ikke live endnu: opdateringen af siden fejlede')
      await onDocument.locator('summary').click()
      await expect(onDocument.getByText('Serveren kunne ikke gemme den nye udgave af siden')).toBeVisible()
    } finally {
      fs.rmSync(cacheDir, { force: true })
      fs.renameSync(`${cacheDir}.kept`, cacheDir)
    }

    // The next good build clears it.
    expect((await admin.post('/site-builds/rebuild', {})).status()).toBe(202)
    await expect(async () => {
      const { docs } = await json<{ docs: Doc[] }>(await admin.get('/site-builds?sort=-createdAt&limit=1&depth=0'))
      expect(docs[0]!.status).toBe('succeeded')
    }).toPass({ timeout: 150_000, intervals: [1_000, 2_000, 3_000] })
    await page.goto(`${cmsUrl()}/admin`)
    await expect(page.locator('[data-department-dashboard]')).toBeVisible()
    await expect(page.locator('[data-not-live-yet]')).toHaveCount(0)
    await page.goto(`${cmsUrl()}/admin/collections/events/${event!.id}`)
    await expect(page.locator('#field-title')).toBeVisible()
    await expect(page.locator('[data-not-live-yet]')).toHaveCount(0)
  } finally {
    // The department-editor spec and later runs expect every seeded department published.
    await admin.patch(`/departments/${herning!.id}?depth=0`, { _status: 'published' })
  }
})
