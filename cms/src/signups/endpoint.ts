import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import type { LocaleCode } from '../../../core/locales'
import { offersSignupForm, type SignupKind } from '../../../core/signups'
import { confirmationEmail, departmentEmail, sendSignupEmails } from './email'
import { newCancelLink } from './cancelTokens'
import { confirmParticipant } from './notify'
import { syncedToDisk } from '../lib/database'
import { renderErrorPage } from './errorPage'
import { checkChallenge, issueChallenge } from './challenge'
import { clientKey } from '../lib/clientKey'
import { ceilingKeys, ceilingReached, countSignup, rateLimited } from './rateLimit'
import { BodyTooLarge, contentTypeOf, fromAllowedOrigin, parseBody, readBody, requestLanguage, siteOrigin, siteURL, wantsJson } from './request'
import { type Envelope, envelopeSchema, type FieldErrors, forbiddenKeys, formFields, validateSignup } from './schema'
import { languageOf, signupText, type SignupKey } from './strings'
import { findTarget, type SignupTarget } from './targets'
import { type Allocation, signUpWithPlaces } from './places'
import type { Signup } from '../payload-types'

/**
 * Where a form sent without JavaScript lands. On a listing with a limited number of places the
 * page says where the person stands: the waiting list has its own page (readable without a
 * script), with the number as a query parameter its little script shows; a place has its own
 * page too. Nothing personal in the address.
 */
function thanksUrl(language: LocaleCode, kind: SignupKind, places?: Places) {
  if (kind === 'volunteer') return `${siteURL()}/${language}/tak/frivillig/`
  if (places?.allocation.place === 'waitlisted') return `${siteURL()}/${language}/tak/venteliste/?nr=${places.allocation.position}`
  if (places?.limited) return `${siteURL()}/${language}/tak/plads/`
  return `${siteURL()}/${language}/tak/`
}

/** A participant signup's place, and whether the listing has a limited number of places at all. */
interface Places {
  allocation: Allocation
  limited: boolean
}

/** Back to the form page the person came from, else the site's front page in their language. */
function backUrl(req: PayloadRequest, language: LocaleCode) {
  const referer = req.headers.get('referer')
  if (referer?.startsWith(`${siteURL()}/`)) return referer
  return `${siteURL()}/${language}/`
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', Vary: 'Origin, Accept', ...headers } })
}

function html(status: number, body: string, headers: Record<string, string> = {}) {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', ...headers } })
}

/** A request refused as a whole (400/403/413/415/429/500): one message in the person's language. */
function refuse(req: PayloadRequest, status: number, key: SignupKey, language: LocaleCode, headers: Record<string, string> = {}) {
  const message = signupText(language, key)
  if (wantsJson(req)) return json(status, { ok: false, error: message }, headers)
  return html(status, renderErrorPage({ language, message, backUrl: backUrl(req, language) }), headers)
}

/**
 * A filled honeypot (a field people never see) is a bot's: it gets a success and nothing is
 * stored. Nothing else is taken for a bot: a person who autofills and sends at once is a person.
 */
function pretendSuccess(req: PayloadRequest, envelope: Envelope, language: LocaleCode) {
  const kind: SignupKind = envelope.kind === 'volunteer' ? 'volunteer' : 'participant'
  return succeed(req, kind, language, false)
}

function succeed(req: PayloadRequest, kind: SignupKind, language: LocaleCode, childCertificate: boolean, places?: Places) {
  if (!wantsJson(req)) return new Response(null, { status: 303, headers: { Location: thanksUrl(language, kind, places), 'Cache-Control': 'no-store' } })
  const { place, position } = places?.allocation ?? {}
  const sent =
    place === 'waitlisted'
      ? signupText(language, 'places.sentWaitlisted', { position: String(position) })
      : places?.limited
        ? signupText(language, 'places.sentPlaced')
        : signupText(language, kind === 'volunteer' ? 'signup.sentVolunteer' : 'signup.sent')
  const message = childCertificate ? `${sent} ${signupText(language, 'signup.sentChildCertificate')}` : sent
  return json(201, { ok: true, kind, childCertificate, message, ...(place && { place }), ...(position !== undefined && { position }) })
}

function invalid(req: PayloadRequest, envelope: Envelope, language: LocaleCode, errors: FieldErrors, target?: SignupTarget) {
  if (wantsJson(req)) {
    const localized = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, signupText(language, key as SignupKey)]))
    return json(422, { ok: false, errors: localized })
  }
  const title = target?.title(language)
  const heading = title ? { template: signupText(language, envelope.kind === 'volunteer' ? 'signup.form.volunteerHeading' : 'signup.form.participantHeading'), title } : undefined
  return html(422, renderErrorPage({ language, heading, errors, values: envelope, backUrl: backUrl(req, language) }))
}

/**
 * A signup ceiling was reached: the site's script gets a proof-of-work challenge it solves by
 * itself; a form without JavaScript gets a page in the person's language with what they wrote
 * and a button to send it again, good a few seconds later (a token that needs only time).
 */
