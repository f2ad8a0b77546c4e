import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'

import { calendarResponse, createCalendar } from '../../../../lib/calendar'
import { calendarListings } from '../../../../lib/calendar-feeds'
import { relationId } from '../../../../lib/data'
import { routes } from '../../../../lib/paths'
import { only, tag } from '../../../../lib/partial'

export const getStaticPaths = (async () => {
  const entries = await getCollection('departments')
  return only(
    '[lang]/kalender/afdeling/[slug].ics',
    entries.map(({ data }) => ({ params: { lang: data.locale, slug: data.slug }, tags: [tag.department(data.id)] })),
  )
}) satisfies GetStaticPaths

/** A department's upcoming events and its weekly activities (each as a repeating event). */
export const GET: APIRoute = async ({ params, locals, site }) => {
  const { lang, t } = locals
  const listings = await calendarListings(lang, site as URL)
  const department = listings.departments.find((candidate) => candidate.slug === params.slug)
  if (!department) throw new Error(`Department ${params.slug} not found in ${lang}`)
  const own = <T extends { department: unknown }>(list: readonly T[]) => list.filter((item) => relationId(item.department) === department.id)
  const calendar = createCalendar({
    lang,
    name: t('calendar.department.name', { name: department.name }),
    url: listings.absolute(routes.department(department.slug)),
  })
  listings.addEvents(calendar, own(listings.events))
  listings.addActivities(calendar, own(listings.activities))
  return calendarResponse(calendar)
}
