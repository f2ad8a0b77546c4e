import type { Payload } from 'payload'

import { calendarUid, googleCalendarUrl, icalUtc, icalWall } from '../../../core/calendar'
import { getLocale, type LocaleCode } from '../../../core/locales'
import { relationId } from '../../../core/relation'
import { directionsUrl, listingPlace, placeText, type Place } from '../../../core/venue'
import { participantsOf } from '../../../core/signups'
import { copenhagenToday, nextOccurrences, periodOn, schedulePeriods, weekdayCodes, type ScheduleForm, type SchedulePeriod, type WeekdayCode } from '../../../core/schedule'
import { copenhagenInstant, timeZone } from '../../../core/time'
import type { Activity, Department, Event, Signup } from '../payload-types'
import type { PersonNotice } from './notify'
import { siteURL } from './request'
import { fitSms, type SmsPart } from './sms/index'
import { languageOf, signupText, type SignupKey } from './strings'
import { escapeHtml } from '../lib/html'

/**
 * What a person is told about their signup (confirmation, waiting list, a place that freed up,
 * a decline, their own cancellation, the reminder), composed in their language: an e-mail with
 * a calendar file and an "add to Google Calendar" link, or the same in at most two SMS segments.
 * Nothing the person typed is repeated (anyone can type anyone's address into the form), only
 * the listing's public details and the cancel link.
 */
export type MessageKind = PersonNotice | 'reminder'

type Localized = Record<string, string | null | undefined> | string | null | undefined
const inLanguage = (value: Localized, language: LocaleCode): string => (typeof value === 'string' ? value : value?.[language] || value?.da || '')

/** The listing a signup is for, with what its messages tell. */
export interface Listing {
  kind: 'event' | 'activity'
  id: number | string
  title: (language: LocaleCode) => string
  department: Department
  place: Place
  /** The site's page about it, in a language. */
  url: (language: LocaleCode) => string
  /** Events: when it starts and ends. */
  startsAt?: Date
  endsAt?: Date | null
  /** Activities: the schedule (core/schedule.ts). */
  schedule?: ScheduleForm | null
  /** Where the department wants to hear about signups. */
  contactEmail?: string
  /** Activities: getting in ("Lift to the first floor"), in a language. */
  access?: (language: LocaleCode) => string
}

export async function loadListing(payload: Payload, signup: Signup): Promise<Listing | undefined> {
  const eventId = relationId(signup.event)
  const activityId = relationId(signup.activity)
  const kind = eventId ? 'event' : activityId ? 'activity' : undefined
  if (!kind) return undefined
  const doc = (await payload.findByID({ collection: kind === 'event' ? 'events' : 'activities', id: (eventId ?? activityId)!, locale: 'all', depth: 0, overrideAccess: true, disableErrors: true })) as
    | ((Activity | Event) & Record<string, unknown>)
    | null
  if (!doc) return undefined
  const department = (await payload.findByID({ collection: 'departments', id: relationId(doc.department)!, depth: 0, overrideAccess: true, disableErrors: true })) as Department | null
  if (!department) return undefined
  return listingOf(kind, doc, department)
}

/** A listing as its messages tell it, from its document (read with every locale) and its department. */
export function listingOf(kind: Listing['kind'], doc: (Activity | Event) & Record<string, unknown>, department: Department): Listing {
  const venue = inLanguage(doc.venue as Localized, 'da')
  const slug = doc.slug as string
  const contact = (doc as { contact?: { email?: string | null } }).contact
  return {
    kind,
    id: doc.id,
    title: (language) => inLanguage(doc.title as unknown as Localized, language),
    department,
    place: listingPlace({ venue: venue || null, address: doc.address as Event['address'], location: doc.location as [number, number] | null | undefined }, department),
    url: (language) => `${siteURL()}/${language}/${kind === 'event' ? `arrangementer/${slug}/` : `afdelinger/${department.slug}/${slug}/`}`,
    startsAt: kind === 'event' ? new Date((doc as Event).startsAt) : undefined,
    endsAt: kind === 'event' && (doc as Event).endsAt ? new Date((doc as Event).endsAt!) : null,
    schedule: kind === 'activity' ? ((doc as Activity).schedule as ScheduleForm | undefined) : undefined,
    contactEmail: contact?.email || department.email || undefined,
    access: (language) => inLanguage(doc.accessibility as Localized, language),
  }
}

const numbering = (language: LocaleCode) => getLocale(language).numberingSystem

