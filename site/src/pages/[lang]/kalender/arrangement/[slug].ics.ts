import type { APIRoute } from 'astro'

import { calendarResponse, createCalendar } from '../../../../lib/calendar'
import { calendarListings } from '../../../../lib/calendar-feeds'
import { routes } from '../../../../lib/paths'
import { upcomingEventPaths } from '../../../../lib/partial'

export function getStaticPaths() {
  return upcomingEventPaths('[lang]/kalender/arrangement/[slug].ics')
}

/** "Add to calendar" for one event: a file with that one event. */
export const GET: APIRoute = async ({ params, locals, site }) => {
  const { lang } = locals
  const listings = await calendarListings(lang, site as URL)
  const event = listings.events.find((candidate) => candidate.slug === params.slug)
  if (!event) throw new Error(`Event ${params.slug} not found in ${lang}`)
  const calendar = createCalendar({ lang, name: event.title, url: listings.absolute(routes.event(event.slug)) })
  listings.addEvents(calendar, [event])
  return calendarResponse(calendar)
}
