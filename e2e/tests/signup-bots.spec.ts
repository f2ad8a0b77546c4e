import { json } from '../fixtures/api'
import { signupsWithEmail, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'

/**
 * Bots and people: a filled honeypot is answered as a success and stores nothing; a person who
 * sends the form quickly is not taken for a bot.
 */
test.describe('bots (a filled honeypot): answered as a success, nothing stored', () => {
  test('a filled honeypot field', async ({ request, admin }) => {
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
  test('a form sent half a second after the page loaded (a page that still sends when it loaded) is stored', async ({ request, admin }) => {
    const form = validForm({ startedAt: String(Date.now() - 500) })
    const response = await submit(request, form)
    expect(response.status()).toBe(201)
    expect(await signupsWithEmail(admin, form.email!)).toBe(1)
  })
})