/**
 * Intl formatters are slow to make (each loads its locale's data) and every message needs several:
 * one of each per language and options, made once (a handful of languages and option sets).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>()
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: unknown[], make: () => T): T {
  const id = JSON.stringify(key)
  let made = formatters.get(id) as T | undefined
  if (!made) formatters.set(id, (made = make()))
  return made
}
const dateTimeFormat = (language: LocaleCode, options: Intl.DateTimeFormatOptions) => formatter(['date', language, options], () => new Intl.DateTimeFormat(language, options))

/** A date and time in the person's language; `compact` (for an SMS) without the year and with short names. */
export function formatWhen(language: LocaleCode, start: Date, end?: Date | null, compact = false): string {
  const options = { timeZone, calendar: 'gregory', numberingSystem: numbering(language), hourCycle: 'h23' } as const
  const dateTime = compact ? ({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const) : ({ dateStyle: 'full', timeStyle: 'short' } as const)
  const time = compact ? ({ hour: '2-digit', minute: '2-digit' } as const) : ({ timeStyle: 'short' } as const)
  const startText = dateTimeFormat(language, { ...options, ...dateTime }).format(start)
  if (!end) return startText
  const sameDay = copenhagenToday(start) === copenhagenToday(end)
  const endText = dateTimeFormat(language, { ...options, ...(sameDay ? time : dateTime) }).format(end)
  return `${startText} – ${endText}`
}

/** "tirsdag og torsdag" in the person's language (Intl's names; 1 January 2024 was a Monday). */
function weekdayList(language: LocaleCode, codes: readonly WeekdayCode[]): string {
  const name = (code: WeekdayCode) => dateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + weekdayCodes.indexOf(code))))
  return formatter(['list', language], () => new Intl.ListFormat(language, { type: 'conjunction' })).format(codes.map(name))
}

function clock(language: LocaleCode, value: string | null | undefined): string | undefined {
  const match = value ? /^(\d{1,2})[:.](\d{2})$/.exec(value.trim()) : null
  if (!match) return undefined
  return dateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', numberingSystem: numbering(language) }).format(new Date(Date.UTC(2024, 0, 1, Number(match[1]), Number(match[2]))))
}

/** The weekly rhythm in force now ("every week: Tuesday and Thursday, 16:00–18:00") and the next meeting. */
export function activityWhen(language: LocaleCode, schedule: ScheduleForm | null | undefined, now: Date): { rhythm?: string; next?: Date; nextEnd?: Date | null } {
  const periods = schedulePeriods(schedule, now)
  const period = periodOn(periods, copenhagenToday(now))
  const [next] = nextOccurrences(schedule, { after: now, count: 1 })
  if (!period) return {}
  const days = weekdayCodes.filter((code) => period.form.weekdays?.includes(code))
  const start = clock(language, period.form.startTime)
  const end = clock(language, period.form.endTime)
  const time = start ? (end ? `${start}–${end}` : start) : ''
  const key: SignupKey = period.form.frequency === 'biweekly' ? 'messages.rhythm.biweekly' : 'messages.rhythm.weekly'
  return { rhythm: days.length ? signupText(language, key, { days: weekdayList(language, days), time }) : undefined, next: next?.start, nextEnd: next?.end }
}

/** When it next takes place: the event's start, or the activity's next meeting (what reminders count from). */
export function nextStart(listing: Listing, now: Date): Date | undefined {
  if (listing.kind === 'event') return listing.startsAt
  return nextOccurrences(listing.schedule, { after: now, count: 1 })[0]?.start
}

// --- the calendar file -------------------------------------------------------------------------

/** RFC 5545 TEXT: backslash, comma, semicolon and line breaks escaped. */
const icsText = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/** Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += char
    bytes += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const copenhagenTimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${timeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** The first meeting of a period's rule and the lines that repeat it. */
function seriesOf(period: SchedulePeriod): { start: Date; end: Date | null; startLine: string; endLine?: string; lines: string[] } | undefined {
  const lines = period.rule.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  const match = lines.find((line) => line.startsWith('DTSTART'))?.match(/:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/)
  if (!match || !lines.some((line) => line.startsWith('RRULE:'))) return undefined
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  const start = copenhagenInstant({ year, month, day, hour, minute, second: 0 })
  const endMatch = period.form.endTime?.match(/^(\d{1,2})[:.](\d{2})$/)
  const endWall = endMatch ? { year, month, day, hour: Number(endMatch[1]), minute: Number(endMatch[2]) } : undefined
  return {
    start,
    end: endWall ? copenhagenInstant({ ...endWall, second: 0 }) : null,
    startLine: `DTSTART;TZID=${timeZone}:${icalWall({ year, month, day, hour, minute })}`,
    endLine: endWall ? `DTEND;TZID=${timeZone}:${icalWall(endWall)}` : undefined,
    lines: lines.filter((line) => line.startsWith('RRULE:') || line.startsWith('EXDATE')),
  }
}

