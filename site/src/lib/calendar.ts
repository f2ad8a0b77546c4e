import { TZDate } from '@date-fns/tz'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator'

import { calendarUid, googleCalendarUrl } from '../../../core/calendar'
import type { LocaleCode } from '../../../core/locales'
import { copenhagenInstant, timeZone } from '../../../core/time'
import { placeText, type Place } from '../../../core/venue'

export interface CalendarOptions {
  lang: LocaleCode
  name: string
  description?: string
  /** The page the feed belongs to (absolute URL). */
  url: string
}

/**
 * A calendar in the reader's language, with a VTIMEZONE for Europe/Copenhagen so times stay
 * right across summer time on every calendar app.
 */
export function createCalendar({ lang, name, description, url }: CalendarOptions): ICalCalendar {
  return ical({
    name,
    description,
    url,
    prodId: { company: 'Dansk Røde Kors', product: 'Integration', language: lang.toUpperCase() },
    // Each event carries TZID=Europe/Copenhagen and the generator adds its VTIMEZONE. The
    // calendar itself names no zone: ical-generator would then also write DTSTAMP in local
    // time, which RFC 5545 forbids (it must be UTC).
    timezone: { name: null, generator: getVtimezoneComponent },
    x: [['X-WR-TIMEZONE', timeZone]],
    // Subscribed calendars refresh about twice a day; the site rebuilds daily.
    ttl: 60 * 60 * 12,
  })
}

interface Entry {
  /** The listing's document ID: makes the UID (a slug would change with a rename, and a subscribed calendar would show every meeting twice). */
  id: string | number
  kind: 'event' | 'activity'
  title: string
  description?: string | null
  /** Absolute URL of the listing's page. */
  url: string
  place: Place
}

export interface OneOffEntry extends Entry {
  startsAt: string
  endsAt?: string | null
}

export interface SeriesEntry extends Entry {
  /** The activity's RFC 5545 rule (DTSTART;TZID=…, RRULE, EXDATE lines for cancelled dates), see core/schedule.ts. */
  rrule: string
  /** "17:00": each meeting ends then, on the day it starts. */
  endTime?: string | null
  /** A period planned to take over ("from-20270816"): its own VEVENT, with its own stable UID. */
  period?: string
}

/** The UID rule is core's (core/calendar.ts): the CMS's confirmation e-mails attach the same entry. */
export { calendarUid }

function location(place: Place) {
  const title = placeText(place)
  if (!title) return undefined
  const geo = place.latitude !== undefined && place.longitude !== undefined ? { lat: place.latitude, lon: place.longitude } : undefined
  return { title, geo }
}

/** An instant as ical-generator wants it: a date whose local fields read Copenhagen's clock, whatever time zone the build machine runs in. */
const inCopenhagen = (value: string | Date) => new TZDate(new Date(value).getTime(), timeZone)

export function addOneOff(calendar: ICalCalendar, entry: OneOffEntry) {
  calendar.createEvent({
    id: calendarUid(entry.kind, entry.id),
    timezone: timeZone,
    start: inCopenhagen(entry.startsAt),
    end: entry.endsAt ? inCopenhagen(entry.endsAt) : null,
    summary: entry.title,
    description: [entry.description, entry.url].filter(Boolean).join('\n\n'),
    url: entry.url,
    location: location(entry.place),
    status: ICalEventStatus.CONFIRMED,
  })
}

/** The parts of an activity's rule that a calendar needs. */
export interface ParsedRule {
  /** Wall-clock start of the first meeting in Copenhagen. */
  start: { year: number; month: number; day: number; hour: number; minute: number }
  /** RRULE and EXDATE lines, as they go into a VEVENT. */
  lines: string[]
}

/** Splits the activity's rule text into its DTSTART (local time) and the lines that repeat it. */
export function parseRule(text: string): ParsedRule | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  const dtstart = lines.find((line) => line.startsWith('DTSTART'))
  const match = dtstart?.match(/:(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?/)
  if (!match || !lines.some((line) => line.startsWith('RRULE:'))) return undefined
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number]
  return {
    start: { year, month, day, hour, minute },
    lines: lines.filter((line) => line.startsWith('RRULE:') || line.startsWith('EXDATE')),
  }
}

/** A weekly activity as one repeating event, so a phone calendar shows (and reminds of) every meeting. */
export function addSeries(calendar: ICalCalendar, entry: SeriesEntry) {
  const rule = parseRule(entry.rrule)
  if (!rule) return
  const { year, month, day, hour, minute } = rule.start
  const start = inCopenhagen(copenhagenInstant({ year, month, day, hour, minute, second: 0 }))
  const [, endHour, endMinute] = entry.endTime?.match(/^(\d{1,2})[:.](\d{2})$/) ?? []
  const end = endHour && endMinute ? inCopenhagen(copenhagenInstant({ year, month, day, hour: Number(endHour), minute: Number(endMinute), second: 0 })) : null
  calendar.createEvent({
    id: calendarUid(entry.kind, entry.id, entry.period),
    timezone: timeZone,
    start,
    end,
    repeating: rule.lines.join('\r\n'),
    summary: entry.title,
    description: [entry.description, entry.url].filter(Boolean).join('\n\n'),
    url: entry.url,
    location: location(entry.place),
    status: ICalEventStatus.CONFIRMED,
  })
}

/** The HTTP answer of a feed endpoint (the static server sends the same type for `.ics` files). */
export function calendarResponse(calendar: ICalCalendar): Response {
  return new Response(calendar.toString(), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}

/** "Add to Google Calendar" for one event (core's link, the same the confirmation e-mail has). */
export function googleEventUrl(entry: OneOffEntry): string {
  return googleCalendarUrl({
    title: entry.title,
    start: new Date(entry.startsAt),
    end: entry.endsAt ? new Date(entry.endsAt) : null,
    details: entry.url,
    location: placeText(entry.place) || undefined,
  })
}

/** "Add to Google Calendar" for a weekly activity: its period in force, repeating. */
export function googleSeriesUrl(entry: SeriesEntry): string | undefined {
  const rule = parseRule(entry.rrule)
  if (!rule) return undefined
  const { year, month, day, hour, minute } = rule.start
  const [, endHour, endMinute] = entry.endTime?.match(/^(\d{1,2})[:.](\d{2})$/) ?? []
  return googleCalendarUrl({
    title: entry.title,
    start: copenhagenInstant({ year, month, day, hour, minute, second: 0 }),
    end: endHour && endMinute ? copenhagenInstant({ year, month, day, hour: Number(endHour), minute: Number(endMinute), second: 0 }) : null,
    details: entry.url,
    location: placeText(entry.place) || undefined,
    recurrence: rule.lines,
  })
}
