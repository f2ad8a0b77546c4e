import { timeZone, wallAt, type Wall } from './time'

/**
 * Calendar entries the site's feeds (.ics) and the CMS's confirmation e-mails (their .ics
 * attachment, their "add to Google Calendar" link) both make: one UID rule and one Google link, so
 * a person who subscribed to the feed and also added the attachment sees one entry, not two.
 */

/** UIDs must stay the same from build to build, or a phone would show each date twice. */
export const calendarUidDomain = 'integration.rodekors.dk'

export type CalendarKind = 'event' | 'activity'

/**
 * `activity-12@integration.rodekors.dk`: from the document's ID, never its slug or title, so a
 * rename changes no UID. The current period keeps the UID the activity always had, so subscribed
 * calendars see no change when a period is added; a planned one adds its key (`-from-20270816`).
 */
export const calendarUid = (kind: CalendarKind, id: string | number, period?: string) => `${kind}-${id}${period ? `-${period}` : ''}@${calendarUidDomain}`

const pad = (value: number, length = 2) => String(value).padStart(length, '0')
/** `20270616T100000Z`: an instant in UTC, as RFC 5545 and Google write it. */
export const icalUtc = (instant: Date) =>
  `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
/** `20270616T120000`: a Copenhagen wall-clock time (with TZID=Europe/Copenhagen, or Google's ctz). */
export const icalWall = (wall: Pick<Wall, 'year' | 'month' | 'day' | 'hour' | 'minute'> & { second?: number }) =>
  `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second ?? 0)}`

export interface GoogleCalendarEntry {
  title: string
  start: Date
  /** Without an end Google would guess; an hour is what a reader expects of "starts at 10". */
  end?: Date | null
  details?: string
  location?: string
  /** RRULE and EXDATE lines of a weekly activity (times in Copenhagen, see core/schedule.ts). */
  recurrence?: string[]
}

/**
 * "Add to Google Calendar": Android's calendar app does not open a downloaded .ics, Google's
 * own page does. One-off entries go in UTC; a repeating one goes in Copenhagen's wall clock with
 * `ctz`, so its weekly time stays right across summer time.
 */
export function googleCalendarUrl(entry: GoogleCalendarEntry): string {
  const end = entry.end ?? new Date(entry.start.getTime() + 60 * 60_000)
  const repeating = Boolean(entry.recurrence?.length)
  const dates = repeating ? `${icalWall(wallAt(entry.start))}/${icalWall(wallAt(end))}` : `${icalUtc(entry.start)}/${icalUtc(end)}`
  const params = new URLSearchParams({ action: 'TEMPLATE', text: entry.title, dates })
  if (entry.details) params.set('details', entry.details)
  if (entry.location) params.set('location', entry.location)
  if (repeating) {
    params.set('ctz', timeZone)
    // Google takes RRULE (and EXDATE) lines in `recur`, one parameter per line.
    for (const line of entry.recurrence!) params.append('recur', line)
  }
  return `https://calendar.google.com/calendar/render?${params.toString()}`
}

/**
 * "Add to Google Calendar" for a whole feed (a department's, every event): Google subscribes to
 * it and keeps it up to date. `cid` takes the feed as webcal://, which Google fetches over https.
 */
export function googleSubscribeUrl(feedUrl: string): string {
  return `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(feedUrl.replace(/^https?:\/\//, 'webcal://'))}`
}
