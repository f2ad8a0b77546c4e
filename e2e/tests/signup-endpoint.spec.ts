import { expect, test } from '@playwright/test'

import { type Api, adminApi, type Doc, json, userApi } from '../fixtures/api'
import { cmsUrl } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'
import { marker, receivedMail, recipients, signupsWithEmail, siteUrl, submit, submitUrl, uniqueIp, validForm } from '../fixtures/signup'

/**
 * The signup endpoint over real HTTP on the running CMS: every validation rule, bots, origin,
 * CORS and rate limit, both answers (303 for a plain form, JSON for the script), the e-mails
 * through the test SMTP server, and who may see the stored signups. A refused request must
 * leave nothing behind.
 */
// The same strings the site's forms and the CMS's answers use (Danish defines the keys).
type SignupStrings = typeof import('../../site/src/i18n/ui/signup/da.json')
const [da, uk, ar] = ['da', 'uk', 'ar'].map((lang) => uiStrings(lang) as unknown as SignupStrings) as [SignupStrings, SignupStrings, SignupStrings]
let admin: Api

test.beforeAll(async ({ playwright }) => {
  admin = await adminApi(await playwright.request.newContext())
})

test.describe('validation: refused with a clear 4xx, nothing stored', () => {
  const cases: { title: string; body: (form: Record<string, string>) => Record<string, unknown>; status: number; field?: string; error?: string }[] = [
    { title: 'an unknown field', body: (form) => ({ ...form, isAdmin: 'true' }), status: 400, error: da['signup.error.malformed'] },
    { title: 'a __proto__ key', body: (form) => JSON.parse(`{"__proto__":{"polluted":"yes"},${JSON.stringify(form).slice(1)}`), status: 400 },
    { title: 'a constructor key', body: (form) => ({ ...form, constructor: { prototype: { polluted: 'yes' } } }), status: 400 },
    { title: 'a nested object as a value', body: (form) => ({ ...form, name: { first: 'Jens' } }), status: 400 },
    { title: 'an invalid e-mail address', body: (form) => ({ ...form, email: 'jens@' }), status: 422, field: 'email', error: da['signup.error.email'] },
    { title: 'an invalid phone number', body: (form) => ({ ...form, phone: '12 34' }), status: 422, field: 'phone', error: da['signup.error.phone'] },
    { title: 'neither e-mail nor phone', body: (form) => ({ ...form, email: '', phone: '' }), status: 422, field: 'contact', error: da['signup.error.contact'] },
    { title: 'no name', body: (form) => ({ ...form, name: '  ' }), status: 422, field: 'name', error: da['signup.error.name'] },
    { title: 'a name over 100 characters', body: (form) => ({ ...form, name: 'J'.repeat(101) }), status: 422, field: 'name' },
    { title: 'a message over 1000 characters', body: (form) => ({ ...form, message: 'm'.repeat(1001) }), status: 422, field: 'message', error: da['signup.error.message'] },
    { title: 'no consent', body: (form) => ({ ...form, consent: undefined }), status: 422, field: 'consent', error: da['signup.error.consent'] },
    { title: 'an old consent version', body: (form) => ({ ...form, consentVersion: '2020-01-01' }), status: 422, field: 'consent', error: da['signup.error.consentVersion'] },
    { title: 'a CPR number in the message (ddmmyy-xxxx)', body: (form) => ({ ...form, message: 'Mit CPR er 010190-1234' }), status: 422, field: 'message', error: da['signup.error.cpr'] },
    { title: 'a CPR number in the message (10 digits, a date)', body: (form) => ({ ...form, message: 'cpr 2512881234 tak' }), status: 422, field: 'message', error: da['signup.error.cpr'] },
    { title: 'a CPR number in Arabic-Indic digits', body: (form) => ({ ...form, message: '٠١٠١٩٠١٢٣٤' }), status: 422, field: 'message' },
    { title: 'an unknown activity', body: (form) => ({ ...form, target: 'activity:findes-ikke' }), status: 422, field: 'target', error: da['signup.error.target'] },
    { title: 'a volunteer for an event', body: (form) => ({ ...form, kind: 'volunteer', target: 'event:aarhus-familielejr' }), status: 422, field: 'target' },
    { title: 'a participant for a whole department', body: (form) => ({ ...form, target: 'department:aarhus' }), status: 422, field: 'target' },
    { title: 'an unknown language', body: (form) => ({ ...form, language: 'xx' }), status: 400 },
    { title: 'a number as the kind', body: (form) => ({ ...form, kind: 1 }), status: 400 },
  ]
  for (const { title, body, status, field, error } of cases) {
    test(`refuses ${title} (${status})`, async ({ request }) => {
      const form = validForm()
      const data = body(form)
      if (data.consent === undefined) delete data.consent
      const response = await submit(request, data)
      expect(response.status()).toBe(status)
      const answer = await json<{ ok: boolean; errors?: Record<string, string>; error?: string }>(response)
      expect(answer.ok).toBe(false)
      if (field) expect(Object.keys(answer.errors ?? {})).toContain(field)
      if (field && error) expect(answer.errors?.[field]).toBe(error)
      if (!field && error) expect(answer.error).toBe(error)
      expect(await signupsWithEmail(admin, form.email!)).toBe(0)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  test('refuses a body over 16 KB (413)', async ({ request }) => {
    const form = validForm({ message: 'x'.repeat(17 * 1024) })
    const response = await submit(request, form)
    expect(response.status()).toBe(413)
    expect((await json<{ error: string }>(response)).error).toBe(da['signup.error.tooLarge'])
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
  })

  test('refuses a content type that is neither a form nor JSON (415)', async ({ request }) => {
    const form = validForm()
    const response = await request.post(submitUrl(), {
      headers: { Origin: siteUrl(), 'X-Forwarded-For': uniqueIp(), 'Content-Type': 'text/plain', Accept: 'application/json' },
      data: new URLSearchParams(form).toString(),
    })
    expect(response.status()).toBe(415)
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
  })

  test('refuses malformed JSON (400)', async ({ request }) => {
    const response = await request.post(submitUrl(), {
      headers: { Origin: siteUrl(), 'X-Forwarded-For': uniqueIp(), 'Content-Type': 'application/json', Accept: 'application/json' },
      data: '{"name": "Jens", ',
    })
    expect(response.status()).toBe(400)
  })

  test('errors come in the form’s language', async ({ request }) => {
    const form = validForm({ language: 'uk', email: 'nej', consent: undefined })
    const response = await submit(request, form)
    expect(response.status()).toBe(422)
    const { errors } = await json<{ errors: Record<string, string> }>(response)
    expect(errors).toEqual({ email: uk['signup.error.email'], consent: uk['signup.error.consent'] })
  })
})

test.describe('bots (a filled honeypot): answered as a success, nothing stored', () => {
  test('a filled honeypot field', async ({ request }) => {
    const form = validForm({ website: 'http://spam.example' })
    const response = await submit(request, form)
    expect(response.status()).toBe(201)
    expect((await json<{ ok: boolean }>(response)).ok).toBe(true)
    const asForm = await submit(request, validForm({ website: 'x', email: form.email }), { as: 'form' })
    expect(asForm.status()).toBe(303)
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
  })
})

test.describe('people who are quick are not bots', () => {
  test('a form sent half a second after the page loaded (a page that still sends when it loaded) is stored', async ({ request }) => {
    const form = validForm({ startedAt: String(Date.now() - 500) })
    const response = await submit(request, form)
    expect(response.status()).toBe(201)
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})

test.describe('origin, CORS and rate limit', () => {
  test('a POST from another origin is refused (403) and stores nothing', async ({ request }) => {
    const form = validForm()
    const response = await submit(request, form, { origin: 'https://evil.example' })
    expect(response.status()).toBe(403)
    expect((await json<{ error: string }>(response)).error).toBe(da['signup.error.forbidden'])
    const withoutOrigin = await submit(request, form, { origin: null })
    expect(withoutOrigin.status()).toBe(403)
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
  })

  test('the CORS preflight allows the site’s origin and no other', async ({ request }) => {
    const preflight = (origin: string) =>
      request.fetch(submitUrl(), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } })
    const site = await preflight(siteUrl())
    expect(site.status()).toBeLessThan(300)
    expect(site.headers()['access-control-allow-origin']).toBe(new URL(siteUrl()).origin)
    expect(site.headers()['access-control-allow-methods']).toContain('POST')
    expect(site.headers()['access-control-allow-headers']?.toLowerCase()).toContain('content-type')
    const other = await preflight('https://evil.example')
    expect(other.headers()['access-control-allow-origin']).toBeUndefined()
    expect(other.status()).toBe(403)
  })

  test('a successful JSON answer carries the site’s CORS header', async ({ request }) => {
    const response = await submit(request, validForm())
    expect(response.status()).toBe(201)
    expect(response.headers()['access-control-allow-origin']).toBe(new URL(siteUrl()).origin)
  })

  test('too many attempts from one address are answered 429 with Retry-After', async ({ request }) => {
    const limit = Number(process.env.E2E_SIGNUP_RATE_LIMIT ?? 10)
    const ip = uniqueIp()
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await submit(request, { kind: 'participant' }, { ip })).status()).toBe(400)
    }
    const form = validForm()
    const limited = await submit(request, form, { ip })
    expect(limited.status()).toBe(429)
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0)
    expect((await json<{ error: string }>(limited)).error).toBe(da['signup.error.rateLimited'])
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
    // Another address is not affected.
    expect((await submit(request, validForm(), { ip: uniqueIp() })).status()).toBe(201)
  })
})