function challenge(req: PayloadRequest, envelope: Envelope, language: LocaleCode, target: SignupTarget, waitToken?: string) {
  const client = clientKey(req)
  if (wantsJson(req)) {
    const { token, difficulty } = issueChallenge(req.payload.secret, 'work', client)
    return json(429, { ok: false, error: signupText(language, 'signup.challenge.text'), challenge: { token, difficulty } })
  }
  const token = waitToken ?? issueChallenge(req.payload.secret, 'wait', client).token
  const title = target.title(language)
  const heading = { template: signupText(language, envelope.kind === 'volunteer' ? 'signup.form.volunteerHeading' : 'signup.form.participantHeading'), title }
  return html(
    429,
    renderErrorPage({
      language,
      heading,
      notice: { title: signupText(language, 'signup.challenge.heading'), text: signupText(language, 'signup.challenge.text') },
      values: envelope,
      challenge: token,
      submitLabel: signupText(language, 'signup.challenge.button'),
      backUrl: backUrl(req, language),
    }),
  )
}

function isBot(envelope: Envelope): boolean {
  return Boolean(envelope.website)
}

async function submit(req: PayloadRequest): Promise<Response> {
  const { payload } = req
  let language = requestLanguage(req)
  if (!fromAllowedOrigin(req)) return refuse(req, 403, 'signup.error.forbidden', language)
  const wait = await rateLimited(req)
  if (wait !== undefined) return refuse(req, 429, 'signup.error.rateLimited', language, { 'Retry-After': String(wait) })
  const contentType = contentTypeOf(req)
  if (!contentType) return refuse(req, 415, 'signup.error.malformed', language)

  let body: string
  try {
    body = await readBody(req)
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(req, 413, 'signup.error.tooLarge', language)
    throw error
  }
  const parsed = parseBody(contentType, body)
  if (!parsed.ok) return refuse(req, 400, 'signup.error.malformed', language)
  const keys = Object.keys(parsed.fields)
  if (keys.some((key) => forbiddenKeys.has(key) || !(formFields as readonly string[]).includes(key))) {
    payload.logger.warn(`Signup refused: unknown fields (${keys.filter((key) => !(formFields as readonly string[]).includes(key)).length}).`)
    return refuse(req, 400, 'signup.error.malformed', language)
  }
  const envelopeResult = envelopeSchema.safeParse(parsed.fields)
  if (!envelopeResult.success) return refuse(req, 400, 'signup.error.malformed', language)
  const envelope = envelopeResult.data
  if (envelope.language !== undefined) language = languageOf(envelope.language)

  if (isBot(envelope)) return pretendSuccess(req, envelope, language)

  const target = envelope.target ? await findTarget(payload, envelope.target) : undefined
  const validation = validateSignup(envelope)
  const errors: FieldErrors = validation.ok ? {} : { ...validation.errors }
  if (!target) errors.target ??= 'signup.error.target'
  // Only where the site offers a form: not for "just come" or "contact first", nor volunteers where none are wanted.
  else if ((envelope.kind === 'participant' || envelope.kind === 'volunteer') && !offersSignupForm(envelope.kind, target.type, target.listing)) {
    errors.target ??= envelope.kind === 'volunteer' ? 'signup.error.noVolunteers' : 'signup.error.noSignup'
  }
  if (errors.language) return refuse(req, 400, 'signup.error.malformed', language)
  if (!validation.ok || !target || Object.keys(errors).length) {
    // Field names only: never what the person wrote.
    payload.logger.info(`Signup refused: ${Object.keys(errors).join(', ')}.`)
    return invalid(req, envelope, language, errors, target)
  }
  const { signup: data } = validation

  // Over a ceiling nobody is refused: the signup needs a solved challenge (and is then counted too).
  const ceilings = ceilingKeys({ target: envelope.target!, email: data.email, phone: data.phone })
  if (await ceilingReached(ceilings)) {
    const check = checkChallenge(payload.secret, clientKey(req), envelope.challenge, envelope.proof)
    if (!check.ok) {
      payload.logger.info(`Signup needs a challenge (${check.reason}).`)
      return challenge(req, envelope, language, target, check.reason === 'early' ? check.token : undefined)
    }
  }
  await countSignup(ceilings)

  const childCertificate = data.kind === 'volunteer' && target.type === 'activity' && target.worksWithChildren
  // A participant's confirmation carries a cancel link: stored with the signup, not written after it.
  const cancelLink = data.kind === 'participant' && target.details && (data.email || data.phone) ? newCancelLink(payload, target.details) : undefined
  let signup: Signup | undefined
  let allocation: Allocation | undefined
  const store = (place?: Allocation) =>
    payload.create({
      collection: 'signups',
      overrideAccess: true,
      depth: 0,
      data: {
        kind: data.kind,
        name: data.name,
        email: data.email ?? null,
        phone: data.phone ?? null,
        language: data.language,
        message: data.message ?? null,
        participants: data.participants,
        companions: data.companions,
        place: place?.place ?? null,
        waitlistPosition: place?.position ?? null,
        activity: target.activity ?? null,
        event: target.event ?? null,
        department: target.department.id,
        consentAt: new Date().toISOString(),
        consentVersion: data.consentVersion,
        status: 'new',
        ...(cancelLink && { cancelTokens: [cancelLink.stored] }),
      },
    })
  const placesTarget = data.kind === 'participant' ? (target.event !== undefined ? { type: 'event' as const, id: target.event } : target.activity !== undefined ? { type: 'activity' as const, id: target.activity } : undefined) : undefined
  try {
    if (placesTarget) {
      // A participant takes places (or a waiting-list number) as the signup is stored (places.ts).
      ;({ stored: signup, allocation } = await signUpWithPlaces(payload, { ...placesTarget, capacity: target.capacity ?? null }, data.participants, store))
    } else {
      signup = await store()
    }
    if (childCertificate) {
      await payload.create({
        collection: 'child-certificates',
        overrideAccess: true,
        depth: 0,
        data: {
          status: 'to-request',
          volunteerName: data.name,
          volunteerEmail: data.email ?? null,
          volunteerPhone: data.phone ?? null,
          activity: target.activity ?? null,
          department: target.department.id,
          signup: signup.id,
        },
      })
    }
  } catch (error) {
    if (signup) await payload.delete({ collection: 'signups', id: signup.id, overrideAccess: true }).catch(() => undefined)
    if (error instanceof ValidationError) {
      const fields = error.data.errors.map(({ path }) => path.split('.')[0] ?? '')
      payload.logger.info(`Signup refused by the collection: ${fields.join(', ')}.`)
      const mapped: FieldErrors = {}
      for (const field of fields) if ((formFields as readonly string[]).includes(field)) mapped[field as keyof FieldErrors] = field === 'participants' ? 'places.error.participants' : (`signup.error.${field === 'consentVersion' ? 'consent' : field}` as SignupKey)
      if (Object.keys(mapped).length) return invalid(req, envelope, language, mapped, target)
    }
    payload.logger.error(`Signup could not be stored (${error instanceof Error ? error.name : 'error'}).`)
    return refuse(req, 500, 'signup.error.server', language)
  }

  // "Sent" means stored: on disk before the answer, even though commits are not flushed one by one.
  await syncedToDisk().catch((error: unknown) => payload.logger.error(`Signup stored, but flushing it to disk failed (${error instanceof Error && 'code' in error ? String(error.code) : 'error'}).`))

  const adminUrl = `${payload.config.serverURL}${payload.config.routes.admin}/collections/signups/${signup.id}`
  // Participants get their confirmation with its calendar file and cancel link, by e-mail or SMS (notify.ts).
  const emails = [departmentEmail(signup, target, { adminUrl, childCertificate }), data.kind === 'volunteer' ? confirmationEmail(signup, target, { childCertificate }) : undefined]
  // Stored first, told after: a slow or absent SMTP server never holds up or undoes the signup,
  // and the e-mails are composed and sent once the answer is on its way.
  setImmediate(() => void sendSignupEmails(payload, emails).catch(() => undefined))
  // The person hears where they stand (their place, or their number on the waiting list, as
  // stored), with the listing looked up above and the cancel link stored with the signup.
  const stored = signup
  if (data.kind === 'participant') setImmediate(() => void confirmParticipant(payload, stored, { listing: target.details, cancelUrl: cancelLink?.url }))
  payload.logger.info(`Signup stored (${data.kind}${childCertificate ? ', child certificate task' : ''}${allocation ? `, ${allocation.place}` : ''}).`)
  return succeed(req, data.kind, data.language, childCertificate, allocation && { allocation, limited: (target.capacity ?? null) !== null })
}

