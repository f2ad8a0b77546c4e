import type { ICalCalendar } from 'ical-generator'

import type { LocaleCode } from '../../../core/locales'
import { addOneOff, addSeries } from './calendar'
import { activities, departments, relationId, upcomingEvents } from './data'
import { localeUrl, routes } from './paths'
import { listingPlace } from '../../../core/venue'
import { activityPeriods } from './schedule'

type Event = Awaited<ReturnType<typeof upcomingEvents>>[number]
type ActivityEntry = Awaited<ReturnType<typeof activities>>[number]

/** The listings of one language, joined with their departments, for calendar feeds. */
export async function calendarListings(lang: LocaleCode, site: URL) {
  const allDepartments = await departments(lang)
  const byId = new Map(allDepartments.map((department) => [String(department.id), department]))
  const departmentOf = (id: unknown) => byId.get(String(relationId(id)))
  const absolute = (path: string) => new URL(localeUrl(lang, path), site).href

  const addEvents = (calendar: ICalCalendar, events: readonly Event[]) => {
    for (const event of events) {
      addOneOff(calendar, {
        kind: 'event',
        id: event.id,
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
      if (!department) continue
      // One VEVENT per period: the current one ends (UNTIL) the day before a planned change,
      // the following one starts (DTSTART) on its day.
      for (const period of activityPeriods(activity)) {
        addSeries(calendar, {
          kind: 'activity',
          id: activity.id,
          period: period.from ? period.key : undefined,
          title: activity.title,
          description: [activity.summary, activity.scheduleText].filter(Boolean).join('\n'),
          url: absolute(routes.activity(department.slug, activity.slug)),
          place: listingPlace(activity, department),
          rrule: period.rule,
          endTime: period.form.endTime,
        })
      }
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

/** A recurring activity gets a feed when it meets at fixed times (in any of its periods). */
export const hasFeed = (activity: Pick<ActivityEntry, 'schedule'>) => activityPeriods(activity).length > 0
