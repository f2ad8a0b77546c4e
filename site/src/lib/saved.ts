/**
 * What an activity or event page gives the "save on my phone" button (components/SaveButton.astro):
 * everything the saved list shows offline, in the page's language. The phone computes the next
 * meetings from the rules (core/weekly.ts); the dates here are the page's own, for an event and
 * for a rule the phone cannot expand.
 */
import type { Activity, Department, Event } from '../../../cms/src/payload-types'
import { directionsUrl, pointDirectionsUrl, type Place } from '../../../core/venue'
import type { SavedItem } from '../offline/saved-store'
import { getLocale, type LocaleCode } from '../i18n'
import { hasFeed } from './calendar-feeds'
import { localeUrl, routes } from './paths'
import { activityPeriods, nextDates } from './schedule'

const placeLines = (place: Place) => [place.name, place.street, [place.postalCode, place.city].filter(Boolean).join(' ')].filter((line): line is string => Boolean(line))

export function activityItem(lang: LocaleCode, activity: Activity, department: Department, place: Place): SavedItem {
  return {
    key: `activity:${activity.slug}`,
    lang,
    dir: getLocale(lang).dir,
    url: localeUrl(lang, routes.activity(department.slug, activity.slug)),
    title: activity.title,
    department: department.name,
    place: placeLines(place),
    // The activity page's own link (to the point), else a search for the address.
    directions: pointDirectionsUrl(place) ?? directionsUrl(place),
    calendar: hasFeed(activity) ? localeUrl(lang, routes.calendarActivity(activity.slug)) : undefined,
    periods: activityPeriods(activity).map((period) => ({ rule: period.rule, endTime: period.form.endTime ?? null })),
    dates: nextDates(activity, 3).map((occurrence) => ({ start: occurrence.start.getTime(), end: occurrence.end?.getTime() ?? null })),
    byAppointment: activity.schedule?.byAppointment ?? false,
  }
}

export function eventItem(lang: LocaleCode, event: Event, department: Department | undefined, place: Place): SavedItem {
  return {
    key: `event:${event.slug}`,
    lang,
    dir: getLocale(lang).dir,
    url: localeUrl(lang, routes.event(event.slug)),
    title: event.title,
    department: department?.name,
    place: placeLines(place),
    directions: directionsUrl(place),
    calendar: localeUrl(lang, routes.calendarEvent(event.slug)),
    dates: [{ start: Date.parse(event.startsAt), end: event.endsAt ? Date.parse(event.endsAt) : null }],
  }
}