/**
 * The site's script may read the answer: CORS for the site's origin on this endpoint only (the
 * CMS's config allows no other origin for the rest of the API). No credentials: a signup needs none.
 */
function withSiteCors(req: PayloadRequest, response: Response): Response {
  if (req.headers.get('origin') === siteOrigin()) response.headers.set('Access-Control-Allow-Origin', siteOrigin())
  if (!/\bOrigin\b/.test(response.headers.get('Vary') ?? '')) response.headers.append('Vary', 'Origin')
  return response
}

/** POST /api/signups/submit: the site's signup and volunteer forms, with or without JavaScript. */
export const submitEndpoint: Endpoint = {
  path: '/submit',
  method: 'post',
  handler: async (req) => {
    try {
      return withSiteCors(req, await submit(req))
    } catch (error) {
      req.payload.logger.error(`Signup endpoint failed (${error instanceof Error ? error.name : 'error'}).`)
      return withSiteCors(req, refuse(req, 500, 'signup.error.server', requestLanguage(req)))
    }
  },
}

/** CORS preflight for the site's script: only the site's origin may post with JSON. */
export const submitPreflightEndpoint: Endpoint = {
  path: '/submit',
  method: 'options',
  handler: async (req) => {
    if (req.headers.get('origin') !== siteOrigin()) return new Response(null, { status: 403, headers: { Vary: 'Origin' } })
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': siteOrigin(),
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Accept',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      },
    })
  },
}