/**
 * The listing as a calendar file: the same VEVENTs, with the same UIDs, as the site's feed for
 * it (site/src/lib/calendar.ts), so a phone that has both shows it once.
 */
export function listingIcs(listing: Listing, language: LocaleCode, now: Date, waiting = false): string | undefined {
  const title = listing.title(language)
  const url = listing.url(language)
  const location = placeText(listing.place)
  const common = (uid: string) => [`UID:${uid}`, `DTSTAMP:${icalUtc(now)}`, `SUMMARY:${icsText(title)}`, ...(location ? [`LOCATION:${icsText(location)}`] : []), `DESCRIPTION:${icsText(url)}`, `URL:${url}`, waiting ? 'STATUS:TENTATIVE' : 'STATUS:CONFIRMED']
  const events: string[][] = []
  let needsTimezone = false
  if (listing.kind === 'event' && listing.startsAt) {
    events.push(['BEGIN:VEVENT', ...common(calendarUid('event', listing.id)), `DTSTART:${icalUtc(listing.startsAt)}`, ...(listing.endsAt ? [`DTEND:${icalUtc(listing.endsAt)}`] : []), 'END:VEVENT'])
  } else if (listing.kind === 'activity') {
    for (const period of schedulePeriods(listing.schedule, now)) {
      const series = seriesOf(period)
      if (!series) continue
      needsTimezone = true
      events.push(['BEGIN:VEVENT', ...common(calendarUid('activity', listing.id, period.from ? period.key : undefined)), series.startLine, ...(series.endLine ? [series.endLine] : []), ...series.lines, 'END:VEVENT'])
    }
  }
  if (!events.length) return undefined
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Dansk Røde Kors//Integration//${language.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...(needsTimezone ? copenhagenTimezone : []), ...events.flat(), 'END:VCALENDAR']
  return `${lines.map(fold).join('\r\n')}\r\n`
}

/** "Add to Google Calendar" for the listing: the event, or the activity's current period as a repeating entry. */
export function listingGoogleUrl(listing: Listing, language: LocaleCode, now: Date): string | undefined {
  const title = listing.title(language)
  const details = listing.url(language)
  const location = placeText(listing.place) || undefined
  if (listing.kind === 'event' && listing.startsAt) return googleCalendarUrl({ title, start: listing.startsAt, end: listing.endsAt, details, location })
  const periods = schedulePeriods(listing.schedule, now)
  const period = periodOn(periods, copenhagenToday(now))
  const series = period && seriesOf(period)
  if (!series) return undefined
  return googleCalendarUrl({ title, start: series.start, end: series.end, details, location, recurrence: series.lines })
}

// --- the message --------------------------------------------------------------------------------

export interface PersonMessage {
  subject: string
  text: string
  html: string
  /** The same in at most two SMS segments (undefined if even its required parts do not fit). */
  sms: string | undefined
  ics?: string
}

const linkify = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" dir="ltr">${url}</a>`)

const subjects: Record<MessageKind, SignupKey> = {
  placed: 'messages.subject.placed',
  waitlisted: 'messages.subject.waitlisted',
  promoted: 'messages.subject.promoted',
  declined: 'messages.subject.declined',
  cancelled: 'messages.subject.cancelled',
  reminder: 'messages.subject.reminder',
}
const bodies: Record<MessageKind, SignupKey> = {
  placed: 'messages.body.placed',
  waitlisted: 'messages.body.waitlisted',
  promoted: 'messages.body.promoted',
  declined: 'messages.body.declined',
  cancelled: 'messages.body.cancelled',
  reminder: 'messages.body.reminder',
}
/** The messages that tell someone who still holds (or waits for) a place: details, calendar, cancel link. */
export const withDetails = (kind: MessageKind) => kind === 'placed' || kind === 'waitlisted' || kind === 'promoted' || kind === 'reminder'

export const placeOf = (signup: Signup) => signup.place ?? undefined
export const waitlistPositionOf = (signup: Signup) => signup.waitlistPosition ?? undefined

