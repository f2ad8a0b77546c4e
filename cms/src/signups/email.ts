import type { Payload } from 'payload'

import { getLocale, type LocaleCode, locales } from '../../../core/locales'
import { participantsOf } from '../../../core/signups'
import type { Signup } from '../payload-types'
import type { SignupTarget } from './targets'
import { signupText } from './strings'
import { escapeHtml } from '../lib/html'

const paragraphsHtml = (paragraphs: string[], language: LocaleCode) =>
  `<div lang="${language}" dir="${getLocale(language).dir}" style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('')}</div>`

export interface SignupEmail {
  to: string
  replyTo?: string
  subject: string
  text: string
  html: string
}

/** To the department, in Danish: who signed up for what, how to reach them, and what to do next. */
const ageGroupsDa: Record<string, string> = { adult: 'voksen', teen: 'ung 13–17 år', child: 'barn 6–12 år', 'small-child': 'lille barn 0–5 år' }

/** How many come, who they are (first names and age groups when given) and where the signup stands. */
function participantLines(signup: Signup): string[] {
  const companions = (signup.companions ?? []).map(({ firstName, ageGroup }) => [firstName, ageGroup && ageGroupsDa[ageGroup]].filter(Boolean).join(', ')).filter(Boolean)
  return [
    `Antal personer: ${participantsOf(signup)}`,
    ...(companions.length ? [`Med kommer: ${companions.join('; ')}`] : []),
    ...(signup.place === 'placed' ? ['Plads: har plads'] : signup.place === 'waitlisted' ? [`Plads: på ventelisten som nr. ${signup.waitlistPosition ?? '–'}`] : []),
  ]
}

export function departmentEmail(signup: Signup, target: SignupTarget, options: { adminUrl: string; childCertificate: boolean }): SignupEmail | undefined {
  if (!target.contactEmail) return undefined
  const title = target.title('da')
  const language = locales.find((locale) => locale.code === signup.language)
  const volunteer = signup.kind === 'volunteer'
  const paragraphs = [
    `Hej ${target.department.name}`,
    volunteer ? `${signup.name} vil gerne hjælpe som frivillig ved ${title}.` : `${signup.name} har tilmeldt sig ${title}.`,
    [
      `Navn: ${signup.name}`,
      `E-mail: ${signup.email ?? '–'}`,
      `Telefon: ${signup.phone ?? '–'}`,
      `Foretrukket sprog: ${language ? `${language.labelDa} (${language.label})` : signup.language}`,
      ...(volunteer ? [] : participantLines(signup)),
      `Besked: ${signup.message ?? '–'}`,
    ].join('\n'),
    ...(options.childCertificate
      ? [
          'Børneattest: den frivillige skal være sammen med børn under 15 år. Bestil en børneattest hos politiet med afdelingens MitID, før den frivillige starter. Opgaven står på jeres forside i administrationen.',
        ]
      : []),
    `Se og besvar tilmeldingen: ${options.adminUrl}`,
    'Mailen indeholder personoplysninger: slet den, når tilmeldingen er behandlet. Tilmeldingen slettes automatisk 12 måneder efter, at den er afsluttet.',
  ]
  return {
    to: target.contactEmail,
    replyTo: signup.email ?? undefined,
    subject: volunteer ? `Ny frivillig: ${title}` : `Ny tilmelding: ${title}`,
    text: paragraphs.join('\n\n'),
    html: paragraphsHtml(paragraphs, 'da'),
  }
}

/** To the person, in their language: that we got it, what happens next, and what we keep. */
export function confirmationEmail(signup: Signup, target: SignupTarget, options: { childCertificate: boolean }): SignupEmail | undefined {
  if (!signup.email) return undefined
  const language = signup.language as LocaleCode
  // Anyone can type any address into the form: the confirmation repeats nothing the sender wrote
  // (not even the name), so it cannot carry someone else's text to a stranger.
  const t = (key: Parameters<typeof signupText>[1]) =>
    signupText(language, key, { title: target.title(language), department: target.department.name })
  const volunteer = signup.kind === 'volunteer'
  const paragraphs = [
    t('signup.email.greeting'),
    t(volunteer ? 'signup.email.volunteerBody' : 'signup.email.participantBody'),
    // When to expect the department, and what to do if nothing happens.
    ...(volunteer ? [t('signup.volunteerWhen')] : []),
    ...(options.childCertificate ? [t('signup.email.childCertificate')] : []),
    t('signup.email.privacy'),
    t('signup.email.notYou'),
    t('signup.email.signature'),
  ]
  return {
    to: signup.email,
    replyTo: target.contactEmail,
    subject: t(volunteer ? 'signup.email.subjectVolunteer' : 'signup.email.subject'),
    text: paragraphs.join('\n\n'),
    html: paragraphsHtml(paragraphs, language),
  }
}

/**
 * Sends a signup's e-mails after it is stored. A failure never undoes or delays the signup; the
 * log says which kind of e-mail failed and why in SMTP terms, never to whom or what it said.
 */
export async function sendSignupEmails(payload: Payload, emails: (SignupEmail | undefined)[]): Promise<void> {
  const results = await Promise.allSettled(
    emails.filter((email): email is SignupEmail => email !== undefined).map((email) => payload.sendEmail({ ...email })),
  )
  const failed = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[]
  if (failed.length) {
    const reasons = failed.map(({ reason }) => (reason as { code?: string; responseCode?: number })?.responseCode ?? (reason as { code?: string })?.code ?? 'error')
    payload.logger.error(`${failed.length} of ${results.length} signup e-mails could not be sent (${reasons.join(', ')}).`)
  }
}
