import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../../../core/relation'
import { copenhagenInstant, copenhagenToday, nextOccurrences, schedulePeriods, type ScheduleForm } from '../../../core/schedule'
import { participantsOf } from '../../../core/signups'
import { departmentIdsOf, isAdmin } from '../access/index'
import type { Activity, Event, Signup } from '../payload-types'

/**
 * Meetings: what attendance is recorded for. An event is one meeting; a weekly activity meets
 * on the dates of its schedule (core/schedule.ts), each date a meeting of its own.
 */
export type MeetingRef = { kind: 'event'; id: string } | { kind: 'activity'; id: string; date: string }

export interface Meeting {
  /** The record's key: "event:<id>" or "activity:<id>:<YYYY-MM-DD>". */
  key: string
  kind: MeetingRef['kind']
  /** The event's or activity's ID, as the database gives it. */
  id: number | string
  /** The Copenhagen day of the meeting ("YYYY-MM-DD"). */
  date: string
  title: string
  startsAt: string
  department: number | string
}

/** How far back and ahead the meeting picker looks from today. */
export const pickerDaysBack = 14
export const pickerDaysAhead = 7

const dayPattern = /^\d{4}-\d{2}-\d{2}$/
/**
 * Whether a posted ID can be one of the database's: SQLite's are whole numbers, MongoDB's
 * ObjectIDs hex. Anything else never reaches a query (where it would be a database error).
 */
export const isDatabaseId = (req: PayloadRequest, value: string): boolean =>
  req.payload.db.defaultIDType === 'number' ? /^[1-9]\d{0,14}$/.test(value) : /^[0-9a-fA-F]{24}$/.test(value)

export const meetingKey = (ref: MeetingRef): string => (ref.kind === 'event' ? `event:${ref.id}` : `activity:${ref.id}:${ref.date}`)

/** A meeting named by `event=<id>` or `activity=<id>&date=YYYY-MM-DD` (query or JSON body), or undefined. */
export function meetingRefOf(req: PayloadRequest, values: { event?: unknown; activity?: unknown; date?: unknown }): MeetingRef | undefined {
  const text = (value: unknown) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined)
  const event = text(values.event)
  const activity = text(values.activity)
  const date = text(values.date)
  if (event && !activity && isDatabaseId(req, event)) return { kind: 'event', id: event }
  if (activity && !event && isDatabaseId(req, activity) && date && dayPattern.test(date) && !Number.isNaN(Date.parse(date))) {
    return { kind: 'activity', id: activity, date }
  }
  return undefined
}

/** Copenhagen midnight starting a day. */
const startOfDay = (day: string): Date => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return copenhagenInstant({ year, month, day: date, hour: 0, minute: 0, second: 0 })
}
const addDays = (day: string, days: number): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10)
}

/**
 * When an activity meets on a day: the start of its scheduled meeting that day; for an activity
 * without fixed times (by appointment), the day itself; undefined when its schedule has no
 * meeting that day.
 */
export function activityMeetingOn(schedule: Activity['schedule'], day: string): Date | undefined {
  const form = schedule as ScheduleForm | null | undefined
  const from = startOfDay(day)
  if (schedulePeriods(form, from).length === 0) return from
  const [first] = nextOccurrences(form, { after: from, count: 1 })
  return first && copenhagenToday(first.start) === day ? first.start : undefined
}

export type ResolveResult = { meeting: Meeting } | { error: 'notFound' | 'noMeetingThatDay' }

/**
 * The meeting a reference names, read without access control: the caller checks the department
 * (access/personalData.ts `mayRecordAttendance`) before showing or recording anything of it.
 */
export async function resolveMeeting(req: PayloadRequest, ref: MeetingRef): Promise<ResolveResult> {
  if (ref.kind === 'event') {
    const event = (await req.payload.findByID({ collection: 'events', id: ref.id, depth: 0, disableErrors: true, req, overrideAccess: true })) as Event | null
    if (!event) return { error: 'notFound' }
    return {
      meeting: {
        key: meetingKey(ref),
        kind: 'event',
        id: event.id,
        date: copenhagenToday(new Date(event.startsAt)),
        title: event.title,
        startsAt: event.startsAt,
        department: relationId(event.department)!,
      },
    }
  }
  const activity = (await req.payload.findByID({ collection: 'activities', id: ref.id, depth: 0, disableErrors: true, req, overrideAccess: true })) as Activity | null
  if (!activity) return { error: 'notFound' }
  const startsAt = activityMeetingOn(activity.schedule, ref.date)
  if (!startsAt) return { error: 'noMeetingThatDay' }
  return {
    meeting: {
      key: meetingKey(ref),
      kind: 'activity',
      id: activity.id,
      date: ref.date,
      title: activity.title,
      startsAt: startsAt.toISOString(),
      department: relationId(activity.department)!,
    },
  }
}

