import type { Endpoint, PayloadRequest, Where } from 'payload'

import { isAdmin } from '../access/index'
import { normalizePhone } from './schema'

/** Who a request asks about: an e-mail address and/or a phone number, as we store them. */
function subjectOf(req: PayloadRequest): { email?: string; phone?: string } | undefined {
  const email = req.searchParams.get('email')?.trim().toLowerCase() || undefined
  const rawPhone = req.searchParams.get('phone')?.trim() || undefined
  const phone = rawPhone ? normalizePhone(rawPhone) : undefined
  if (rawPhone && !phone) return undefined
  if (!email && !phone) return undefined
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) return undefined
  return { email, phone }
}

function whereFor(subject: { email?: string; phone?: string }, fields: { email: string; phone: string }): Where {
  const or: Where[] = []
  if (subject.email) or.push({ [fields.email]: { equals: subject.email } })
  if (subject.phone) or.push({ [fields.phone]: { equals: subject.phone } })
  return { or }
}

async function find(req: PayloadRequest, subject: { email?: string; phone?: string }) {
  const common = { overrideAccess: true, depth: 1, pagination: false, req } as const
  const [signups, certificates] = await Promise.all([
    req.payload.find({ collection: 'signups', where: whereFor(subject, { email: 'email', phone: 'phone' }), ...common }),
    req.payload.find({ collection: 'child-certificates', where: whereFor(subject, { email: 'volunteerEmail', phone: 'volunteerPhone' }), ...common }),
  ])
  return { signups: signups.docs, certificates: certificates.docs }
}

const titleOf = (value: unknown, field: 'title' | 'name') =>
  typeof value === 'object' && value !== null ? { id: (value as { id: unknown }).id, [field]: (value as Record<string, unknown>)[field] } : value ?? null

function refuse(req: PayloadRequest): Response | undefined {
  if (!req.user) return Response.json({ error: 'Log ind som administrator.' }, { status: 401 })
  if (!isAdmin(req.user)) return Response.json({ error: 'Kun administratorer kan se og slette en persons oplysninger.' }, { status: 403 })
  return undefined
}

const noStore = { 'Cache-Control': 'no-store' }

/**
 * GET /api/personal-data?email=…(&phone=…): everything we hold about a person, as JSON (a
 * data subject's right of access). Admins only.
 */
export const exportPersonalData: Endpoint = {
  path: '/personal-data',
  method: 'get',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const subject = subjectOf(req)
    if (!subject) return Response.json({ error: 'Angiv en gyldig e-mailadresse (email=) eller et telefonnummer (phone=).' }, { status: 400 })
    const { signups, certificates } = await find(req, subject)
    req.payload.logger.info(`Personal data exported: ${signups.length} signups, ${certificates.length} child-certificate records.`)
    return Response.json(
      {
        subject,
        exportedAt: new Date().toISOString(),
        signups: signups.map((signup) => ({
          ...signup,
          activity: titleOf(signup.activity, 'title'),
          event: titleOf(signup.event, 'title'),
          department: titleOf(signup.department, 'name'),
        })),
        childCertificates: certificates.map((certificate) => ({
          ...certificate,
          activity: titleOf(certificate.activity, 'title'),
          department: titleOf(certificate.department, 'name'),
          signup: typeof certificate.signup === 'object' && certificate.signup ? certificate.signup.id : (certificate.signup ?? null),
        })),
      },
      { headers: { ...noStore, 'Content-Disposition': 'attachment; filename="personoplysninger.json"' } },
    )
  },
}

/** DELETE /api/personal-data?email=…(&phone=…): erases all of it in one action; answers the counts. Admins only. */
export const erasePersonalData: Endpoint = {
  path: '/personal-data',
  method: 'delete',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const subject = subjectOf(req)
    if (!subject) return Response.json({ error: 'Angiv en gyldig e-mailadresse (email=) eller et telefonnummer (phone=).' }, { status: 400 })
    const { signups } = await find(req, subject)
    const signupIds = signups.map((signup) => signup.id)
    // A certificate record made from one of these signups goes too, whatever address it holds now.
    const certificateWhere: Where = {
      or: [whereFor(subject, { email: 'volunteerEmail', phone: 'volunteerPhone' }), ...(signupIds.length ? [{ signup: { in: signupIds } }] : [])],
    }
    const deletedCertificates = await req.payload.delete({ collection: 'child-certificates', where: certificateWhere, overrideAccess: true, depth: 0, req })
    const deletedSignups = signupIds.length
      ? await req.payload.delete({ collection: 'signups', where: { id: { in: signupIds } }, overrideAccess: true, depth: 0, req })
      : { docs: [], errors: [] }
    const counts = { signups: deletedSignups.docs.length, childCertificates: deletedCertificates.docs.length }
    const failed = deletedSignups.errors.length + deletedCertificates.errors.length
    req.payload.logger.info(`Personal data erased: ${counts.signups} signups, ${counts.childCertificates} child-certificate records${failed ? `; ${failed} failed` : ''}.`)
    return Response.json({ deleted: counts, failed }, { status: failed ? 500 : 200, headers: noStore })
  },
}
