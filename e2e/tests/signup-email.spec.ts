import { type Doc, json } from '../fixtures/api'
import { marker, receivedMail, recipients, signupStrings, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'

/**
 * The signup e-mails through the test SMTP server: the department is told in Danish, the person
 * gets a confirmation in their own language.
 */
const uk = signupStrings('uk')

test.describe('e-mail over SMTP', () => {
  test('the department is told in Danish; the volunteer gets a confirmation in their language', async ({ request, admin }) => {
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
