import type { ICalCalendar } from 'ical-generator'

import type { LocaleCode } from '../../../content/locales'
import { fallbackRule } from '../../../content/schedule'
import { addOneOff, addSeries } from './calendar'
import { activities, buildTime, departments, relationId, upcomingEvents } from './data'
import { localeUrl, routes } from './paths'
import { listingPlace } from './place'

type Event = Awaited<ReturnType<typeof upcomingEvents>>[number]
type ActivityEntry = Awaited<ReturnType<typeof activities>>[number]

/** The listings of one language, joined with their departments, for calendar feeds. */
export async function calendarListings(lang: LocaleCode, site: URL) {
  const allDepartments = await departments(lang)
  const byId = new Map(allDepartments.map((department) => [String(department.id), department]))
  const departmentOf = (id: unknown) => byId.get(String(relationId(id)))
  const absolute = (path: string) => new URL(localeUrl(lang, path), site).href

  const addEvents = (calendar: ICalCalendar, events: Event[]) => {
    for (const event of events) {
      addOneOff(calendar, {
        kind: 'event',
        slug: event.slug,
        title: event.title,
        description: event.summary,
        url: absolute(routes.event(event.slug)),
        place: listingPlace(event, departmentOf(event.department)),
        startsAt: event.startsAt,
        endsAt: event.endsAt,
      })
    }
  }
  const addActivities = (calendar: ICalCalendar, list: ActivityEntry[]) => {
    for (const activity of list) {
      const department = departmentOf(activity.department)
      const rrule = activityRule(activity)
      if (!rrule || !department) continue
      addSeries(calendar, {
        kind: 'activity',
        slug: activity.slug,
        title: activity.title,
        description: [activity.summary, activity.scheduleText].filter(Boolean).join('\n'),
        url: absolute(routes.activity(department.slug, activity.slug)),
        place: listingPlace(activity, department),
        rrule,
        endTime: activity.schedule?.endTime,
      })
    }
  }
  return {
    departments: allDepartments,
    departmentOf,
    absolute,
    events: await upcomingEvents(lang),
    activities: await activities(lang),
    addEvents,
    addActivities,
  }
}

/**
 * The activity's recurrence rule: the one the CMS stored, or (for a listing saved before rules
 * were stored) one built from its schedule form. None for "by appointment".
 */
export function activityRule(activity: Pick<ActivityEntry, 'schedule'>): string | null {
  const schedule = activity.schedule
  if (!schedule || schedule.byAppointment) return null
  return schedule.rrule || fallbackRule(schedule, buildTime)
}

/** A recurring activity gets a feed when it meets at fixed times. */
export const hasFeed = (activity: Pick<ActivityEntry, 'schedule'>) => activityRule(activity) !== null
