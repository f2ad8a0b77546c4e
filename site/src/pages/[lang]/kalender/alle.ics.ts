import type { APIRoute } from 'astro'

import { calendarResponse, createCalendar } from '../../../lib/calendar'
import { calendarListings } from '../../../lib/calendar-feeds'
import { routes } from '../../../lib/paths'
import { localeStaticPaths } from '../../../lib/static-paths'

export const getStaticPaths = localeStaticPaths

/** Every upcoming event, in the reader's language. */
export const GET: APIRoute = async ({ locals, site }) => {
  const { lang, t } = locals
  const listings = await calendarListings(lang, site as URL)
  const calendar = createCalendar({ lang, name: t('calendar.all.name'), url: listings.absolute(routes.events()) })
  listings.addEvents(calendar, listings.events)
  return calendarResponse(calendar)
}
