import { type Doc, json } from '../fixtures/api'
import { cmsUrl, siteUrl } from '../fixtures/cms'
import { signupStrings, signupsWithEmail, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'

/**
 * The signup endpoint's two kinds of answer: a 303 to the thank-you page (or an error page with
 * the values kept) for a form posted without JavaScript, and JSON for the site's script.
 */
const [da, ar] = [signupStrings('da'), signupStrings('ar')]

test.describe('answers', () => {
  test('a form post without JavaScript is answered 303 to the thank-you page in its language', async ({ request, admin }) => {
    const participant = validForm({ language: 'ar' })
    const response = await submit(request, participant, { as: 'form' })
    expect(response.status()).toBe(303)
    expect(response.headers().location).toBe(`${siteUrl()}/ar/tak/`)
    expect(await signupsWithEmail(admin, participant.email!)).toBe(1)

    const volunteer = validForm({ kind: 'volunteer', target: 'department:aarhus', language: 'so' })
    const volunteerResponse = await submit(request, volunteer, { as: 'form' })
    expect(volunteerResponse.status()).toBe(303)
    expect(volunteerResponse.headers().location).toBe(`${siteUrl()}/so/tak/frivillig/`)
  })

  test('the script gets JSON: a volunteer at a homework café needs a child certificate', async ({ request, admin }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe', phone: '12 34 56 78' })
    const response = await submit(request, form)
    expect(response.status()).toBe(201)
    const answer = await json<{ ok: boolean; kind: string; childCertificate: boolean; message: string }>(response)
    expect(answer).toEqual({ ok: true, kind: 'volunteer', childCertificate: true, message: `${da['signup.sentVolunteer']} ${da['signup.sentChildCertificate']}` })
    const { docs } = await json<{ docs: Doc[] }>(await admin.get(`/child-certificates?where[volunteerEmail][equals]=${form.email}&depth=0`))
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ status: 'to-request', volunteerName: form.name, volunteerPhone: '+4512345678' })
    const { docs: signups } = await json<{ docs: Doc[] }>(await admin.get(`/signups?where[email][equals]=${form.email}&depth=0`))
    expect(signups[0]).toMatchObject({ kind: 'volunteer', status: 'new', language: 'da', consentVersion: form.consentVersion })
    expect(signups[0]!.consentAt).toBeTruthy()
  })

  test('a volunteer for an activity without children gets no child-certificate task', async ({ request, admin }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-cykelkursus' })
    const answer = await json<{ childCertificate: boolean }>(await submit(request, form))
    expect(answer.childCertificate).toBe(false)
    const { totalDocs } = await json<{ totalDocs: number }>(await admin.get(`/child-certificates?where[volunteerEmail][equals]=${form.email}&limit=1`))
    expect(totalDocs).toBe(0)
  })

  test('without JavaScript, errors come back as a page in the form’s language with the values kept', async ({ request, page, admin }) => {
    const form = validForm({ language: 'ar', name: 'سارة أحمد', email: 'sara@', message: 'سأحضر مع طفلين', kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    const response = await submit(request, form, { as: 'form' })
    expect(response.status()).toBe(422)
    expect(response.headers()['content-type']).toContain('text/html')
    await page.setContent(await response.text())
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByRole('alert')).toContainText(ar['signup.error.heading'])
    await expect(page.locator('#email-error')).toHaveText(ar['signup.error.email'])
    await expect(page.locator('#name')).toHaveValue('سارة أحمد')
    await expect(page.locator('#email')).toHaveValue('sara@')
    await expect(page.locator('#message')).toHaveValue('سأحضر مع طفلين')
    await expect(page.locator('#consent')).toBeChecked()
    await expect(page.locator('form')).toHaveAttribute('action', '/api/signups/submit')
    await expect(page.locator('form')).toHaveAttribute('method', 'post')
    for (const [field, value] of Object.entries({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe', language: 'ar', consentVersion: form.consentVersion })) {
      await expect(page.locator(`input[type=hidden][name=${field}]`)).toHaveValue(value!)
    }
    await expect(page.locator('h1')).toContainText(ar['signup.form.volunteerHeading'].replace('{title}', '').trim())
    await expect(page.getByRole('link', { name: ar['signup.backToSite'] })).toHaveAttribute('href', new RegExp(`^${siteUrl()}/ar/`))
    expect(await signupsWithEmail(admin, 'sara@')).toBe(0)
  })

  test('the page with the errors can send the form again', async ({ request, admin }) => {
    // Its form posts from the CMS's own origin.
    const form = validForm()
    const response = await submit(request, form, { as: 'form', origin: new URL(cmsUrl()).origin })
    expect(response.status()).toBe(303)
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})
