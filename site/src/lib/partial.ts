/**
 * Partial builds. When a few activities, events, departments or pages changed since the release
 * being served, only the pages that show them are rendered; the release code (site/scripts/release/)
 * fills in every other file from the served release, checks that the build would have made exactly
 * the same set of pages, and falls back to a full build when it would not (a new, removed or
 * renamed document, an event that has ended, a signup form that appeared…).
 *
 * Each dynamic route passes its paths through `only()`, with tags naming the documents its page
 * shows (`activity:12`, `department:3`, `type:2`, `municipality:holbaek`, `event:7`, `page:1`).
 * Pages that exist once per language (lists, front page, finder) are always rendered.
 *
 * The release code decides whether a partial build is allowed (BuildSettings.partial: the served
 * release was built from this content store, with this code, less than a day ago); this module
 * decides whether the content changes allow it. What passes between them is core/release.ts.
 * Without build settings (astro build, astro dev) every page is built and nothing is recorded.
 */
import { getCollection } from 'astro:content'

import { type BuildSettings, buildSettings, type ChangeRecord, readChangeRecord, writePlan, writeRouteRecord } from '../../../core/release'
import { endedEvents, relationId, upcomingEvents } from './data'
import { placeSlug } from './schedule'
import { locales } from '../../../core/locales'

type Params = Record<string, string | undefined>
export type Tag = string | undefined

/** More changed documents than this: a full build is as quick and needs no reasoning. */
const maxChangedDocuments = 50

/** Every content source the loaders write a change record for (content.config.ts). */
const sources = ['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages', 'site-settings', 'navigation']

export interface BuildPlan {
  partial: boolean
  /** Why the build is full, or what a partial build renders. */
  reason: string
  tags: Set<string>
}

export const tag = {
  activity: (id: unknown) => (id === undefined || id === null ? undefined : `activity:${relationId(id)}`),
  department: (id: unknown) => (id === undefined || id === null ? undefined : `department:${relationId(id)}`),
  type: (id: unknown) => (id === undefined || id === null ? undefined : `type:${relationId(id)}`),
  event: (id: unknown) => (id === undefined || id === null ? undefined : `event:${relationId(id)}`),
  page: (id: unknown) => (id === undefined || id === null ? undefined : `page:${relationId(id)}`),
  municipality: (name: unknown) => (typeof name === 'string' && name ? `municipality:${placeSlug(name)}` : undefined),
  /** The finder's region pages (find/region/<region>/) list every listing of their region. */
  region: (region: unknown) => (typeof region === 'string' && region ? `region:${region}` : undefined),
}

let planned: Promise<BuildPlan> | undefined
export function buildPlan(): Promise<BuildPlan> {
  planned ??= makePlan().then((plan) => {
    console.log(plan.partial ? `Partial build: ${plan.reason}` : `Full build: ${plan.reason}`)
    const settings = buildSettings()
    if (settings) writePlan(settings.pathsDir, { mode: plan.partial ? 'partial' : 'full', reason: plan.reason, tags: [...plan.tags] })
    return plan
  })
  return planned
}

const full = (reason: string): BuildPlan => ({ partial: false, reason, tags: new Set() })

function makePlan(): Promise<BuildPlan> {
  const settings = buildSettings()
  return planBuild({ partial: settings?.partial ?? false, why: settings?.why, changesDir: settings?.changesDir }, async () => {
    const [departments, activities, events] = await Promise.all([getCollection('departments'), getCollection('activities'), getCollection('events')])
    return { departments: departments.map(({ data }) => data), activities: activities.map(({ data }) => data), events: events.map(({ data }) => data) }
  })
}

/** What the release code says about this build (its BuildSettings); no `changesDir`: no changes were recorded. */
export type PlanSettings = Pick<BuildSettings, 'partial' | 'why'> & { changesDir?: string }

type Listing = { id: number | string; department?: unknown; activityType?: unknown }
/** The content as this build loaded it (any locale: relationships and municipalities are not translated). */
export interface CurrentContent {
  departments: { id: number | string; municipality: string; region?: string }[]
  activities: Listing[]
  events: Listing[]
}