export function composeMessage(kind: MessageKind, signup: Signup, listing: Listing, { cancelUrl, now = new Date() }: { cancelUrl?: string; now?: Date }): PersonMessage {
  const language = languageOf(signup.language)
  const title = listing.title(language)
  const number = (value: number) => formatter(['number', language], () => new Intl.NumberFormat(language, { numberingSystem: numbering(language) })).format(value)
  const position = waitlistPositionOf(signup)
  const t = (key: SignupKey, params: Record<string, string> = {}) => signupText(language, key, { title, department: listing.department.name, position: position ? number(position) : '–', ...params })

  // The e-mail says when in full; the SMS in short (no year, short names), to keep it in two segments.
  const whenText = (compact: boolean): string | undefined => {
    if (listing.kind === 'event' && listing.startsAt) return t('messages.when', { when: formatWhen(language, listing.startsAt, listing.endsAt, compact) })
    const { rhythm, next, nextEnd } = activityWhen(language, listing.schedule, now)
    return rhythm && next ? t('messages.weekly', { rhythm, next: formatWhen(language, next, nextEnd, compact) }) : undefined
  }
  const when = whenText(false)
  const smsWhen = whenText(true)
  const where = placeText(listing.place)
  const directions = directionsUrl(listing.place)
  const details = withDetails(kind)
  // On the waiting list: in the calendar as tentative, so nobody takes it for a place.
  const ics = details && kind !== 'reminder' ? listingIcs(listing, language, now, kind === 'waitlisted') : undefined
  const google = details ? listingGoogleUrl(listing, language, now) : undefined
  const link = details ? cancelUrl : undefined

  const paragraphs = [
    signupText(language, 'signup.email.greeting'),
    t(bodies[kind]),
    ...(details
      ? [
          [when, where && t('messages.where', { where }), listing.access?.(language), directions, t('messages.places', { count: number(participantsOf(signup)) })]
            .filter(Boolean)
            .join('\n'),
          ...(google ? [t('messages.calendar', { url: google })] : []),
          ...(link ? [t('messages.cancel', { url: link })] : []),
        ]
      : []),
    listing.url(language),
    signupText(language, 'signup.email.signature', { department: listing.department.name }),
  ]
  const text = paragraphs.join('\n\n')
  const { dir } = getLocale(language)
  const html = `<div lang="${language}" dir="${dir}" style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs.map((paragraph) => `<p>${linkify(paragraph).replace(/\n/g, '<br>')}</p>`).join('')}</div>`

  // The SMS: the subject line (what happened, with the title), a waiting list position, then
  // (while they fit) when, how many, where; always the whole cancel link. In two segments of an
  // Arabic or Tigrinya SMS (UCS-2: 134 characters) the link takes half: the signature goes first
  // (the sender already says Røde Kors), then where and how many, and the title is shortened
  // before the date is given up — the date is what the person needs.
  const smsWith = (shortTitle: string, keepWhen: boolean) => {
    const subject = signupText(language, subjects[kind], { title: shortTitle }).replace(/[\s:：]+$/u, '')
    // Waiting: "you are number 3 on the waiting list" is the news, kept like the link; the title
    // goes above it (and shortens first).
    const waiting = kind === 'waitlisted' && position
    const parts: SmsPart[] = [
      ...(waiting ? [...(shortTitle ? [{ text: shortTitle }] : []), { text: t('messages.position', { position: number(position) }) }] : [{ text: subject }]),
      ...(details && smsWhen ? [{ text: smsWhen, ...(keepWhen ? {} : { dropOrder: 1 }) }] : []),
      ...(details ? [{ text: t('messages.places', { count: number(participantsOf(signup)) }), dropOrder: 3 }] : []),
      ...(details && where ? [{ text: t('messages.where', { where }), dropOrder: 4 }] : []),
      ...(link ? [{ text: t('messages.sms.cancel', { url: link }) }] : []),
      { text: `– ${listing.department.name}`, dropOrder: 5 },
    ]
    return fitSms(parts)
  }
  const shorten = (value: string, length: number) => ([...value].length <= length ? value : `${[...value].slice(0, length).join('').trimEnd()}…`)
  let sms: string | undefined
  // A confirmation keeps at least 12 characters of the title before the date goes (they just signed
  // up for it, or moved up); a reminder is about the date, so its title goes first.
  search: for (const keepWhen of [true, false])
    for (const length of keepWhen && kind !== 'reminder' ? [Infinity, 40, 24, 12] : [Infinity, 40, 24, 12, 0]) {
      sms = smsWith(length === 0 ? '' : shorten(title, length), keepWhen)
      if (sms) break search
    }
  return { subject: t(subjects[kind]), text, html, sms, ics }
}
