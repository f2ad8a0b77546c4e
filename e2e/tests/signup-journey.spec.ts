import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page, test } from '@playwright/test'

import { adminApi, type Api, type Doc, json, userApi } from '../fixtures/api'
import { unique } from '../fixtures/access-world'
import { cmsUrl, publicDocs } from '../fixtures/cms'
import { receivedMail, recipients } from '../fixtures/signup'
import { uiStrings } from '../fixtures/ui-strings'

// The calls to action on the static site: a form in the reader's language posts to the CMS, which
// answers with a thank-you page (no JavaScript) or JSON (inline confirmation). The department that
// runs the activity sees the signup; no other department does.

const ar = uiStrings('ar')
const en = uiStrings('en')

async function departmentBySlug(admin: Api, slug: string): Promise<Doc> {
  const { docs } = await json<{ docs: Doc[] }>(await admin.get(`/departments?where[slug][equals]=${slug}&depth=0&limit=1`))
  if (!docs[0]) throw new Error(`demo department ${slug} is missing`)
  return docs[0]
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The name field: its label is the name plus "(required)". */
const nameField = (page: Page, strings: Record<string, string>) => page.getByLabel(new RegExp(`^${escape(strings['signup.form.name']!)}(\\s|$)`))

async function fillSignupForm(page: Page, person: { name: string; email: string; message?: string }, strings: Record<string, string>) {
  await nameField(page, strings).fill(person.name)
  await page.getByLabel(strings['signup.form.email']!, { exact: true }).fill(person.email)
  if (person.message) await page.getByLabel(strings['signup.form.message']!).fill(person.message)
  await page.getByRole('checkbox').check()
}

/** The signups (and child-certificate records) a user can read, found by the person's name. */
async function signupsNamed(api: Api, name: string) {
  const query = `where[name][equals]=${encodeURIComponent(name)}&depth=0`
  return json<{ docs: Doc[]; totalDocs: number }>(await api.get(`/signups?${query}`))
}
async function certificatesNamed(api: Api, name: string) {
  const query = `where[volunteerName][equals]=${encodeURIComponent(name)}&depth=0`
  return json<{ docs: Doc[]; totalDocs: number }>(await api.get(`/child-certificates?${query}`))
}

async function firstSignUpActivity(request: APIRequestContext) {
  const [activity] = await publicDocs(request, 'activities', 'da', '&where[howToJoin][equals]=sign-up&sort=slug')
  if (!activity) throw new Error('the demo data has no activity with howToJoin "sign-up"')
  return activity
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a volunteer signs up in Arabic for a homework café; only that department sees the signup and its child-certificate task', async ({
    page,
    request,
  }) => {
    const name = unique('سارة')
    await page.goto('/ar/frivillig/')
    const listing = page.locator('[data-volunteer-activity="holbaek-lektiecafe"]')
    // A homework café works with children under 15: the listing says a certificate is needed.
    await expect(listing).toContainText(ar['volunteer.childCertificateNeeded']!)
    await listing.getByRole('link', { name: ar['volunteer.helpHere'] }).click()

    await expect(page).toHaveURL(/\/ar\/frivillig\/holbaek-lektiecafe\/$/)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.locator('[data-child-certificate-needed]')).toBeVisible()
    const form = page.locator('form[data-signup-form]')
    await fillSignupForm(page, { name, email: `${unique('sara')}@example.org`, message: 'أستطيع المساعدة يوم الاثنين.' }, ar)
    await form.getByRole('button', { name: ar['signup.form.submit'] }).click()

    // The CMS answered the plain POST with a redirect to the Arabic thank-you page.
    await expect(page).toHaveURL(/\/ar\/tak\/frivillig\/$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['thanks.volunteerTitle']!)
    // When to expect the department, and what to do if nothing happens.
    await expect(page.locator('[data-volunteer-when]')).toHaveText(ar['signup.volunteerWhen']!)
    await page.getByRole('link', { name: ar['cta.childCertificate'] }).click()
    await expect(page).toHaveURL(/\/ar\/boerneattest\/$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['childCertificate.title']!)

    const admin = await adminApi(request)
    const holbaek = await departmentBySlug(admin, 'holbaek')
    const aarhus = await departmentBySlug(admin, 'aarhus')
    const [activity] = await publicDocs(request, 'activities', 'da', '&where[slug][equals]=holbaek-lektiecafe')
    const ownEditor = await userApi(request, admin, { role: 'department-editor', departments: [holbaek.id], name: 'Holbæk' })
    const otherEditor = await userApi(request, admin, { role: 'department-editor', departments: [aarhus.id], name: 'Aarhus' })

    const own = await signupsNamed(ownEditor.api, name)
    expect(own.docs).toHaveLength(1)
    expect(own.docs[0]).toMatchObject({ kind: 'volunteer', language: 'ar', department: holbaek.id, activity: activity!.id, status: 'new' })
    const certificates = await certificatesNamed(ownEditor.api, name)
    expect(certificates.docs).toHaveLength(1)
    expect(certificates.docs[0]).toMatchObject({ status: 'to-request', department: holbaek.id, signup: own.docs[0]!.id })

    expect((await signupsNamed(otherEditor.api, name)).totalDocs).toBe(0)
    expect((await certificatesNamed(otherEditor.api, name)).totalDocs).toBe(0)
    // Nor does the public.
    expect((await request.get(`${cmsUrl()}/api/signups?where[name][equals]=${encodeURIComponent(name)}`)).status()).toBe(403)
  })
})

