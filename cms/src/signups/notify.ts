import type { Payload } from 'payload'

import type { Signup } from '../payload-types'
import { issueCancelLink } from './cancelTokens'
import { composeMessage, type Listing, loadListing, placeOf, withDetails, type MessageKind } from './messages'
import { smsProvider } from './sms/index'

/**
 * What a person is told about their signup, in their language, by e-mail or (with only a phone
 * number) by SMS (issue 15):
 *
 * - `placed`: they have a place (after signing up);
 * - `waitlisted`: no place yet, they are number N on the waiting list (after signing up);
 * - `promoted`: a place freed up and is now theirs;
 * - `declined`: the coordinator declined the signup;
 * - `cancelled`: their cancellation went through (through the link, or recorded by a coordinator).
 */
export type PersonNotice = 'placed' | 'waitlisted' | 'promoted' | 'declined' | 'cancelled'

export type Delivery = 'email' | 'sms' | 'none'

/** An error as the log may show it: its SMTP or HTTP code, never an address, a number or a text. */
export const errorCode = (error: unknown) =>
  String((error as { responseCode?: number })?.responseCode ?? (error as { status?: number })?.status ?? (error as { code?: string })?.code ?? (error instanceof Error ? error.name : 'error'))

/** What the caller already has, so a message needs no reads or writes for it: the listing, and a cancel link already stored. */
export interface Prepared {
  listing?: Listing
  cancelUrl?: string
}

/**
 * Composes and sends one message; throws when it could not be sent (the reminders need to know).
 * E-mail when the person gave an address, else SMS when they gave a phone number.
 */
export async function deliver(payload: Payload, signup: Signup, kind: MessageKind, { now = new Date(), prepared = {} }: { now?: Date; prepared?: Prepared } = {}): Promise<Delivery> {
  if (!signup.email && !signup.phone) return 'none'
  const listing = prepared.listing ?? (await loadListing(payload, signup))
  if (!listing) {
    payload.logger.warn(`Signup ${signup.id}: no ${kind} message, its listing is gone.`)
    return 'none'
  }
  const cancelUrl = withDetails(kind) ? (prepared.cancelUrl ?? (await issueCancelLink(payload, signup, listing, now))) : undefined
  const message = composeMessage(kind, signup, listing, { cancelUrl, now })
  if (signup.email) {
    await payload.sendEmail({
      to: signup.email,
      replyTo: listing.contactEmail,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.ics ? { attachments: [{ filename: 'rodekors.ics', content: message.ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : {}),
    })
    return 'email'
  }
  if (!message.sms) throw Object.assign(new Error('The SMS does not fit in two segments.'), { code: 'ETOOLONG' })
  await smsProvider().send({ to: signup.phone!, text: message.sms })
  return 'sms'
}

/** Never throws and never delays the caller's answer: a failure is logged without personal data. */
export async function tellPerson(payload: Payload, signup: Signup, notice: PersonNotice, prepared?: Prepared): Promise<void> {
  try {
    const sent = await deliver(payload, signup, notice, { prepared })
    payload.logger.info(`Signup ${signup.id}: ${notice} message ${sent === 'none' ? 'not sent (no way to reach them)' : `sent by ${sent}`}.`)
  } catch (error) {
    payload.logger.error(`Signup ${signup.id}: the ${notice} message could not be sent (${errorCode(error)}).`)
  }
}

/**
 * After a participant's signup is stored (endpoint.ts): the confirmation, placed or on the
 * waiting list, as the signup was stored with its place (a later move up has its own message).
 * The endpoint passes the listing it looked up and the cancel link it stored with the signup,
 * so under a rush of signups a confirmation costs no reads or writes, only the sending.
 */
export async function confirmParticipant(payload: Payload, signup: Signup, prepared?: Prepared): Promise<void> {
  try {
    await tellPerson(payload, signup, placeOf(signup) === 'waitlisted' ? 'waitlisted' : 'placed', prepared)
  } catch (error) {
    payload.logger.error(`Signup ${signup.id}: the confirmation could not be sent (${errorCode(error)}).`)
  }
}
