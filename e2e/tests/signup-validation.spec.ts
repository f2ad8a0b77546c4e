import { json } from '../fixtures/api'
import { signupStrings, signupsWithEmail, submit, submitUrl, uniqueIp, validForm } from '../fixtures/signup'
import { siteUrl } from '../fixtures/cms'
import { expect, test } from '../fixtures/signup-test'

/**
 * The signup endpoint's validation over real HTTP on the running CMS: every rule is refused with
 * a clear 4xx in the form's language, and a refused request leaves nothing behind.
 */
const [da, uk] = [signupStrings('da'), signupStrings('uk')]

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
    test(`refuses ${title} (${status})`, async ({ request, admin }) => {
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

  test('refuses a body over 16 KB (413)', async ({ request, admin }) => {
    const form = validForm({ message: 'x'.repeat(17 * 1024) })
    const response = await submit(request, form)
    expect(response.status()).toBe(413)
    expect((await json<{ error: string }>(response)).error).toBe(da['signup.error.tooLarge'])
    expect(await signupsWithEmail(admin, form.email!)).toBe(0)
  })

  test('refuses a content type that is neither a form nor JSON (415)', async ({ request, admin }) => {
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
