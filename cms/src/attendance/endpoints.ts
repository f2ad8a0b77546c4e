import type { Endpoint, PayloadRequest } from 'payload'

import { copenhagenToday } from '../../../core/schedule'
import { relationId } from '../../../core/relation'
import { isLoggedIn } from '../access/index'
import { mayRecordAttendance } from '../access/personalData'
import { ours } from '../lib/translations'
import type { Attendance } from '../payload-types'
import { isDatabaseId, meetingRefOf, meetingSignups, meetingsNear, resolveMeeting, type Meeting } from './meetings'
import { recordAttendance } from './record'

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })
/** Names of people: never cached by a browser or a proxy. */
const noStore = { 'Cache-Control': 'no-store' }

type Found = { meeting: Meeting } | { response: Response }

/** The meeting a request names, once the user may see it: else the refusal to answer with. */
async function meetingFor(req: PayloadRequest, values: Record<string, unknown>): Promise<Found> {
  const t = ours(req.t)
  if (!isLoggedIn(req.user)) return { response: refuse(401, t('attendance:loginFirst')) }
  const ref = meetingRefOf(req, values)
  if (!ref) return { response: refuse(400, t('attendance:badMeeting')) }
  const resolved = await resolveMeeting(req, ref)
  if ('error' in resolved) {
    return { response: resolved.error === 'notFound' ? refuse(404, t('attendance:notFound')) : refuse(400, t('attendance:noMeetingThatDay', { date: ref.kind === 'activity' ? ref.date : '' })) }
  }
  // Another department's meeting (or a communications editor, a translator): nothing of it.
  if (!mayRecordAttendance(req.user, resolved.meeting.department)) return { response: refuse(403, t('attendance:forbidden')) }
  return resolved
}

async function recordOf(req: PayloadRequest, key: string): Promise<Attendance | undefined> {
  const found = await req.payload.find({ collection: 'attendance', where: { meeting: { equals: key } }, depth: 0, limit: 1, req, overrideAccess: true })
  return found.docs[0]
}

const recordJson = (record: Attendance | undefined) =>
  record ? { id: record.id, attended: (record.attended ?? []).flatMap((signup) => relationId(signup) ?? []), headcount: record.headcount ?? null, updatedAt: record.updatedAt } : null

/**
 * GET /api/attendance/meetings[?department=<id>]: the meetings near today of the departments
 * the user records attendance for (an admin: all, or the one named), for the view's picker.
 */
export const attendanceMeetingsEndpoint: Endpoint = {
  path: '/meetings',
  method: 'get',
  handler: async (req) => {
    const t = ours(req.t)
    if (!isLoggedIn(req.user)) return refuse(401, t('attendance:loginFirst'))
    const department = req.searchParams.get('department') ?? undefined
    if (department !== undefined && !isDatabaseId(req, department)) return refuse(400, t('attendance:badRequest'))
    const meetings = await meetingsNear(req, { department })
    // Admins and a department's editors only; others get an empty list, not an error.
    const visible = meetings.filter((meeting) => mayRecordAttendance(req.user, meeting.department))
    return Response.json({ today: copenhagenToday(), meetings: visible }, { headers: noStore })
  },
}

/**
 * GET /api/attendance/meeting?event=<id> or ?activity=<id>&date=YYYY-MM-DD: the meeting, its
 * list (the signups holding a place: name, participants, companions' first names) and what has
 * been recorded. Only for the meeting's department's editors and admins.
 */
export const attendanceMeetingEndpoint: Endpoint = {
  path: '/meeting',
  method: 'get',
  handler: async (req) => {
    const found = await meetingFor(req, Object.fromEntries(req.searchParams.entries()))
    if ('response' in found) return found.response
    const record = await recordOf(req, found.meeting.key)
    const came = recordJson(record)?.attended ?? []
    const signups = await meetingSignups(req, found.meeting, came)
    return Response.json({ meeting: found.meeting, signups, record: recordJson(record) }, { headers: noStore })
  },
}

/**
 * POST /api/attendance/record with `{ event } | { activity, date }, attended: [signup ids],
 * headcount`: records who came (replacing what was recorded for the meeting before), updates
 * each affected signup's attendance count and last attendance, and confirms the listing.
 */
export const attendanceRecordEndpoint: Endpoint = {
  path: '/record',
  method: 'post',
  handler: async (req) => {
    const t = ours(req.t)
    if (!isLoggedIn(req.user)) return refuse(401, t('attendance:loginFirst'))
    let body: Record<string, unknown>
    try {
      const parsed: unknown = await req.json?.()
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return refuse(400, t('attendance:badRequest'))
      body = parsed as Record<string, unknown>
    } catch {
      return refuse(400, t('attendance:badRequest'))
    }
    const found = await meetingFor(req, body)
    if ('response' in found) return found.response
    const { meeting } = found
    if (meeting.date > copenhagenToday()) return refuse(400, t('attendance:notYet'))

    const attended = body.attended ?? []
    if (!Array.isArray(attended) || attended.some((id) => typeof id !== 'number' && typeof id !== 'string') || attended.length > 1000) {
      return refuse(400, t('attendance:badRequest'))
    }
    const headcount = body.headcount
    if (headcount !== undefined && headcount !== null && (typeof headcount !== 'number' || !Number.isInteger(headcount) || headcount < 0 || headcount > 100_000)) {
      return refuse(400, t('attendance:badHeadcount'))
    }

    const previous = await recordOf(req, meeting.key)
    const previouslyCame = recordJson(previous)?.attended ?? []
    const list = await meetingSignups(req, meeting, previouslyCame)
    const byId = new Map(list.map((signup) => [String(signup.id), signup]))
    const ticked = [...new Set(attended.map(String))]
    if (ticked.some((id) => !byId.has(id))) return refuse(400, t('attendance:notOnList'))
    if (typeof headcount === 'number' && headcount < ticked.length) return refuse(400, t('attendance:headcountTooLow', { count: ticked.length }))

    const result = await recordAttendance(req, {
      meeting,
      previous,
      attended: ticked.map((id) => byId.get(id)!.id),
      previouslyCame,
      // Left empty: everyone ticked, with the family members they signed up with.
      headcount: typeof headcount === 'number' ? headcount : ticked.reduce((sum, id) => sum + byId.get(id)!.participants, 0),
    })
    return Response.json({ record: recordJson(result.record), lastConfirmedAt: result.lastConfirmedAt }, { headers: noStore })
  },
}