test.describe('answers', () => {
  test('a form post without JavaScript is answered 303 to the thank-you page in its language', async ({ request }) => {
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

  test('the script gets JSON: a volunteer at a homework café needs a child certificate', async ({ request }) => {
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

  test('a volunteer for an activity without children gets no child-certificate task', async ({ request }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-cykelkursus' })
    const answer = await json<{ childCertificate: boolean }>(await submit(request, form))
    expect(answer.childCertificate).toBe(false)
    const { totalDocs } = await json<{ totalDocs: number }>(await admin.get(`/child-certificates?where[volunteerEmail][equals]=${form.email}&limit=1`))
    expect(totalDocs).toBe(0)
  })

  test('without JavaScript, errors come back as a page in the form’s language with the values kept', async ({ request, page }) => {
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

  test('the page with the errors can send the form again', async ({ request }) => {
    // Its form posts from the CMS's own origin.
    const form = validForm()
    const response = await submit(request, form, { as: 'form', origin: new URL(cmsUrl()).origin })
    expect(response.status()).toBe(303)
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})

test.describe('e-mail over SMTP', () => {
  test('the department is told in Danish; the volunteer gets a confirmation in their language', async ({ request }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe', language: 'uk', message: 'Я вчителька математики' })
    expect((await submit(request, form)).status()).toBe(201)
    const { docs } = await json<{ docs: (Doc & { title: string; contact?: { email?: string }; department: { name: string; email: string } })[] }>(
      await admin.get('/activities?where[slug][equals]=aarhus-lektiecafe&depth=1&locale=da'),
    )
    const activity = docs[0]!
    const departmentAddress = (activity.contact?.email || activity.department.email).toLowerCase()

    const ours = (message: Awaited<ReturnType<typeof receivedMail>>[number]) =>
      Boolean(message.text?.includes(form.name!)) || recipients(message).includes(form.email!)
    await expect.poll(async () => (await receivedMail()).filter(ours).length, { timeout: 20_000 }).toBe(2)
    const messages = (await receivedMail()).filter(ours)
    const toDepartment = messages.find((message) => recipients(message).includes(departmentAddress))!
    expect(toDepartment.subject).toBe(`Ny frivillig: ${activity.title}`)
    expect(toDepartment.text).toContain(`${form.name} vil gerne hjælpe som frivillig ved ${activity.title}.`)
    expect(toDepartment.text).toContain(`E-mail: ${form.email}`)
    expect(toDepartment.text).toContain('Foretrukket sprog: Ukrainsk')
    expect(toDepartment.text).toContain('Børneattest')
    expect(toDepartment.text).toContain('/admin/collections/signups/')
    expect([toDepartment.replyTo?.value ?? []].flat().map((address) => address.address)).toContain(form.email)

    const toPerson = messages.find((message) => recipients(message).includes(form.email!))!
    expect(toPerson.subject).toBe(uk['signup.email.subjectVolunteer'].replace('{title}', activity.title))
    expect(toPerson.text).toContain(uk['signup.email.greeting'])
    // The name a form was sent with is not repeated to the address it names (no relay for others' text).
    expect(toPerson.text).not.toContain(form.name!)
    expect(toPerson.text).toContain(uk['signup.email.childCertificate'])
    expect(toPerson.text).toContain(uk['signup.volunteerWhen'])
    expect(toPerson.text).toContain(uk['signup.email.privacy'])
    expect(toPerson.html).toContain('lang="uk"')
  })

  test('someone who gave only a phone number gets no e-mail; the department still does', async ({ request }) => {
    const { name } = marker('phone')
    const form = validForm({ name, email: '', phone: '+46 70 123 45 67', target: 'event:aarhus-familielejr' })
    expect((await submit(request, form)).status()).toBe(201)
    await expect.poll(async () => (await receivedMail()).filter((message) => message.text?.includes(name)).length, { timeout: 20_000 }).toBe(1)
    const [message] = (await receivedMail()).filter((candidate) => candidate.text?.includes(name))
    expect(message!.subject).toMatch(/^Ny tilmelding: /)
    expect(message!.text).toContain('Telefon: +46701234567')
  })
})

test.describe('who sees signups and child certificates', () => {
  let own: { signup: Doc; certificate: Doc }
  let foreign: { signup: Doc; certificate: Doc }
  let as: Record<'anonymous' | 'editor' | 'department-editor', Api>

  async function volunteer(request: Parameters<typeof submit>[0], target: string) {
    const form = validForm({ kind: 'volunteer', target })
    expect((await submit(request, form)).status()).toBe(201)
    const signup = (await json<{ docs: Doc[] }>(await admin.get(`/signups?where[email][equals]=${form.email}&depth=0`))).docs[0]!
    const certificate = (await json<{ docs: Doc[] }>(await admin.get(`/child-certificates?where[signup][equals]=${signup.id}&depth=0`))).docs[0]!
    expect(certificate).toBeTruthy()
    return { signup, certificate }
  }

  test.beforeAll(async ({ playwright }) => {
    const request = await playwright.request.newContext()
    own = await volunteer(request, 'activity:aarhus-lektiecafe')
    foreign = await volunteer(request, 'activity:odense-lektiecafe')
    const aarhus = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
    const { Api } = await import('../fixtures/api')
    as = {
      anonymous: new Api(request),
      editor: (await userApi(request, admin, { role: 'editor', name: 'Mette' })).api,
      'department-editor': (await userApi(request, admin, { role: 'department-editor', departments: [aarhus.id], name: 'Ali' })).api,
    }
  })

  for (const collection of ['signups', 'child-certificates'] as const) {
    const record = (which: { signup: Doc; certificate: Doc }) => (collection === 'signups' ? which.signup : which.certificate)

    for (const role of ['anonymous', 'editor'] as const) {
      test(`${role} can neither list nor read ${collection}`, async () => {
        const list = await as[role].get(`/${collection}?depth=0`)
        expect([401, 403]).toContain(list.status())
        for (const which of [own, foreign]) {
          expect([401, 403, 404]).toContain((await as[role].get(`/${collection}/${record(which).id}?depth=0`)).status())
        }
      })
      test(`${role} cannot change ${collection}`, async () => {
        const before = await json(await admin.get(`/${collection}/${record(own).id}?depth=0`))
        expect([401, 403, 404]).toContain((await as[role].patch(`/${collection}/${record(own).id}`, { status: collection === 'signups' ? 'declined' : 'cleared' })).status())
        expect(await json(await admin.get(`/${collection}/${record(own).id}?depth=0`))).toEqual(before)
      })
    }

    test(`a department editor sees only their own department's ${collection}`, async () => {
      const { docs } = await json<{ docs: Doc[] }>(await as['department-editor'].get(`/${collection}?depth=0&limit=0&pagination=false`))
      const ids = docs.map((doc) => doc.id)
      expect(ids).toContain(record(own).id)
      expect(ids).not.toContain(record(foreign).id)
      const departments = new Set(docs.map((doc) => doc.department))
      expect(departments.size).toBe(1)
      expect((await as['department-editor'].get(`/${collection}/${record(own).id}?depth=0`)).status()).toBe(200)
      expect([403, 404]).toContain((await as['department-editor'].get(`/${collection}/${record(foreign).id}?depth=0`)).status())
    })

    test(`a department editor updates the status of their own ${collection}, not another department's`, async () => {
      const status = collection === 'signups' ? 'contacted' : 'requested'
      const response = await as['department-editor'].patch(`/${collection}/${record(own).id}`, { status })
      expect(response.status(), await response.text()).toBe(200)
      expect((await json<Doc>(await admin.get(`/${collection}/${record(own).id}?depth=0`))).status).toBe(status)
      const before = await json(await admin.get(`/${collection}/${record(foreign).id}?depth=0`))
      expect([403, 404]).toContain((await as['department-editor'].patch(`/${collection}/${record(foreign).id}`, { status })).status())
      expect(await json(await admin.get(`/${collection}/${record(foreign).id}?depth=0`))).toEqual(before)
    })

    test(`a department editor cannot delete ${collection}; the admin sees all`, async () => {
      expect([403, 404]).toContain((await as['department-editor'].delete(`/${collection}/${record(own).id}`)).status())
      expect((await admin.get(`/${collection}/${record(own).id}`)).status()).toBe(200)
      const { docs } = await json<{ docs: Doc[] }>(await admin.get(`/${collection}?depth=0&limit=0&pagination=false`))
      expect(docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([record(own).id, record(foreign).id]))
    })

    test(`nobody creates ${collection} through REST`, async () => {
      for (const api of [as.anonymous, as.editor, as['department-editor'], admin]) {
        const { email, name } = marker('rest')
        const data =
          collection === 'signups'
            ? { kind: 'participant', name, email, language: 'da', department: own.signup.department, consentAt: new Date().toISOString(), consentVersion: 'x' }
            : { volunteerName: name, volunteerEmail: email, department: own.signup.department }
        expect([401, 403]).toContain((await api.post(`/${collection}`, data)).status())
        const field = collection === 'signups' ? 'email' : 'volunteerEmail'
        expect((await json<{ totalDocs: number }>(await admin.get(`/${collection}?where[${field}][equals]=${email}&limit=1`))).totalDocs).toBe(0)
      }
    })
  }
})

test.describe('export and erase one person’s data', () => {
  test('an admin exports everything held about an e-mail address, then erases it in one action', async ({ request }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    expect((await submit(request, form)).status()).toBe(201)
    expect((await submit(request, { ...validForm({ target: 'activity:aarhus-cykelkursus' }), email: form.email, name: form.name })).status()).toBe(201)
    const query = `/personal-data?email=${encodeURIComponent(form.email!.toUpperCase())}`

    const exported = await admin.get(query)
    expect(exported.status()).toBe(200)
    const data = await json<{ signups: Doc[]; childCertificates: Doc[] }>(exported)
    expect(data.signups).toHaveLength(2)
    expect(data.signups.every((signup) => signup.email === form.email && signup.name === form.name)).toBe(true)
    expect(data.childCertificates).toHaveLength(1)
    expect(data.childCertificates[0]).toMatchObject({ volunteerName: form.name, status: 'to-request' })

    const erased = await admin.delete(query)
    expect(erased.status()).toBe(200)
    expect(await json(erased)).toMatchObject({ deleted: { signups: 2, childCertificates: 1 }, failed: 0 })
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
    const after = await json<{ signups: Doc[]; childCertificates: Doc[] }>(await admin.get(query))
    expect(after.signups).toHaveLength(0)
    expect(after.childCertificates).toHaveLength(0)
  })

  test('only an admin may export or erase', async ({ request }) => {
    const form = validForm()
    expect((await submit(request, form)).status()).toBe(201)
    const aarhus = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
    const departmentEditor = (await userApi(request, admin, { role: 'department-editor', departments: [aarhus.id] })).api
    const editor = (await userApi(request, admin, { role: 'editor' })).api
    const { Api } = await import('../fixtures/api')
    for (const api of [new Api(request), editor, departmentEditor]) {
      expect([401, 403]).toContain((await api.get(`/personal-data?email=${form.email}`)).status())
      expect([401, 403]).toContain((await api.delete(`/personal-data?email=${form.email}`)).status())
    }
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})

test.describe('in the admin', () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })

  async function logIn(page: import('@playwright/test').Page, api: Api) {
    const token = api.headers.Authorization!.replace(/^JWT /, '')
    await page.context().addCookies([{ name: 'payload-token', value: token, url: cmsUrl() }])
  }

  test('a department editor’s dashboard lists their new signups, certificate tasks and renewals, and nothing of others', async ({ page, request }) => {
    const participant = validForm({ target: 'activity:aarhus-cykelkursus' })
    const volunteer = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    const renewing = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    const elsewhere = validForm({ kind: 'volunteer', target: 'activity:odense-lektiecafe' })
    for (const form of [participant, volunteer, renewing, elsewhere]) expect((await submit(request, form)).status()).toBe(201)
    const certificate = (await json<{ docs: Doc[] }>(await admin.get(`/child-certificates?where[volunteerEmail][equals]=${renewing.email}&depth=0`))).docs[0]!
    const clearedAt = new Date(Date.now() - 700 * 86_400_000).toISOString()
    expect((await admin.patch(`/child-certificates/${certificate.id}`, { status: 'cleared', clearedAt })).status()).toBe(200)

    const aarhus = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
    await logIn(page, (await userApi(request, admin, { role: 'department-editor', departments: [aarhus.id] })).api)
    await page.goto(`${cmsUrl()}/admin`)
    const dashboard = page.locator('[data-department-dashboard]')
    await expect(dashboard.locator('[data-dashboard-signups]')).toContainText(participant.name!)
    await expect(dashboard.locator('[data-dashboard-signups]')).toContainText(volunteer.name!)
    await expect(dashboard.locator('[data-dashboard-certificates]')).toContainText(volunteer.name!)
    await expect(dashboard.locator('[data-dashboard-certificates]')).not.toContainText(renewing.name!)
    await expect(dashboard.locator('[data-dashboard-renewals]')).toContainText(renewing.name!)
    await expect(dashboard).not.toContainText(elsewhere.name!)
  })

  test('an admin erases one person’s data from the signups list; an editor sees no signups', async ({ page, request }) => {
    const form = validForm({ kind: 'volunteer', target: 'activity:aarhus-lektiecafe' })
    expect((await submit(request, form)).status()).toBe(201)
    await logIn(page, admin)
    await page.goto(`${cmsUrl()}/admin/collections/signups`)
    const tool = page.locator('[data-personal-data-tool]')
    await tool.getByLabel(/E-mail eller telefon|Email or phone/).fill(form.email!)
    page.once('dialog', (dialog) => dialog.accept())
    await tool.getByRole('button', { name: /Slet alt|Erase all/ }).click()
    await expect(tool.locator('[data-personal-data-result]')).toHaveText(/(Slettet|Erased): 1 .* 1 /)
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)

    await page.context().clearCookies()
    await logIn(page, (await userApi(request, admin, { role: 'editor' })).api)
    await page.goto(`${cmsUrl()}/admin`)
    await expect(page.getByRole('link', { name: /Tilmeldinger|Signups/ })).toHaveCount(0)
    const list = await page.goto(`${cmsUrl()}/admin/collections/signups`)
    await expect(page.locator('body')).not.toContainText(form.name!)
    expect(list?.status()).not.toBe(500)
  })
})
