import { expect, test } from '@playwright/test'

import { adminApi, type Api, json } from '../fixtures/api'
import { cprSample, ordinaryTexts } from '../fixtures/cpr-corpus'
import { marker, signupsWithEmail, submit, totalSignups, validForm } from '../fixtures/signup'
import { uiStrings } from '../fixtures/ui-strings'

/**
 * The CPR filter through the real endpoint: a sample of the generated corpus (every script and
 * separator is covered by cms/tests/signups-cpr.int.spec.ts) in every personal field, each
 * refused with 422 next to that field and nothing stored; ordinary texts are accepted.
 */
const da = uiStrings('da')
let admin: Api

test.beforeAll(async ({ playwright }) => {
  admin = await adminApi(await playwright.request.newContext())
})

/** The sample placed in one field. */
const fields: { field: 'name' | 'message' | 'email' | 'phone'; place: (form: Record<string, string>, cpr: string) => Record<string, string> }[] = [
  { field: 'name', place: (form, cpr) => ({ ...form, name: `Jens ${cpr}` }) },
  { field: 'message', place: (form, cpr) => ({ ...form, message: `Mit nummer: ${cpr}. Tak!` }) },
  { field: 'email', place: (form, cpr) => ({ ...form, email: `${cpr.replace(/\s/g, '.')}@example.org`, phone: '12345678' }) },
  { field: 'phone', place: (form, cpr) => ({ ...form, phone: cpr }) },
]

for (const { field, place } of fields) {
  test(`a CPR number in the ${field} is refused (422) and nothing is stored`, async ({ request }) => {
    const before = await totalSignups(admin)
    for (const cpr of cprSample) {
      const form = place(validForm(), cpr)
      const response = await submit(request, form)
      expect(response.status(), cpr).toBe(422)
      const { errors } = await json<{ errors: Record<string, string> }>(response)
      // Characters an e-mail address may not hold (non-ASCII, "/") are refused as an address first.
      if (field === 'email') expect([da['signup.error.cpr'], da['signup.error.email']], cpr).toContain(errors.email)
      else expect(errors[field], cpr).toBe(da['signup.error.cpr'])
    }
    expect(await totalSignups(admin)).toBe(before)
  })
}

test('ordinary messages, and phone numbers in Danish formats, are accepted', async ({ request }) => {
  for (const message of ordinaryTexts) {
    const form = validForm({ message })
    const response = await submit(request, form)
    expect(response.status(), message).toBe(201)
  }
  // Numbers of their own (at most a few signups per phone number and window), in each format.
  const digits = () => String(20_000_000 + Math.floor(Math.random() * 70_000_000))
  const pairs = (number: string) => number.match(/../g)!.join(' ')
  const arabic = (text: string) => text.replace(/\d/g, (digit) => String.fromCodePoint(0x660 + Number(digit)))
  const formats = [
    (number: string) => pairs(number),
    (number: string) => `+45 ${pairs(number)}`,
    (number: string) => `0045 ${number.slice(0, 4)} ${number.slice(4)}`,
    (number: string) => arabic(pairs(number)),
    (number: string) => `+46 70-${number.slice(0, 3)} ${number.slice(3, 5)} ${number.slice(5, 7)}`,
  ]
  for (const phone of formats.map((format) => format(digits()))) {
    const { email } = marker('phone')
    expect((await submit(request, validForm({ email, phone }))).status(), phone).toBe(201)
    expect(await signupsWithEmail(admin, email)).toBe(1)
  }
})
