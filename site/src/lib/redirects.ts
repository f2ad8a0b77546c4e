import { locales, type LocaleCode } from '../../../core/locales'
import { takesParticipantSignups, takesVolunteers } from '../../../core/signups'
import { hasFeed } from './calendar-feeds'
import { activities, activityTypes, departments, endedEvents, pages, relationId, upcomingEvents } from './data'
import { tag } from './partial'
import { localeUrl, reservedSlugs, routes } from './paths'
import { redirectsFrom, withDepartmentsLeft, type Address } from './redirect-rules'

/**
 * What this build redirects: every address made from slugs that exists in it (the same lists and
 * conditions as the routes under pages/[lang]/ use), each at its old forms. A renamed department
 * moves its activities' pages, its volunteer page and its feed (and an activity moved to another
 * department leaves its page under the old one behind); a renamed activity type its
 * finder page and feed. Slugs are not translated, so the old forms are the same in every language.
 */
async function addresses(lang: LocaleCode): Promise<Address[]> {
  const [types, allDepartments, allActivities, upcoming, ended, allPages] = await Promise.all([
    activityTypes(lang),
    departments(lang),
    activities(lang),
    upcomingEvents(lang),
    endedEvents(lang),
    pages(lang),
  ])
  const list: Address[] = []
  const add = (documents: Address['documents'], path: Address['path'], tags: Address['tags']) => list.push({ documents, path, tags })
  for (const type of types) {
    const tags = [tag.type(type.id)]
    add([type], routes.activityType, tags)
    add([type], routes.finderByType, tags)
    add([type], routes.calendarActivityType, tags)
  }
  const departmentById = new Map(allDepartments.map((department) => [String(department.id), department]))
  for (const department of allDepartments) {
    const tags = [tag.department(department.id)]
    add([department], routes.department, tags)
    add([department], routes.volunteerDepartment, tags)
    add([department], routes.calendarDepartment, tags)
  }
  for (const activity of allActivities) {
    const tags = [tag.activity(activity.id), tag.department(activity.department)]
    const department = departmentById.get(String(relationId(activity.department)))
    if (department) add([withDepartmentsLeft(department, activity.previousDepartmentSlugs), activity], routes.activity, tags)
    if (takesParticipantSignups(activity)) add([activity], routes.signupActivity, tags)
    if (takesVolunteers(activity)) add([activity], routes.volunteerActivity, tags)
    if (hasFeed(activity)) add([activity], routes.calendarActivity, tags)
  }
  for (const event of upcoming) {
    const tags = [tag.event(event.id), tag.department(event.department)]
    add([event], routes.event, tags)
    if (takesParticipantSignups(event)) add([event], routes.signupEvent, tags)
    add([event], routes.calendarEvent, tags)
  }
  // An ended event keeps its "has ended" page, at its current slug.
  for (const event of ended) add([event], routes.event, [tag.event(event.id)])
  for (const page of allPages) if (!reservedSlugs.has(page.slug)) add([page], routes.page, [tag.page(page.id)])
  return list
}

export interface SiteRedirect {
  lang: LocaleCode
  /** Old and new path with the language prefix (`/da/afdelinger/gammel/`). */
  from: string
  to: string
  /** A calendar feed: only the rules files redirect it (calendar apps do not read HTML); a page also gets a redirect page. */
  file: boolean
  tags: string[]
}

/** The sections' own paths (`aktiviteter/`…): an old page slug never takes one over. */
const fixedPaths = [...reservedSlugs].map((slug) => routes.page(slug))

let gathered: Promise<SiteRedirect[]> | undefined
/** Every redirect of the build, in every language (gathered once: the redirect pages and the rules files ask). */
export function siteRedirects(): Promise<SiteRedirect[]> {
  gathered ??= Promise.all(
    locales.map(async ({ code }) =>
      redirectsFrom(await addresses(code), fixedPaths).map(({ from, to, tags }) => ({
        lang: code,
        from: localeUrl(code, from),
        to: localeUrl(code, to),
        file: /\.ics$/.test(to),
        tags,
      })),
    ),
  ).then((perLocale) => perLocale.flat())
  return gathered
}

let byFrom: Promise<Map<string, SiteRedirect>> | undefined
/** The redirect from one old path (with its language prefix), for the redirect page at that path. */
export async function redirectAt(from: string): Promise<SiteRedirect | undefined> {
  byFrom ??= siteRedirects().then((all) => new Map(all.map((redirect) => [redirect.from, redirect])))
  return (await byFrom).get(from)
}