test('with JavaScript the participant form confirms inline, without leaving the page', async ({ page, request }) => {
  const activity = await firstSignUpActivity(request)
  const name = unique('Olena')
  await page.goto(`/en/tilmelding/${activity.slug}/`)
  const address = page.url()
  await fillSignupForm(page, { name, email: `${name}@example.org` }, en)
  await page.getByRole('button', { name: en['signup.form.submit'] }).click()

  const confirmation = page.getByRole('status')
  await expect(confirmation).toHaveText(en['signup.sent']!)
  await expect(confirmation).toBeFocused()
  await expect(page.locator('form[data-signup-form]')).toHaveCount(0)
  expect(page.url()).toBe(address)

  const admin = await adminApi(request)
  const stored = await signupsNamed(admin, name)
  expect(stored.docs).toHaveLength(1)
  expect(stored.docs[0]).toMatchObject({ kind: 'participant', language: 'en', activity: activity.id })
})

test('a signup filled by autofill and sent the moment the page loads is stored, and the department is told', async ({ page, request }) => {
  const activity = await firstSignUpActivity(request)
  const name = unique('Amina')
  const email = `${unique('amina')}@example.org`
  await page.goto(`/en/tilmelding/${activity.slug}/`)
  // All at once, as a phone's autofill and a quick tap do: no time passes between load and send.
  await page.evaluate(
    ({ name, email }) => {
      const form = document.querySelector<HTMLFormElement>('form[data-signup-form]')!
      ;(form.elements.namedItem('name') as HTMLInputElement).value = name
      ;(form.elements.namedItem('email') as HTMLInputElement).value = email
      ;(form.elements.namedItem('consent') as HTMLInputElement).checked = true
      form.requestSubmit()
    },
    { name, email },
  )
  await expect(page.getByRole('status')).toHaveText(en['signup.sent']!)

  const admin = await adminApi(request)
  const stored = await signupsNamed(admin, name)
  expect(stored.docs).toHaveLength(1)
  expect(stored.docs[0]).toMatchObject({ kind: 'participant', language: 'en', activity: activity.id })

  const { docs } = await json<{ docs: { contact?: { email?: string }; department: { email: string } }[] }>(
    await admin.get(`/activities?where[slug][equals]=${activity.slug}&depth=1&locale=da`),
  )
  const listing = docs[0]!
  const departmentAddress = (listing.contact?.email || listing.department.email).toLowerCase()
  await expect
    .poll(async () => (await receivedMail()).filter((message) => message.text?.includes(name) && recipients(message).includes(departmentAddress)).length, { timeout: 20_000 })
    .toBe(1)
})

test('with JavaScript a volunteer for a homework café is told inline about the child certificate', async ({ page }) => {
  const da = uiStrings('da')
  await page.goto('/da/frivillig/holbaek-lektiecafe/')
  await fillSignupForm(page, { name: unique('Jens'), email: `${unique('jens')}@example.org` }, da)
  await page.getByRole('button', { name: da['signup.form.submit'] }).click()

  const confirmation = page.getByRole('status')
  await expect(confirmation).toContainText(da['signup.sentVolunteer']!)
  await expect(confirmation).toContainText(da['signup.sentChildCertificate']!)
  await expect(confirmation).toContainText(da['signup.volunteerWhen']!)
  await confirmation.getByRole('link', { name: da['cta.childCertificate'] }).click()
  await expect(page).toHaveURL(/\/da\/boerneattest\/$/)
})