/**
 * The meetings near today (from `pickerDaysBack` days ago to `pickerDaysAhead` ahead) of the
 * departments the user may record attendance for (`department` narrows an admin's or a
 * several-department editor's list), in time order.
 */
export async function meetingsNear(req: PayloadRequest, { department, now = new Date() }: { department?: string; now?: Date } = {}): Promise<Meeting[]> {
  const own = departmentIdsOf(req.user).map(String)
  const departments = isAdmin(req.user) ? (department ? [department] : undefined) : department ? own.filter((id) => id === department) : own
  if (departments && departments.length === 0) return []
  const today = copenhagenToday(now)
  const from = startOfDay(addDays(today, -pickerDaysBack))
  const until = startOfDay(addDays(today, pickerDaysAhead + 1))
  const inDepartments: Where[] = departments ? [{ department: { in: departments } }] : []

  const events = await req.payload.find({
    collection: 'events',
    where: { and: [...inDepartments, { startsAt: { greater_than_equal: from.toISOString() } }, { startsAt: { less_than: until.toISOString() } }] },
    depth: 0,
    limit: 200,
    pagination: false,
    req,
    overrideAccess: true,
  })
  const activities = await req.payload.find({
    collection: 'activities',
    // Every activity: one by appointment simply has no dates (and a "not equals" would drop rows where it is unset).
    where: departments ? { department: { in: departments } } : {},
    depth: 0,
    limit: 500,
    pagination: false,
    req,
    overrideAccess: true,
  })

  const meetings: Meeting[] = events.docs.map((event) => ({
    key: meetingKey({ kind: 'event', id: String(event.id) }),
    kind: 'event',
    id: event.id,
    date: copenhagenToday(new Date(event.startsAt)),
    title: event.title,
    startsAt: event.startsAt,
    department: relationId(event.department)!,
  }))
  for (const activity of activities.docs) {
    const occurrences = nextOccurrences(activity.schedule as ScheduleForm | null | undefined, { after: from, count: 3 * (pickerDaysBack + pickerDaysAhead) })
    for (const { start } of occurrences) {
      if (start >= until) break
      const date = copenhagenToday(start)
      meetings.push({
        key: meetingKey({ kind: 'activity', id: String(activity.id), date }),
        kind: 'activity',
        id: activity.id,
        date,
        title: activity.title,
        startsAt: start.toISOString(),
        department: relationId(activity.department)!,
      })
    }
  }
  return meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title, 'da'))
}

/** One person on a meeting's list, as the view shows them: no contact details. */
export interface ListedSignup {
  id: number | string
  name: string
  participants: number
  /** First names of the family members who come with them, where the form gave them. */
  companions: string[]
}

/**
 * The signups that hold a place: participants not declined or withdrawn whose place is `placed`
 * (signups from before places existed were marked placed by their migration; one on the waiting
 * list, or reopened and not lined up again, is not on the list).
 */
export const holdsPlace = (signup: Signup): boolean =>
  signup.kind === 'participant' && signup.status !== 'declined' && signup.status !== 'withdrawn' && signup.place === 'placed'

const listed = (signup: Signup): ListedSignup => ({
  id: signup.id,
  name: signup.name,
  participants: participantsOf(signup),
  companions: (signup.companions ?? []).flatMap((companion) => {
    const name = (companion.firstName ?? '').trim()
    return name ? [name] : []
  }),
})

/**
 * A meeting's list: the participant signups for its event or activity that hold a place, and
 * anyone already recorded as having come (a person who withdrew afterwards still came), by name.
 */
export async function meetingSignups(req: PayloadRequest, meeting: Meeting, recorded: readonly (number | string)[] = []): Promise<ListedSignup[]> {
  const forListing: Where = meeting.kind === 'event' ? { event: { equals: meeting.id } } : { activity: { equals: meeting.id } }
  const found = await req.payload.find({
    collection: 'signups',
    where: recorded.length ? { or: [forListing, { id: { in: [...recorded] } }] } : forListing,
    depth: 0,
    limit: 1000,
    pagination: false,
    sort: 'name',
    req,
    overrideAccess: true,
  })
  const came = new Set(recorded.map(String))
  return (found.docs as Signup[])
    .filter((signup) => came.has(String(signup.id)) || holdsPlace(signup))
    .map(listed)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
}
