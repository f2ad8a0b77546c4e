import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'

import { calendarResponse, createCalendar } from '../../../../lib/calendar'
import { calendarListings, hasFeed } from '../../../../lib/calendar-feeds'
import { routes } from '../../../../lib/paths'
import { only, tag } from '../../../../lib/partial'

// Only activities that meet at fixed times (a recurrence rule) have a feed.
export const getStaticPaths = (async () => {
  const entries = await getCollection('activities')
  return only(
    '[lang]/kalender/aktivitet/[slug].ics',
    entries
      .filter(({ data }) => hasFeed(data))
      .map(({ data }) => ({ params: { lang: data.locale, slug: data.slug }, tags: [tag.activity(data.id), tag.department(data.department)] })),
  )
}) satisfies GetStaticPaths

/** One weekly activity as a repeating event a person can subscribe to (Olena's homework café). */
export const GET: APIRoute = async ({ params, locals, site }) => {
  const { lang, t } = locals
  const listings = await calendarListings(lang, site as URL)
  const activity = listings.activities.find((candidate) => candidate.slug === params.slug)
  const department = activity && listings.departmentOf(activity.department)
  if (!activity || !department) throw new Error(`Activity ${params.slug} not found in ${lang}`)
  const calendar = createCalendar({
    lang,
    name: t('calendar.activity.name', { title: activity.title, department: department.name }),
    url: listings.absolute(routes.activity(department.slug, activity.slug)),
  })
  listings.addActivities(calendar, [activity])
  return calendarResponse(calendar)
}