test('with JavaScript a form without email or phone shows the error next to the contact fields and keeps what was typed', async ({
  page,
  request,
}) => {
  const activity = await firstSignUpActivity(request)
  const name = unique('Ahmad')
  await page.goto(`/en/tilmelding/${activity.slug}/`)
  await nameField(page, en).fill(name)
  await page.getByRole('checkbox').check()
  await page.getByRole('button', { name: en['signup.form.submit'] }).click()

  const email = page.getByLabel(en['signup.form.email']!, { exact: true })
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAccessibleDescription(new RegExp(escape(en['signup.error.contact']!)))
  await expect(nameField(page, en)).toHaveValue(name)
  expect((await signupsNamed(await adminApi(request), name)).totalDocs).toBe(0)
})

test('with JavaScript an empty form is explained in the page’s language next to the fields, not in the browser’s', async ({ page }) => {
  await page.goto('/ar/frivillig/holbaek-lektiecafe/')
  const form = page.locator('form[data-signup-form]')
  await expect(form).toHaveAttribute('novalidate', '')
  let posted = false
  page.on('request', (request) => {
    if (request.url().includes('/api/signups/submit')) posted = true
  })
  await form.getByRole('button', { name: ar['signup.form.submit'] }).click()
  await expect(page.locator('#signup-name-error')).toHaveText(ar['signup.error.name']!)
  await expect(page.locator('#signup-contact-error')).toHaveText(ar['signup.error.contact']!)
  await expect(page.locator('#signup-consent-error')).toHaveText(ar['signup.error.consent']!)
  await expect(nameField(page, ar)).toBeFocused()
  await expect(nameField(page, ar)).toHaveAttribute('aria-invalid', 'true')
  // An e-mail address the browser would reject, in Arabic too.
  await page.getByLabel(ar['signup.form.email']!, { exact: true }).fill('sara@')
  await form.getByRole('button', { name: ar['signup.form.submit'] }).click()
  await expect(page.locator('#signup-email-error')).toHaveText(ar['signup.error.email']!)
  expect(posted).toBe(false)
})

test.describe('without JavaScript an empty form', () => {
  test.use({ javaScriptEnabled: false })
  test('is answered by the CMS in the page’s language (no browser bubble stops it)', async ({ page }) => {
    await page.goto('/ar/frivillig/holbaek-lektiecafe/')
    await page.locator('form[data-signup-form]').getByRole('button', { name: ar['signup.form.submit'] }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    await expect(page.locator('#name-error')).toHaveText(ar['signup.error.name']!)
  })
})

test('the CMS’s page for a Tigrinya form sent without the script is drawn with the site’s Ethiopic font', async ({ page }) => {
  const ti = uiStrings('ti')
  await page.goto('/ti/frivillig/holbaek-lektiecafe/')
  // A plain form post, as without JavaScript (submit() skips the script's handler); the e-mail is wrong.
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-signup-form]')!
    ;(form.elements.namedItem('name') as HTMLInputElement).value = 'ሰላም ተስፋይ'
    ;(form.elements.namedItem('email') as HTMLInputElement).value = 'selam@'
    ;(form.elements.namedItem('consent') as HTMLInputElement).checked = true
    form.submit()
  })
  await expect(page.locator('#email-error')).toHaveText(ti['signup.error.email']!)
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready
    await document.fonts.load('16px "Noto Sans Ethiopic Variable"', 'ሰላም')
    return {
      faces: [...document.fonts].map((face) => `${face.family}:${face.status}`),
      drawn: document.fonts.check('16px "Noto Sans Ethiopic Variable"', 'ሰላም'),
    }
  })
  expect(fonts.faces.map((face) => face.replace(/"/g, ''))).toContain('Noto Sans Ethiopic Variable:loaded')
  expect(fonts.drawn).toBe(true)
})

const pages = ['/ar/frivillig/', '/ar/frivillig/holbaek-lektiecafe/', '/fa/frivillig/afdeling/aarhus/', '/ti/boerneattest/', '/so/tak/', '/ar/tak/frivillig/']
for (const path of pages) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}

test('a participant signup page has no accessibility violations (axe)', async ({ page, request }) => {
  const activity = await firstSignUpActivity(request)
  await page.goto(`/uk/tilmelding/${activity.slug}/`)
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
})
