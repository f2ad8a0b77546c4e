/**
 * What each detail page shows, found from the slug in its URL: `const { activity, department } =
 * await activityPage(lang, Astro.params.slug)`. A page is only asked for a slug its
 * getStaticPaths listed, so a miss is a bug (or a listing whose department is not published)
 * and fails the build with a message saying which, rather than rendering half a page.
 */
import type { LocaleCode } from '../../../core/locales'
import {
  activities,
  activitiesOfDepartment,
  activityBySlug,
  activityTypeOf,
  activityTypes,
  departmentBySlug,
  departmentOf,
  departments,
  endedEventBySlug,
  pages,
  relationId,
  targetGroups,
  upcomingEventBySlug,
  upcomingEventsOfDepartment,
} from './data'
import { finderData } from './finder'

type Slug = string | undefined

/** An activity with its department and activity type: its page, its signup and its volunteer form. */
export async function activityPage(lang: LocaleCode, slug: Slug) {
  const activity = await activityBySlug(lang, slug)
  if (!activity) throw new Error(`Activity ${slug} not found in ${lang}`)
  const department = await departmentOf(lang, activity.department)
  if (!department) throw new Error(`The department of activity ${activity.slug} is not published`)
  const activityType = await activityTypeOf(lang, activity.activityType)
  return { activity, department, activityType }
}

/** An upcoming event with its department and activity type: its page and its signup form. */
export async function eventPage(lang: LocaleCode, slug: Slug) {
  const event = await upcomingEventBySlug(lang, slug)
  if (!event) throw new Error(`Event ${slug} not found in ${lang}`)
  const department = await departmentOf(lang, event.department)
  if (!department) throw new Error(`The department of event ${event.slug} is not published`)
  const activityType = await activityTypeOf(lang, event.activityType)
  return { event, department, activityType }
}

/** An event that ended lately, for the page at its old address. */
export async function endedEventPage(lang: LocaleCode, slug: Slug) {
  const event = await endedEventBySlug(lang, slug)
  if (!event) throw new Error(`Ended event ${slug} not found in ${lang}`)
  return { event }
}

/** A department with its own activities and upcoming events, and the lists its activity list names. */
export async function departmentPage(lang: LocaleCode, slug: Slug) {
  const department = await departmentBySlug(lang, slug)
  if (!department) throw new Error(`Department ${slug} not found in ${lang}`)
  const own = await activitiesOfDepartment(lang, department.id)
  const events = await upcomingEventsOfDepartment(lang, department.id)
  return { department, activities: own, events, departments: await departments(lang), activityTypes: await activityTypes(lang) }
}

/** A department and its activities that want volunteers, for its volunteer form. */
export async function volunteerDepartmentPage(lang: LocaleCode, slug: Slug) {
  const department = await departmentBySlug(lang, slug)
  if (!department) throw new Error(`Department ${slug} not found in ${lang}`)
  const wanted = (await activitiesOfDepartment(lang, department.id)).filter((activity) => activity.volunteersWanted !== false)
  return { department, wanted }
}

/** An activity type with its target groups and its local activities in every department. */
export async function activityTypePage(lang: LocaleCode, slug: Slug) {
  const types = await activityTypes(lang)
  const activityType = types.find((candidate) => candidate.slug === slug)
  if (!activityType) throw new Error(`Activity type ${slug} not found in ${lang}`)
  const groupIds = new Set((activityType.targetGroups ?? []).map(relationId))
  const groups = (await targetGroups(lang)).filter((group) => groupIds.has(group.id))
  const local = (await activities(lang)).filter((activity) => relationId(activity.activityType) === activityType.id)
  return { activityType, groups, activities: local, departments: await departments(lang), activityTypes: types }
}

/** A page from the CMS's Pages (about, privacy…). */
export async function contentPage(lang: LocaleCode, slug: Slug) {
  const page = (await pages(lang)).find((candidate) => candidate.slug === slug)
  if (!page) throw new Error(`Page ${slug} not found in ${lang}`)
  return { page }
}

/** The finder narrowed to one activity type. */
export async function finderTypePage(lang: LocaleCode, slug: Slug) {
  const data = await finderData(lang)
  const activityType = data.allActivityTypes.find((candidate) => candidate.slug === slug)
  if (!activityType) throw new Error(`Activity type ${slug} not found in ${lang}`)
  const entries = data.entries.filter((entry) => entry.activityType?.id === activityType.id)
  const events = data.events.filter((entry) => entry.activityType?.id === activityType.id)
  return { data, activityType, entries, events }
}

/** The finder narrowed to one municipality. */
export async function finderMunicipalityPage(lang: LocaleCode, slug: Slug) {
  const data = await finderData(lang)
  const municipality = data.municipalities.find((candidate) => candidate.slug === slug)
  if (!municipality) throw new Error(`Municipality ${slug} not found in ${lang}`)
  const entries = data.entries.filter((entry) => entry.municipalitySlug === municipality.slug)
  const events = data.events.filter((entry) => entry.municipalitySlug === municipality.slug)
  return { data, municipality, entries, events }
}
