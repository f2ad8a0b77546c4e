import type { Endpoint, PayloadRequest, Where } from 'payload'

import { relationId } from '../../../core/relation'
import { isAdmin } from '../access/index'
import { ours } from '../lib/translations'
import type { ChildCertificate, Signup } from '../payload-types'
import { readableReport } from './personalDataReport'
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

const titleText = (value: unknown, field: 'title' | 'name') =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)[field] as string | undefined) ?? null : null

/** What an erasure removed, for the admin who answers the person: no more than the admin tool shows. */
const erasedSignup = (signup: Signup) => ({
  id: signup.id,
  kind: signup.kind,
  target: titleText(signup.activity, 'title') ?? titleText(signup.event, 'title'),
  department: titleText(signup.department, 'name'),
  createdAt: signup.createdAt,
})
const erasedCertificate = (certificate: ChildCertificate) => ({
  id: certificate.id,
  target: titleText(certificate.activity, 'title'),
  department: titleText(certificate.department, 'name'),
  createdAt: certificate.createdAt,
})

const titleOf = (value: unknown, field: 'title' | 'name') =>
  typeof value === 'object' && value !== null ? { id: (value as { id: unknown }).id, [field]: (value as Record<string, unknown>)[field] } : value ?? null

function refuse(req: PayloadRequest): Response | undefined {
  if (!req.user) return Response.json({ error: ours(req.t)('api:loginAsAdmin') }, { status: 401 })
  if (!isAdmin(req.user)) return Response.json({ error: ours(req.t)('api:adminsOnlyPersonalData') }, { status: 403 })
  return undefined
}

const noStore = { 'Cache-Control': 'no-store' }

/**
 * GET /api/personal-data?email=…(&phone=…): everything we hold about a person (a data
 * subject's right of access), as JSON to take elsewhere, or with `format=html` as a Danish
 * page the person can read and print. Admins only.
 */
export const exportPersonalData: Endpoint = {
  path: '/personal-data',
  method: 'get',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const subject = subjectOf(req)
    if (!subject) return Response.json({ error: ours(req.t)('api:personRequired') }, { status: 400 })
    const { signups, certificates } = await find(req, subject)
    const readable = req.searchParams.get('format') === 'html'
    req.payload.logger.info(`Personal data exported${readable ? ' (readable)' : ''}: ${signups.length} signups, ${certificates.length} child-certificate records.`)
    if (readable) {
      const html = readableReport({
        subject,
        exportedAt: new Date(),
        signups,
        certificates,
        fields: { signups: req.payload.collections.signups.config.flattenedFields, childCertificates: req.payload.collections['child-certificates'].config.flattenedFields },
      })
      return new Response(html, {
        headers: {
          ...noStore,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Disposition': 'attachment; filename="personoplysninger.html"',
          // Holds what people typed: even if escaping failed, no script runs and nothing loads.
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
          'X-Content-Type-Options': 'nosniff',
        },
      })
    }
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
          signup: relationId(certificate.signup) ?? null,
        })),
      },
      { headers: { ...noStore, 'Content-Disposition': 'attachment; filename="personoplysninger.json"' } },
    )
  },
}

/**
 * DELETE /api/personal-data?email=…(&phone=…): erases all of it in one action; answers the counts
 * and which records went (activity, department, date), so the admin can tell the person. Admins only.
 */
export const erasePersonalData: Endpoint = {
  path: '/personal-data',
  method: 'delete',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const subject = subjectOf(req)
    if (!subject) return Response.json({ error: ours(req.t)('api:personRequired') }, { status: 400 })
    const { signups } = await find(req, subject)
    const signupIds = signups.map((signup) => signup.id)
    // A certificate record made from one of these signups goes too, whatever address it holds now.
    const certificateWhere: Where = {
      or: [whereFor(subject, { email: 'volunteerEmail', phone: 'volunteerPhone' }), ...(signupIds.length ? [{ signup: { in: signupIds } }] : [])],
    }
    // depth 1: the answer names each record's activity and department.
    const deletedCertificates = await req.payload.delete({ collection: 'child-certificates', where: certificateWhere, overrideAccess: true, depth: 1, req })
    const deletedSignups = signupIds.length
      ? await req.payload.delete({ collection: 'signups', where: { id: { in: signupIds } }, overrideAccess: true, depth: 1, req })
      : { docs: [] as Signup[], errors: [] }
    const counts = { signups: deletedSignups.docs.length, childCertificates: deletedCertificates.docs.length }
    const failed = deletedSignups.errors.length + deletedCertificates.errors.length
    req.payload.logger.info(`Personal data erased: ${counts.signups} signups, ${counts.childCertificates} child-certificate records${failed ? `; ${failed} failed` : ''}.`)
    const erased = { signups: deletedSignups.docs.map(erasedSignup), childCertificates: deletedCertificates.docs.map(erasedCertificate) }
    return Response.json({ deleted: counts, erased, failed }, { status: failed ? 500 : 200, headers: noStore })
  },
}
