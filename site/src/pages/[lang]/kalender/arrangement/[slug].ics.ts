import type { APIRoute, GetStaticPaths } from 'astro'

import { locales, type LocaleCode } from '../../../../i18n'
import { calendarResponse, createCalendar } from '../../../../lib/calendar'
import { calendarListings } from '../../../../lib/calendar-feeds'
import { upcomingEvents } from '../../../../lib/data'
import { routes } from '../../../../lib/paths'
import { only, tag } from '../../../../lib/partial'

export const getStaticPaths = (async () =>
  only(
    '[lang]/kalender/arrangement/[slug].ics',
    (
      await Promise.all(
        locales.map(async ({ code }) =>
          (await upcomingEvents(code)).map((event) => ({ params: { lang: code, slug: event.slug }, tags: [tag.event(event.id), tag.department(event.department)] })),
        ),
      )
    ).flat(),
  )) satisfies GetStaticPaths

/** "Add to calendar" for one event: a file with that one event. */
export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as LocaleCode
  const listings = await calendarListings(lang, site as URL)
  const event = listings.events.find((candidate) => candidate.slug === params.slug)
  if (!event) throw new Error(`Event ${params.slug} not found in ${lang}`)
  const calendar = createCalendar({ lang, name: event.title, url: listings.absolute(routes.event(event.slug)) })
  listings.addEvents(calendar, [event])
  return calendarResponse(calendar)
}
