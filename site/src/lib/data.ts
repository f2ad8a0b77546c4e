import { getCollection } from 'astro:content'

import { relationId } from '../../../core/relation'
import type { LocaleCode } from '../../../core/locales'
import { buildTime } from './now'

// Every page asks for the same lists; scanning all entries of all languages on each page made
// the build time grow with the square of the content (≈280 ms a page at 10× scale). Each list
// is loaded once per language and build.
const cache = new Map<string, Promise<unknown>>()
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, load())
  return cache.get(key) as Promise<T>
}

/**
 * Typed access to the localized content for one reader's language. Pages call these, never
 * content.config (which would pull the loaders into the page bundle).
 */
export function activityTypes(lang: LocaleCode) {
  return once(`activityTypes:${lang}`, async () => {
    const entries = await getCollection('activityTypes', ({ data }) => data.locale === lang)
    return entries.map(({ data }) => data).sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
  })
}

export function targetGroups(lang: LocaleCode) {
  return once(`targetGroups:${lang}`, async () => {
    const entries = await getCollection('targetGroups', ({ data }) => data.locale === lang)
    return entries.map(({ data }) => data).sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
  })
}

export function departments(lang: LocaleCode) {
  return once(`departments:${lang}`, async () => {
    const entries = await getCollection('departments', ({ data }) => data.locale === lang)
    return entries.map(({ data }) => data).sort((a, b) => a.name.localeCompare(b.name, 'da'))
  })
}

export function activities(lang: LocaleCode) {
  return once(`activities:${lang}`, async () => {
    const entries = await getCollection('activities', ({ data }) => data.locale === lang)
    return entries.map(({ data }) => data).sort((a, b) => a.title.localeCompare(b.title, 'da'))
  })
}

/** Every event of a language, as loaded. */
const allEvents = (lang: LocaleCode) => once(`events:${lang}`, async () => (await getCollection('events', ({ data }) => data.locale === lang)).map(({ data }) => data))
type EventEntry = Awaited<ReturnType<typeof allEvents>>[number]

/**
 * Events of a language chosen and ordered as of `now`: at the build's own time once per language
 * and build (every department page, poster and feed asks; a fresh filter and sort on each call cost
 * the 10× build 100 s), frozen because callers share the list.
 */
function eventsAsOf(name: string, lang: LocaleCode, now: Date, choose: (events: EventEntry[]) => EventEntry[]) {
  const load = async () => Object.freeze(choose(await allEvents(lang)))
  return now === buildTime ? once(`${name}:${lang}`, load) : load()
}

/** Events that have not ended when the site is built, soonest first. */
export function upcomingEvents(lang: LocaleCode, now = buildTime) {
  return eventsAsOf('upcomingEvents', lang, now, (events) =>
    events.filter((event) => new Date(event.endsAt ?? event.startsAt) >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  )
}

/** How long an ended event's address keeps answering "this event has ended" instead of 404. */
export const endedEventDays = 90

/**
 * Events that ended within `endedEventDays` before the build, most recent first: their old
 * addresses (shared in messages and on social media) get a small "ended" page.
 */
export function endedEvents(lang: LocaleCode, now = buildTime) {
  const since = new Date(now.getTime() - endedEventDays * 86_400_000)
  return eventsAsOf('endedEvents', lang, now, (events) =>
    events
      .filter((event) => {
        const end = new Date(event.endsAt ?? event.startsAt)
        return end < now && end >= since
      })
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  )
}

export function pages(lang: LocaleCode) {
  return once(`pages:${lang}`, async () => {
    const entries = await getCollection('pages', ({ data }) => data.locale === lang)
    return entries.map(({ data }) => data)
  })
}

export function siteSettings(lang: LocaleCode) {
  return once(`siteSettings:${lang}`, async () => {
    const [entry] = await getCollection('siteSettings', ({ data }) => data.locale === lang)
    if (!entry) throw new Error(`Site settings are missing for ${lang}`)
    return entry.data
  })
}

export function navigation(lang: LocaleCode) {
  return once(`navigation:${lang}`, async () => {
    const [entry] = await getCollection('navigation', ({ data }) => data.locale === lang)
    return entry?.data.items ?? []
  })
}

type Keyed = { id: string | number; slug?: string | null }

/** One Map per list, language and key, built once per build: pages look documents up by ID or slug. */
function index<T extends Keyed>(name: string, lang: LocaleCode, key: 'id' | 'slug', load: () => Promise<readonly T[]>) {
  return once(`${name}:${lang}:by-${key}`, async () => new Map((await load()).map((doc) => [String(doc[key]), doc])))
}
const lookup = async <T extends Keyed>(map: Promise<Map<string, T>>, key: unknown) => (key === undefined || key === null ? undefined : (await map).get(String(key)))

export const activityBySlug = (lang: LocaleCode, slug: string | undefined) => lookup(index('activities', lang, 'slug', () => activities(lang)), slug)
export const departmentBySlug = (lang: LocaleCode, slug: string | undefined) => lookup(index('departments', lang, 'slug', () => departments(lang)), slug)
/** A department by its ID or a relationship value (an ID at depth 0). */
export const departmentOf = (lang: LocaleCode, relation: unknown) => lookup(index('departments', lang, 'id', () => departments(lang)), relationId(relation))
export const activityTypeOf = (lang: LocaleCode, relation: unknown) => lookup(index('activityTypes', lang, 'id', () => activityTypes(lang)), relationId(relation))
export const activityById = (lang: LocaleCode, id: unknown) => lookup(index('activities', lang, 'id', () => activities(lang)), id)
export const upcomingEventById = (lang: LocaleCode, id: unknown) => lookup(index('upcomingEvents', lang, 'id', () => upcomingEvents(lang)), id)
export const upcomingEventBySlug = (lang: LocaleCode, slug: string | undefined) => lookup(index('upcomingEvents', lang, 'slug', () => upcomingEvents(lang)), slug)
export const endedEventBySlug = (lang: LocaleCode, slug: string | undefined) => lookup(index('endedEvents', lang, 'slug', () => endedEvents(lang)), slug)

/** One department's entries of a list, in the list's order; grouped once per list and language (every department page and poster asks). */
function byDepartment<T extends { department?: unknown }>(name: string, lang: LocaleCode, load: () => Promise<readonly T[]>) {
  return once(`${name}:${lang}:by-department`, async () => {
    const groups = new Map<string, T[]>()
    for (const entry of await load()) {
      const key = String(relationId(entry.department))
      const group = groups.get(key)
      if (group) group.push(entry)
      else groups.set(key, [entry])
    }
    return groups
  })
}
export const activitiesOfDepartment = async (lang: LocaleCode, department: unknown): Promise<readonly Activity[]> =>
  (await byDepartment('activities', lang, () => activities(lang))).get(String(relationId(department))) ?? []
export const upcomingEventsOfDepartment = async (lang: LocaleCode, department: unknown): Promise<readonly UpcomingEvent[]> =>
  (await byDepartment('upcomingEvents', lang, () => upcomingEvents(lang))).get(String(relationId(department))) ?? []
type Activity = Awaited<ReturnType<typeof activities>>[number]
type UpcomingEvent = Awaited<ReturnType<typeof upcomingEvents>>[number]

export { relationId }

/** When the site was built (`SITE_NOW` in tests), see ./now. */
export { buildTime }
