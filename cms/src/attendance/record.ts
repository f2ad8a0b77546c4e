import type { PayloadRequest } from 'payload'

import { relationId } from '../../../core/relation'
import { copenhagenToday } from '../../../core/schedule'
import type { Attendance } from '../payload-types'
import type { Meeting } from './meetings'

type Id = number | string

/**
 * Saves who came to a meeting (one record per meeting: a second save replaces the first), then
 * brings each affected signup's `attendedCount` and `lastAttendedOn` up to date and confirms
 * the listing. The caller has checked the user may (endpoints.ts), so this runs without access
 * control: the collection takes no writes from anyone else.
 */
export async function recordAttendance(
  req: PayloadRequest,
  { meeting, previous, attended, previouslyCame, headcount }: { meeting: Meeting; previous: Attendance | undefined; attended: Id[]; previouslyCame: Id[]; headcount: number },
): Promise<{ record: Attendance; lastConfirmedAt: string | null }> {
  const data = {
    meeting: meeting.key,
    title: meeting.title,
    event: meeting.kind === 'event' ? meeting.id : null,
    activity: meeting.kind === 'activity' ? meeting.id : null,
    department: meeting.department,
    startsAt: meeting.startsAt,
    attended,
    headcount,
  } as Omit<Attendance, 'id' | 'createdAt' | 'updatedAt'>
  const update = (id: Id) => req.payload.update({ collection: 'attendance', id, data, depth: 0, req, overrideAccess: true })
  let record: Attendance
  if (previous) record = await update(previous.id)
  else {
    try {
      record = await req.payload.create({ collection: 'attendance', data, depth: 0, req, overrideAccess: true })
    } catch (error) {
      // Two phones saving the same meeting's first record at once: the meeting key is unique, so
      // the second create fails; it then replaces the first, as a second save would.
      const [existing] = (await req.payload.find({ collection: 'attendance', where: { meeting: { equals: meeting.key } }, depth: 0, limit: 1, req, overrideAccess: true })).docs
      if (!existing) throw error
      previouslyCame = [...previouslyCame, ...(existing.attended ?? []).flatMap((signup) => relationId(signup) ?? [])]
      record = await update(existing.id)
    }
  }

  const affected = [...new Map([...previouslyCame, ...attended].map((id) => [String(id), id])).values()]
  for (const id of affected) await updateSignupAttendance(req, id)

  return { record, lastConfirmedAt: await confirmListing(req, meeting) }
}

/** A signup's count of meetings attended and the day of the last, from the records themselves. */
async function updateSignupAttendance(req: PayloadRequest, signup: Id): Promise<void> {
  const records = await req.payload.find({
    collection: 'attendance',
    where: { attended: { in: [signup] } },
    sort: '-startsAt',
    depth: 0,
    limit: 1,
    req,
    overrideAccess: true,
  })
  const last = records.docs[0]
  await req.payload.update({
    collection: 'signups',
    id: signup,
    data: { attendedCount: records.totalDocs, lastAttendedOn: last ? last.startsAt : null },
    depth: 0,
    req,
    overrideAccess: true,
    // Only the attendance figures change: the signup hooks (status, places, messages) skip this save.
    context: { attendanceOnly: true },
  })
}

/**
 * Ticking who came shows the activity still runs: it confirms the listing, as the "still true"
 * button does (Activities/confirm.ts), at most once a day so a day's corrections do not each
 * rebuild the site. Events have no "last confirmed": an event is over once it has been held.
 */
async function confirmListing(req: PayloadRequest, meeting: Meeting): Promise<string | null> {
  if (meeting.kind !== 'activity') return null
  const activity = await req.payload.findByID({ collection: 'activities', id: meeting.id, depth: 0, req, overrideAccess: true })
  if (activity.lastConfirmedAt && copenhagenToday(new Date(activity.lastConfirmedAt)) === copenhagenToday()) return activity.lastConfirmedAt
  const confirmed = await req.payload.update({
    collection: 'activities',
    id: meeting.id,
    data: { lastConfirmedAt: new Date().toISOString() },
    depth: 0,
    req,
    // As the person: a department editor confirms their own department's listings only.
    overrideAccess: false,
    user: req.user,
    context: { confirmOnly: true },
  })
  return confirmed.lastConfirmedAt ?? null
}
