import type { Activity, ActivityType, Department, Event } from '../../../cms/src/payload-types'
import type { LocaleCode } from '../../../core/locales'
import type { ScheduleForm, SchedulePeriod } from '../../../core/schedule'
import { timeZone } from '../../../core/time'
import { parseRule, type ParsedRule } from './calendar'
import { localeUrl, routes } from './paths'
import { listingPlace, type Place } from '../../../core/venue'

/**
 * schema.org JSON-LD for search engines and other readers of the pages: the national body and
 * each department (Organization), places (Place), events (Event) and local activities (an
 * EventSeries with its weekly Schedule, or a Service when they meet by appointment).
 */
type Thing = Record<string, unknown>

const context = 'https://schema.org'
const absolute = (site: URL, lang: LocaleCode, path: string) => new URL(localeUrl(lang, path), site).href

/**
 * Stable @ids: the same on every page and in every language, and made from the CMS document's ID
 * (never its slug), so a rename does not make a reader see a new organization, event or series.
 */
export const nationalBodyId = (site: URL) => new URL('/#organization', site).href
const documentId = (site: URL, kind: 'department' | 'event' | 'activity', id: string | number) => new URL(`/#${kind}-${id}`, site).href

export function nationalBodyJsonLd(site: URL, lang: LocaleCode, name: string): Thing {
  return {
    '@context': context,
    '@type': 'Organization',
    '@id': nationalBodyId(site),
    name,
    alternateName: 'Danish Red Cross',
    url: absolute(site, lang, routes.home()),
    sameAs: ['https://www.rodekors.dk/'],
  }
}

export function placeJsonLd(place: Place): Thing {
  const address =
    place.street || place.city
      ? {
          '@type': 'PostalAddress',
          streetAddress: place.street,
          postalCode: place.postalCode,
          addressLocality: place.city,
          addressCountry: 'DK',
        }
      : undefined
  const geo =
    place.latitude !== undefined && place.longitude !== undefined
      ? { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude }
      : undefined
  return withoutEmpty({ '@type': 'Place', name: place.name ?? place.city, address, geo })
}

export function departmentJsonLd(site: URL, lang: LocaleCode, department: Department, description?: string): Thing {
  const place = listingPlace({}, department)
  return withoutEmpty({
    '@context': context,
    '@type': 'Organization',
    '@id': documentId(site, 'department', department.id),
    name: department.name,
    description,
    url: absolute(site, lang, routes.department(department.slug)),
    email: department.email,
    telephone: department.phone,
    address: placeJsonLd(place).address,
    location: placeJsonLd(place),
    areaServed: { '@type': 'AdministrativeArea', name: department.municipality },
    parentOrganization: { '@id': nationalBodyId(site) },
  })
}

/** A reference to the department that organises something, with enough to stand alone. */
const organizer = (site: URL, lang: LocaleCode, department: Department) => ({
  '@type': 'Organization',
  '@id': documentId(site, 'department', department.id),
  name: department.name,
  url: absolute(site, lang, routes.department(department.slug)),
})

export function eventJsonLd(site: URL, lang: LocaleCode, event: Event, department: Department): Thing {
  return withoutEmpty({
    '@context': context,
    '@type': 'Event',
    '@id': documentId(site, 'event', event.id),
    name: event.title,
    description: event.summary,
    url: absolute(site, lang, routes.event(event.slug)),
    startDate: event.startsAt,
    endDate: event.endsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: placeJsonLd(listingPlace(event, department)),
    organizer: organizer(site, lang, department),
    inLanguage: event.languages?.length ? event.languages : 'da',
    isAccessibleForFree: event.free !== false,
    offers: event.free !== false ? { '@type': 'Offer', price: 0, priceCurrency: 'DKK', availability: 'https://schema.org/InStock' } : undefined,
  })
}

const schemaDays: Record<string, string> = {
  MO: 'https://schema.org/Monday',
  TU: 'https://schema.org/Tuesday',
  WE: 'https://schema.org/Wednesday',
  TH: 'https://schema.org/Thursday',
  FR: 'https://schema.org/Friday',
  SA: 'https://schema.org/Saturday',
  SU: 'https://schema.org/Sunday',
}

const isoDay = (value: string | null | undefined) => (value ? new Date(value).toLocaleDateString('sv-SE', { timeZone }) : undefined)
const isoTime = (value: string | null | undefined) => (value ? `${value.replace('.', ':')}:00` : undefined)

/**
 * A local activity: an EventSeries with its schedule when it meets at fixed times (the rules
 * from core/schedule.ts; one Schedule per period when a change is planned), otherwise a
 * Service offered by the department.
 */
export function activityJsonLd(
  site: URL,
  lang: LocaleCode,
  activity: Activity,
  department: Department,
  activityType: ActivityType | undefined,
  periods: SchedulePeriod[],
): Thing {
  const url = absolute(site, lang, routes.activity(department.slug, activity.slug))
  const location = placeJsonLd(listingPlace(activity, department))
  const common = {
    '@context': context,
    '@id': documentId(site, 'activity', activity.id),
    name: activity.title,
    description: activity.summary,
    url,
  }
  const schedules = periods.flatMap((period) => {
    const rule = parseRule(period.rule)
    return rule ? [periodSchedule(rule, period.form)] : []
  })
  if (schedules.length === 0) {
    return withoutEmpty({
      ...common,
      '@type': 'Service',
      serviceType: activityType?.title,
      provider: organizer(site, lang, department),
      areaServed: { '@type': 'AdministrativeArea', name: department.municipality },
      availableLanguage: activity.languages ?? undefined,
      isAccessibleForFree: activity.free !== false,
    })
  }
  return withoutEmpty({
    ...common,
    '@type': 'EventSeries',
    about: activityType?.title,
    location,
    organizer: organizer(site, lang, department),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: activity.languages?.length ? activity.languages : 'da',
    isAccessibleForFree: activity.free !== false,
    eventSchedule: schedules.length === 1 ? schedules[0] : schedules,
  })
}

/** One period as a schema.org Schedule: its weekdays, times and dates (it ends the day before a planned change). */
function periodSchedule(rule: ParsedRule, form: ScheduleForm): Thing {
  const ruleLine = rule.lines.find((line) => line.startsWith('RRULE:')) ?? ''
  const interval = Number(/INTERVAL=(\d+)/.exec(ruleLine)?.[1] ?? 1)
  const days = (/BYDAY=([A-Z,]+)/.exec(ruleLine)?.[1] ?? '').split(',').filter(Boolean)
  const { year, month, day } = rule.start
  const startDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const endDate = isoDay(form.validUntil)
  // Cancelled dates are shared by the periods: each period lists those within its own dates.
  const exceptDates = (form.exceptions ?? [])
    .map((exception) => isoDay(exception.date))
    .filter((date): date is string => date !== undefined && date >= startDate && (!endDate || date <= endDate))
  return withoutEmpty({
    '@type': 'Schedule',
    repeatFrequency: `P${interval}W`,
    byDay: days.map((code) => schemaDays[code]).filter(Boolean),
    startDate,
    endDate,
    startTime: isoTime(form.startTime),
    endTime: isoTime(form.endTime),
    exceptDate: exceptDates.length ? exceptDates : undefined,
    scheduleTimezone: timeZone,
  })
}

/** Leaves out empty values, so the JSON-LD carries no `null`s or empty lists. */
function withoutEmpty(thing: Thing): Thing {
  return Object.fromEntries(
    Object.entries(thing).filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)),
  )
}
