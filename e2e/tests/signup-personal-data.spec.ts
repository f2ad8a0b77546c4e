import { Api, type Doc, json, userApi } from '../fixtures/api'
import { signupsWithEmail, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'

/**
 * One person's data on request: an admin exports everything held about an e-mail address and
 * erases it in one action; nobody else may.
 */
test.describe('export and erase one person’s data', () => {
  test('an admin exports everything held about an e-mail address, then erases it in one action', async ({ request, admin }) => {
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

  test('only an admin may export or erase', async ({ request, admin }) => {
    const form = validForm()
    expect((await submit(request, form)).status()).toBe(201)
    const aarhus = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
    const departmentEditor = (await userApi(request, admin, { role: 'department-editor', departments: [aarhus.id] })).api
    const editor = (await userApi(request, admin, { role: 'editor' })).api
    for (const api of [new Api(request), editor, departmentEditor]) {
      expect([401, 403]).toContain((await api.get(`/personal-data?email=${form.email}`)).status())
      expect([401, 403]).toContain((await api.delete(`/personal-data?email=${form.email}`)).status())
    }
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})