/** The plan from the change records in `changesDir`; `loadCurrent` is read only when the records allow a partial build. */
export async function planBuild({ partial, why, changesDir: dir }: PlanSettings, loadCurrent: () => Promise<CurrentContent>): Promise<BuildPlan> {
  if (!partial) return full(why || 'every page')
  if (!dir) return full('no content changes recorded')
  const records = new Map<string, ChangeRecord>()
  for (const source of sources) {
    const record = readChangeRecord(dir, source)
    if (!record) return full(`no change record for ${source}`)
    records.set(source, record)
  }
  let count = 0
  for (const [source, record] of records) {
    if (record.full) return full(`${source}: ${record.reason ?? 'loaded in full'}`)
    // Activity types and target groups are named on nearly every page.
    if ((source === 'activity-types' || source === 'target-groups') && (record.changed.length || record.removed.length)) return full(`${source} changed`)
    count += record.changed.length + record.removed.length
  }
  if (count > maxChangedDocuments) return full(`${count} documents changed`)

  const tags = new Set<string>()
  const add = (...values: Tag[]) => values.forEach((value) => value && tags.add(value))
  const { departments, activities, events } = await loadCurrent()
  const municipalityById = new Map(departments.map((department) => [String(department.id), department.municipality]))
  const municipalityOf = (department: unknown) => municipalityById.get(String(relationId(department)))
  const regionById = new Map(departments.map((department) => [String(department.id), department.region]))
  const regionOf = (department: unknown) => regionById.get(String(relationId(department)))
  const current = (entries: Listing[], id: string): Record<string, unknown> | undefined => entries.find((entry) => String(entry.id) === id)

  // A changed document's pages show it as it was (the served release) and as it is: tag both, so
  // a listing that moved to another department or type is taken off the old one's pages too. A
  // new document has no "before"; a removed one no "now".
  const changes = (source: string) => {
    const record = records.get(source)
    return [...(record?.changed ?? []), ...(record?.removed ?? [])]
  }
  for (const { id, before } of changes('activities')) {
    add(tag.activity(id))
    for (const version of [before, current(activities, id)]) {
      if (version) add(tag.department(version.department), tag.type(version.activityType), tag.municipality(municipalityOf(version.department)), tag.region(regionOf(version.department)))
    }
  }
  for (const { id, before } of changes('events')) {
    add(tag.event(id))
    for (const version of [before, current(events, id)]) {
      // The finder's municipality and region pages list upcoming events too.
      if (version) add(tag.department(version.department), tag.type(version.activityType), tag.municipality(municipalityOf(version.department)), tag.region(regionOf(version.department)))
    }
  }
  for (const { id, before } of changes('departments')) {
    add(tag.department(id), tag.municipality(before?.municipality), tag.municipality(municipalityOf(id)), tag.region(before?.region), tag.region(regionOf(id)))
    // Activity-type pages and the finder's type pages list the department's activities and
    // upcoming events with its name.
    for (const listing of [...activities, ...events]) if (String(relationId(listing.department)) === id) add(tag.type(listing.activityType))
  }
  for (const { id } of changes('pages')) add(tag.page(id))
  const described: string[] = []
  for (const source of ['activities', 'events', 'departments', 'pages']) {
    const record = records.get(source)
    const edited = record?.changed.filter((change) => change.before).length ?? 0
    const added = (record?.changed.length ?? 0) - edited
    const parts = [edited && `${edited} changed`, added && `${added} new`, record?.removed.length && `${record.removed.length} removed`].filter(Boolean)
    if (parts.length) described.push(`${source}: ${parts.join(', ')}`)
  }
  return { partial: true, reason: `${described.join('; ') || 'no content changed'}; rendering the pages that show ${[...tags].join(' ') || 'them'}`, tags }
}

/**
 * Each route's full page list with the tags of each page, for the release code (a RouteRecord): it
 * checks that pages which appeared or went away belong to the changed documents, and removes the
 * ones that went away. `route` is the output file pattern, e.g. `[lang]/arrangementer/[slug]/`
 * (a page: its index.html) or `[lang]/kalender/aktivitet/[slug].ics` (a file).
 */
function record(route: string, items: { params: Params; tags: Tag[] }[], sitemap: boolean) {
  const settings = buildSettings()
  if (!settings) return
  const pages = items
    .map(({ params, tags }) => ({ file: route.replace(/\[(\w+)\]/g, (_, name: string) => String(params[name])), tags: tags.filter((value): value is string => Boolean(value)) }))
    .sort((a, b) => a.file.localeCompare(b.file))
  writeRouteRecord(settings.pathsDir, { route, sitemap, pages })
}

/**
 * A dynamic route's `getStaticPaths` result: every path in a full build; in a partial build only
 * those whose tags name a changed document. `sitemap: false` for pages never in the sitemap
 * whose file a listed page may have had before (a redirect page at a renamed page's address):
 * the release code then drops them from the sitemap it merges.
 */
export async function only(route: string, items: { params: Params; tags: Tag[] }[], { sitemap = true }: { sitemap?: boolean } = {}): Promise<{ params: Params }[]> {
  record(route, items, sitemap)
  const plan = await buildPlan()
  const wanted = plan.partial ? items.filter((item) => item.tags.some((value) => value !== undefined && plan.tags.has(value))) : items
  return wanted.map(({ params }) => ({ params }))
}

/** The paths of a route with one page per upcoming event and language (`keep` narrows them), tagged for `only()`. */
export async function upcomingEventPaths(route: string, keep: (event: { howToJoin?: string | null }) => boolean = () => true) {
  const perLocale = await Promise.all(
    locales.map(async ({ code }) =>
      (await upcomingEvents(code)).filter(keep).map((event) => ({ params: { lang: code, slug: event.slug }, tags: [tag.event(event.id), tag.department(event.department)] })),
    ),
  )
  return only(route, perLocale.flat())
}

/**
 * The paths of the small "this event has ended" pages, one per recently ended event and language.
 * They are written to the same file as the event's page was, but recorded under a route of their
 * own (`route` names that file, e.g. `[lang]/arrangementer/[ended]/index.html`): when an event ends
 * between builds, its page moves from one route to the other, the release code sees a page gone and one
 * added that no content change explains, and builds in full, as it does today when the page goes.
 */
export async function endedEventPaths(route: string) {
  const perLocale = await Promise.all(
    locales.map(async ({ code }) => (await endedEvents(code)).map((event) => ({ params: { lang: code, ended: event.slug }, tags: [tag.event(event.id)] }))),
  )
  return only(route, perLocale.flat())
}
