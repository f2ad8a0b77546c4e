import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { getLocale, type LocaleCode } from '../../../core/locales'
import { claimField, releaseField } from '../lib/claim'
import type { Signup } from '../payload-types'
import { findByToken } from './cancelTokens'
import { fontFaceCss, pageFontList } from './fonts'
import { participantsOf } from '../../../core/signups'
import { placeText } from '../../../core/venue'
import { activityWhen, formatWhen, loadListing, placeOf, waitlistPositionOf, type Listing } from './messages'
import { errorCode, tellPerson } from './notify'
import { releasePlaces } from './places'
import { requestLanguage, siteURL } from './request'
import { languageOf, signupText, type SignupKey } from './strings'
import { escapeHtml } from '../lib/html'

/**
 * Cancelling without an account (issue 15): the link in a confirmation, reminder or SMS opens
 * GET /api/signups/cancel?token=… — a page in the person's language that says what will be
 * cancelled and asks to confirm (a link alone must not cancel: mail scanners open links). Its
 * form posts to the same address; the answer confirms, sets the signup `withdrawn`, frees its
 * places (places.ts, which moves the waiting list up), tells the person and the department.
 *
 * No JavaScript, no cookies; the page sends no Referer on (the token is in its address). A
 * wrong, used or expired token gets a clear page in the signup's language (when the token
 * names one) or the browser's, never an error from the server.
 */


const css = `
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 ${pageFontList};color:#1a1a1a;background:#fff}
header{background:#b5121b;color:#fff;padding:.75rem 1rem;font-weight:700}main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;line-height:1.25;margin:.5rem 0 1rem}a{color:#b5121b}
.details{border:2px solid #1a1a1a;border-radius:.5rem;padding:.75rem 1rem;margin-block-end:1.25rem}.details p{margin:.25rem 0}
.notice{border-inline-start:4px solid #b5121b;background:#f3f3f3;padding:.75rem 1rem;margin-block-end:1.25rem}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
button{font:inherit;font-weight:700;background:#b5121b;color:#fff;border:0;border-radius:.35rem;padding:.75rem 1.25rem;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
`

interface CancelPage {
  language: LocaleCode
  title: string
  /** Paragraphs of plain text. */
  text: string[]
  details?: string[]
  /** The confirm form (posts to the page's own address). */
  form?: { action: string; button: string; keep: string }
  backUrl: string
}

function renderPage({ language, title, text, details, form, backUrl }: CancelPage): string {
  const locale = getLocale(language)
  const t = (key: SignupKey) => escapeHtml(signupText(language, key))
  return `<!doctype html>
<html lang="${language}" dir="${locale.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${fontFaceCss(locale.script)}${css}</style></head>
<body><header>Røde Kors</header><main>
<h1>${escapeHtml(title)}</h1>
${details?.length ? `<div class="details">${details.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>` : ''}
${text.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${
  form
    ? `<form method="post" action="${escapeHtml(form.action)}" class="actions"><button type="submit">${escapeHtml(form.button)}</button><a href="${escapeHtml(backUrl)}">${escapeHtml(form.keep)}</a></form>`
    : `<p><a href="${escapeHtml(backUrl)}">${t('signup.backToSite')}</a></p>`
}
</main></body></html>`
}

function page(status: number, options: CancelPage): Response {
  return new Response(renderPage(options), {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    },
  })
}

/** A page that only says something (a wrong, used or expired link). */
function sayOnly(status: number, language: LocaleCode, titleKey: SignupKey, textKey: SignupKey, backUrl = `${siteURL()}/${language}/`) {
  return page(status, { language, title: signupText(language, titleKey), text: [signupText(language, textKey)], backUrl })
}

/** What the signup is for, as the confirm page lists it. */
function summary(listing: Listing, signup: Signup, language: LocaleCode, now: Date): string[] {
  const t = (key: SignupKey, params: Record<string, string>) => signupText(language, key, params)
  const number = (value: number) => new Intl.NumberFormat(language, { numberingSystem: getLocale(language).numberingSystem }).format(value)
  const lines = [listing.title(language)]
  if (listing.kind === 'event' && listing.startsAt) lines.push(t('messages.when', { when: formatWhen(language, listing.startsAt, listing.endsAt) }))
  else {
    const { rhythm, next, nextEnd } = activityWhen(language, listing.schedule, now)
    if (rhythm && next) lines.push(t('messages.weekly', { rhythm, next: formatWhen(language, next, nextEnd) }))
  }
  const where = placeText(listing.place)
  if (where) lines.push(t('messages.where', { where }))
  lines.push(t('messages.places', { count: number(participantsOf(signup)) }))
  const position = waitlistPositionOf(signup)
  if (placeOf(signup) === 'waitlisted' && position) lines.push(t('messages.position', { position: number(position) }))
  return lines
}

