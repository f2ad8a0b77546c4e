import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'

import { calendarResponse, createCalendar } from '../../../../lib/calendar'
import { calendarListings } from '../../../../lib/calendar-feeds'
import { activityTypes, relationId } from '../../../../lib/data'
import { routes } from '../../../../lib/paths'
import { only, tag } from '../../../../lib/partial'

export const getStaticPaths = (async () => {
  const entries = await getCollection('activityTypes')
  return only(
    '[lang]/kalender/aktivitetstype/[slug].ics',
    entries.map(({ data }) => ({ params: { lang: data.locale, slug: data.slug }, tags: [tag.type(data.id)] })),
  )
}) satisfies GetStaticPaths

/** Every upcoming event and weekly activity of one activity type, across departments. */
export const GET: APIRoute = async ({ params, locals, site }) => {
  const { lang, t } = locals
  const type = (await activityTypes(lang)).find((candidate) => candidate.slug === params.slug)
  if (!type) throw new Error(`Activity type ${params.slug} not found in ${lang}`)
  const listings = await calendarListings(lang, site as URL)
  const ofType = <T extends { activityType?: unknown }>(list: readonly T[]) => list.filter((item) => relationId(item.activityType) === type.id)
  const calendar = createCalendar({
    lang,
    name: t('calendar.activityType.name', { title: type.title }),
    url: listings.absolute(routes.activityType(type.slug)),
  })
  listings.addEvents(calendar, ofType(listings.events))
  listings.addActivities(calendar, ofType(listings.activities))
  return calendarResponse(calendar)
}
