import AxeBuilder from '@axe-core/playwright'

import { type Doc, json } from '../fixtures/api'
import { marker, receivedMail, recipients, submit, validForm } from '../fixtures/signup'
import { expect, test } from '../fixtures/signup-test'
import { uiStrings } from '../fixtures/ui-strings'

const ar = uiStrings('ar')
const uk = uiStrings('uk')

/**
 * Cancelling without an account (issue 15): the link is taken from the confirmation the test
 * SMTP server caught, opened on a phone without JavaScript, in Arabic, and confirmed with the
 * page's own form. axe checks the pages (in a context with JavaScript, which axe needs).
 */
const cancelLinkIn = (text: string | undefined) => /https?:\/\/\S+\/api\/signups\/cancel\?token=[A-Za-z0-9_-]+/.exec(text ?? '')?.[0]

async function confirmationLink(email: string): Promise<string> {
  let link: string | undefined
  await expect
    .poll(
      async () => {
        const message = (await receivedMail()).find((candidate) => recipients(candidate).includes(email))
        link = cancelLinkIn(message?.text)
        return Boolean(link)
      },
      { timeout: 20_000 },
    )
    .toBe(true)
  return link!
}

test('cancel through the link from the e-mail, without JavaScript, in Arabic', async ({ browser, request, admin }) => {
  const { email, name } = marker('cancel')
  const form = validForm({ name, email, language: 'ar', target: 'event:aarhus-familielejr' })
  expect((await submit(request, form)).status()).toBe(201)
  const link = await confirmationLink(email)

  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'ar' })
  const page = await noScript.newPage()
  await page.goto(link)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['messages.cancelPage.title']!)
  // Opening the link cancels nothing; the button does.
  const stored = async () => (await json<{ docs: (Doc & { status: string })[] }>(await admin.get(`/signups?where[email][equals]=${encodeURIComponent(email)}&depth=0`))).docs[0]!
  expect((await stored()).status).toBe('new')
  await page.getByRole('button', { name: ar['messages.cancelPage.confirm'] }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['messages.cancelPage.done']!)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  expect((await stored()).status).toBe('withdrawn')
  await noScript.close()

  // The person is told in Arabic, the department in Danish.
  await expect.poll(async () => (await receivedMail()).filter((message) => recipients(message).includes(email)).length, { timeout: 20_000 }).toBe(2)
  await expect.poll(async () => (await receivedMail()).some((message) => message.subject?.startsWith('Afmelding: ') && message.text?.includes(name)), { timeout: 20_000 }).toBe(true)

  // The link again: already cancelled, said clearly (axe on that page too).
  const withScript = await browser.newContext({ locale: 'ar' })
  const again = await withScript.newPage()
  await again.goto(link)
  await expect(again.locator('main')).toContainText(ar['messages.cancelPage.used']!)
  expect((await new AxeBuilder({ page: again }).analyze()).violations).toEqual([])
  await withScript.close()
})

test('the cancel pages have no accessibility violations (axe)', async ({ browser, request }) => {
  const { email } = marker('cancel-axe')
  expect((await submit(request, validForm({ email, language: 'uk', target: 'event:aarhus-familielejr' }))).status()).toBe(201)
  const link = await confirmationLink(email)
  const context = await browser.newContext({ locale: 'uk' })
  const page = await context.newPage()

  await page.goto(link)
  await expect(page.getByRole('button', { name: uk['messages.cancelPage.confirm'] })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  await page.getByRole('button', { name: uk['messages.cancelPage.confirm'] }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uk['messages.cancelPage.done']!)
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  const wrong = await page.goto(`${new URL(link).origin}/api/signups/cancel?token=forged`)
  expect(wrong!.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uk['messages.cancelPage.invalidTitle']!)
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await context.close()
})

test('beside every .ics link the site offers "Add to Google Calendar" in the reader language', async ({ page }) => {
  const arEvents = uiStrings('ar')
  await page.goto('/ar/arrangementer/aarhus-familielejr/')
  const google = page.locator('[data-google-calendar]')
  await expect(google).toHaveText(arEvents['calendar.google']!)
  const url = new URL((await google.getAttribute('href'))!)
  expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render')
  expect(url.searchParams.get('dates')).toMatch(/^\d{8}T\d{6}Z\/\d{8}T\d{6}Z$/)

  await page.goto('/da/arrangementer/')
  const icsLinks = await page.locator('a[type="text/calendar"]').count()
  expect(icsLinks).toBeGreaterThan(0)
  expect(await page.locator('[data-google-calendar]').count()).toBe(icsLinks)
})
