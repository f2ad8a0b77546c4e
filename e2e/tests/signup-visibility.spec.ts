import { Api, type Doc, json, userApi } from '../fixtures/api'
import { marker, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'

/**
 * Who sees the stored signups and child-certificate tasks through REST: only the department they
 * belong to (and the admin); nobody creates them except through the signup endpoint.
 */
test.describe('who sees signups and child certificates', () => {
  let own: { signup: Doc; certificate: Doc }
  let foreign: { signup: Doc; certificate: Doc }
  let as: Record<'anonymous' | 'editor' | 'department-editor', Api>

  async function volunteer(request: Parameters<typeof submit>[0], admin: Api, target: string) {
    const form = validForm({ kind: 'volunteer', target })
    expect((await submit(request, form)).status()).toBe(201)
    const signup = (await json<{ docs: Doc[] }>(await admin.get(`/signups?where[email][equals]=${form.email}&depth=0`))).docs[0]!
    const certificate = (await json<{ docs: Doc[] }>(await admin.get(`/child-certificates?where[signup][equals]=${signup.id}&depth=0`))).docs[0]!
    expect(certificate).toBeTruthy()
    return { signup, certificate }
  }

  test.beforeAll(async ({ playwright, admin }) => {
    const request = await playwright.request.newContext()
    own = await volunteer(request, admin, 'activity:aarhus-lektiecafe')
    foreign = await volunteer(request, admin, 'activity:odense-lektiecafe')
    const aarhus = (await json<{ docs: Doc[] }>(await admin.get('/departments?where[slug][equals]=aarhus&depth=0'))).docs[0]!
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
      test(`${role} cannot change ${collection}`, async ({ admin }) => {
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

    test(`a department editor updates the status of their own ${collection}, not another department's`, async ({ admin }) => {
      const status = collection === 'signups' ? 'contacted' : 'requested'
      const response = await as['department-editor'].patch(`/${collection}/${record(own).id}`, { status })
      expect(response.status(), await response.text()).toBe(200)
      expect((await json<Doc>(await admin.get(`/${collection}/${record(own).id}?depth=0`))).status).toBe(status)
      const before = await json(await admin.get(`/${collection}/${record(foreign).id}?depth=0`))
      expect([403, 404]).toContain((await as['department-editor'].patch(`/${collection}/${record(foreign).id}`, { status })).status())
      expect(await json(await admin.get(`/${collection}/${record(foreign).id}?depth=0`))).toEqual(before)
    })

    test(`a department editor cannot delete ${collection}; the admin sees all`, async ({ admin }) => {
      expect([403, 404]).toContain((await as['department-editor'].delete(`/${collection}/${record(own).id}`)).status())
      expect((await admin.get(`/${collection}/${record(own).id}`)).status()).toBe(200)
      const { docs } = await json<{ docs: Doc[] }>(await admin.get(`/${collection}?depth=0&limit=0&pagination=false`))
      expect(docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([record(own).id, record(foreign).id]))
    })

    test(`nobody creates ${collection} through REST`, async ({ admin }) => {
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