/** To the department, in Danish like the new-signup e-mail (email.ts): who cancelled what. */
async function tellDepartment(payload: Payload, signup: Signup, listing: Listing): Promise<void> {
  if (!listing.contactEmail) return
  const title = listing.title('da')
  const adminUrl = `${payload.config.serverURL}${payload.config.routes.admin}/collections/signups/${signup.id}`
  const participants = participantsOf(signup)
  const text = [
    `Hej ${listing.department.name}`,
    `${signup.name} har afmeldt sig ${title} med linket i sin bekræftelse.`,
    `${participants === 1 ? 'Én plads' : `${participants} pladser`} er givet fri${placeOf(signup) === 'waitlisted' ? ' (tilmeldingen stod på ventelisten)' : ''}. Står der nogen på ventelisten, har de fået pladsen og besked om det.`,
    `Se tilmeldingen: ${adminUrl}`,
    'Mailen indeholder personoplysninger: slet den, når du har læst den.',
  ].join('\n\n')
  await payload.sendEmail({ to: listing.contactEmail, subject: `Afmelding: ${title}`, text })
}

const isClosed = (signup: Signup) => signup.status === 'withdrawn' || signup.status === 'declined'

async function answer(req: PayloadRequest, confirm: boolean): Promise<Response> {
  const { payload } = req
  const now = new Date()
  const token = new URL(req.url ?? '', 'http://localhost').searchParams.get('token')
  const lookup = await findByToken(payload, token, now)
  if (!lookup.found) return sayOnly(404, requestLanguage(req), 'messages.cancelPage.invalidTitle', 'messages.cancelPage.invalid')
  let { signup } = lookup
  const language = languageOf(signup.language)
  if (signup.status === 'withdrawn' || signup.cancelledAt) return sayOnly(200, language, 'messages.cancelPage.done', 'messages.cancelPage.used')
  if (isClosed(signup)) return sayOnly(200, language, 'messages.cancelPage.title', 'messages.cancelPage.closed')
  if (lookup.expired) return sayOnly(410, language, 'messages.cancelPage.invalidTitle', 'messages.cancelPage.expired')
  const listing = await loadListing(payload, signup)
  if (!listing) return sayOnly(410, language, 'messages.cancelPage.invalidTitle', 'messages.cancelPage.expired')
  // Isolated (FSI … PDI): a Danish title inside an Arabic sentence keeps its own direction, and the
  // sentence's punctuation stays on the right side of it.
  const title = `\u2068${listing.title(language)}\u2069`
  const backUrl = listing.url(language)

  if (!confirm) {
    return page(200, {
      language,
      title: signupText(language, 'messages.cancelPage.title'),
      details: summary(listing, signup, language, now),
      text: [signupText(language, 'messages.cancelPage.question', { title }), signupText(language, 'messages.cancelPage.explain')],
      form: { action: `/api/signups/cancel?token=${token}`, button: signupText(language, 'messages.cancelPage.confirm'), keep: signupText(language, 'messages.cancelPage.keep') },
      backUrl,
    })
  }

  // One conditional write decides who cancels: of two posts at once (a double tap, two tabs) one
  // carries it out and the other is told it is already done; the places are freed once.
  const claimed = await claimField(payload, { collection: 'signups', id: signup.id, field: 'cancelledAt', at: now })
  if (!claimed) return sayOnly(200, language, 'messages.cancelPage.done', 'messages.cancelPage.used')
  try {
    signup = await payload.update({ collection: 'signups', id: signup.id, data: { status: 'withdrawn' }, overrideAccess: true, depth: 0 })
  } catch (error) {
    await releaseField(payload, { collection: 'signups', id: signup.id, field: 'cancelledAt' }).catch(() => undefined)
    throw error
  }
  try {
    await releasePlaces(payload, signup, req)
  } catch (error) {
    // The cancellation stands; the coordinator sees the free places and can place people by hand.
    payload.logger.error(`Signup ${signup.id}: cancelled, but its places could not be released (${errorCode(error)}).`)
  }
  const cancelled = signup
  setImmediate(() => {
    void tellPerson(payload, cancelled, 'cancelled')
    void tellDepartment(payload, cancelled, listing).catch((error: unknown) => payload.logger.error(`Signup ${cancelled.id}: the department's cancellation e-mail could not be sent (${errorCode(error)}).`))
  })
  payload.logger.info(`Signup ${signup.id} cancelled through its link.`)
  return page(200, {
    language,
    title: signupText(language, 'messages.cancelPage.done'),
    text: [signupText(language, 'messages.cancelPage.doneText', { title })],
    backUrl,
  })
}

function handler(confirm: boolean): Endpoint['handler'] {
  return async (req) => {
    try {
      return await answer(req, confirm)
    } catch (error) {
      req.payload.logger.error(`Cancel endpoint failed (${errorCode(error)}).`)
      return sayOnly(500, requestLanguage(req), 'messages.cancelPage.invalidTitle', 'signup.error.server')
    }
  }
}

/** GET and POST /api/signups/cancel?token=… */
export const cancelEndpoints: Endpoint[] = [
  { path: '/cancel', method: 'get', handler: handler(false) },
  { path: '/cancel', method: 'post', handler: handler(true) },
]
