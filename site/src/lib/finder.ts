import { spokenLanguages } from '../../../core/languages'
import { allPlaceNames, placeKey, placeName } from '../../../core/places'
import { timeZone } from '../../../core/time'
import type { LocaleCode } from '../i18n'
import { activities, activityTypes, buildTime, departments, relationId, targetGroups, upcomingEvents } from './data'
import { localeUrl, routes } from './paths'
import { listingPlace, type Place } from '../../../core/venue'
import { audienceFlags, finderWeekdays, nextDates, placeSlug, regions, weekdayCodes, type AudienceFlag, type Occurrence, type WeekdayCode } from './schedule'

type Activities = Awaited<ReturnType<typeof activities>>
type Departments = Awaited<ReturnType<typeof departments>>
type ActivityTypes = Awaited<ReturnType<typeof activityTypes>>
type TargetGroups = Awaited<ReturnType<typeof targetGroups>>
type Events = Awaited<ReturnType<typeof upcomingEvents>>

/** One activity as the finder lists and filters it. */
export interface FinderEntry {
  activity: Activities[number]
  department: Departments[number]
  activityType: ActivityTypes[number] | undefined
  groups: TargetGroups
  municipalitySlug: string
  place: Place
  next: Occurrence | undefined
  weekdays: WeekdayCode[]
  audience: AudienceFlag[]
}

/** One upcoming event among the finder's results: filtered by what applies to it (type, place, day, language). */
export interface FinderEvent {
  event: Events[number]
  department: Departments[number]
  activityType: ActivityTypes[number] | undefined
  /** The event's activity type's target groups (events have none of their own). */
  groups: TargetGroups
  municipalitySlug: string
  place: Place
  weekday: WeekdayCode
}

export interface Municipality {
  slug: string
  /** The Danish name (the municipality's own). */
  name: string
  /** The name in the reader's language (core/places.ts), or the Danish one. */
  label: string
  region: Departments[number]['region']
}

/** Everything the finder pages need for one language, computed once per build and language. */
const cache = new Map<LocaleCode, Promise<Awaited<ReturnType<typeof load>>>>()
export function finderData(lang: LocaleCode) {
  if (!cache.has(lang)) cache.set(lang, load(lang))
  return cache.get(lang)!
}

async function load(lang: LocaleCode) {
  const [allActivities, allDepartments, types, allGroups, allEvents] = await Promise.all([
    activities(lang),
    departments(lang),
    activityTypes(lang),
    targetGroups(lang),
    upcomingEvents(lang),
  ])
  return finderDataFrom(lang, { activities: allActivities, departments: allDepartments, activityTypes: types, targetGroups: allGroups, events: allEvents })
}

/** The published content of one language, as the finder reads it. */
export interface FinderContent {
  activities: Activities
  departments: Departments
  activityTypes: ActivityTypes
  targetGroups: TargetGroups
  /** Upcoming events only (the finder lists no past ones). */
  events: Events
}

/** The finder's data from one language's content, as of `now` (next dates, weekdays in force). */
export function finderDataFrom(lang: LocaleCode, content: FinderContent, now = buildTime) {
  const { activities: allActivities, departments: allDepartments, activityTypes: types, targetGroups: allGroups, events: allEvents } = content
  const departmentById = new Map(allDepartments.map((department) => [department.id, department]))
  const typeById = new Map(types.map((activityType) => [activityType.id, activityType]))
  const groupById = new Map(allGroups.map((group) => [group.id, group]))

  const entries: FinderEntry[] = allActivities.flatMap((activity) => {
    const department = departmentById.get(relationId(activity.department) as number)
    if (!department) return []
    const activityType = typeById.get(relationId(activity.activityType) as number)
    const groupIds = activity.targetGroups?.length ? activity.targetGroups : (activityType?.targetGroups ?? [])
    return [
      {
        activity,
        department,
        activityType,
        groups: groupIds.map((id) => groupById.get(relationId(id) as number)).filter((group) => group !== undefined),
        municipalitySlug: placeSlug(department.municipality),
        place: listingPlace(activity, department),
        next: nextDates(activity, 1, now)[0],
        // The weekdays in force, and those of a planned change within the finder's horizon.
        weekdays: finderWeekdays(activity, now),
        audience: audienceFlags(activity),
      },
    ]
  })

  const events: FinderEvent[] = allEvents.flatMap((event) => {
    const department = departmentById.get(relationId(event.department) as number)
    if (!department) return []
    const activityType = typeById.get(relationId(event.activityType) as number)
    return [
      {
        event,
        department,
        activityType,
        groups: (activityType?.targetGroups ?? []).map((id) => groupById.get(relationId(id) as number)).filter((group) => group !== undefined),
        municipalitySlug: placeSlug(department.municipality),
        place: listingPlace(event, department),
        weekday: weekdayOf(event.startsAt),
      },
    ]
  })

  const municipalities = new Map<string, Municipality>()
  for (const { department, municipalitySlug } of [...entries, ...events]) {
    municipalities.set(municipalitySlug, { slug: municipalitySlug, name: department.municipality, label: placeName(department.municipality, lang), region: department.region })
  }
  const usedLanguages = new Set(entries.flatMap(({ activity }) => activity.languages ?? []))
  const usedGroups = new Set([...entries, ...events].flatMap(({ groups }) => groups.map((group) => group.id)))
  const usedDays = new Set([...entries.flatMap(({ weekdays }) => weekdays), ...events.map(({ weekday }) => weekday)])

  return {
    entries,
    events,
    departments: allDepartments,
    activityTypes: types.filter((activityType) => [...entries, ...events].some((entry) => entry.activityType?.id === activityType.id)),
    allActivityTypes: types,
    targetGroups: allGroups.filter((group) => usedGroups.has(group.id)),
    regions: regions.filter((region) => [...entries, ...events].some((entry) => entry.department.region === region)),
    municipalities: [...municipalities.values()].sort((a, b) => a.label.localeCompare(b.label, lang)),
    languages: spokenLanguages.filter((language) => usedLanguages.has(language.code)).map((language) => language.code),
    weekdays: weekdayCodes.filter((code) => usedDays.has(code)),
    /** Town names, municipalities and postal codes → [latitude, longitude], for the place box. */
    places: placeLookup(allDepartments, [...entries, ...events]),
    /** Town names to suggest in the place box: in the reader's language, and as on Danish signs. */
    towns: [...new Set(allDepartments.flatMap((department) => [placeName(department.town, lang), department.town]))].sort((a, b) => a.localeCompare(b, lang)),
  }
}

const weekdayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone })
/** The weekday an event starts on in Copenhagen, as the finder's day filter names it. */
function weekdayOf(startsAt: string): WeekdayCode {
  const short = weekdayFormat.format(new Date(startsAt)).slice(0, 2).toUpperCase()
  return weekdayCodes.find((code) => code === short) ?? 'MO'
}

export { placeKey }

function placeLookup(allDepartments: Departments, entries: { place: Place }[]) {
  const lookup: Record<string, [number, number]> = {}
  const add = (name: string | null | undefined, latitude: number | undefined, longitude: number | undefined) => {
    if (!name || latitude === undefined || longitude === undefined) return
    const key = placeKey(name)
    if (key && !(key in lookup)) lookup[key] = [latitude, longitude]
  }
  // Departments first: "Odense" means the department's town, not one activity's address.
  for (const department of allDepartments) {
    const [longitude, latitude] = department.location ?? []
    // Every language's name of the town and the municipality (core/places.ts), so "اودنسه" finds Odense.
    for (const name of [...allPlaceNames(department.town), ...allPlaceNames(department.municipality), department.address?.postalCode, department.address?.city]) {
      add(name, latitude, longitude)
    }
  }
  for (const { place } of entries) {
    for (const name of [place.postalCode, place.city]) add(name, place.latitude, place.longitude)
  }
  return lookup
}

export type FinderFilterName = 'type' | 'group' | 'region' | 'municipality' | 'lang' | 'day' | 'audience'

/**
 * CSS that lets the filters' selects work without JavaScript too (:has on the chosen option), for
 * every list inside the closest [data-finder-scope]: one rule per value, "when this option is
 * chosen, hide the items without it" (finderItemAttributes). A static site cannot answer a form
 * GET with a filtered page; the selected option can drive CSS, at once, with no request at all.
 * For the page's <head>: a <style> in the body is not valid HTML.
 */
export function finderNoScriptCss(data: Pick<Awaited<ReturnType<typeof finderData>>, 'activityTypes' | 'targetGroups' | 'regions' | 'municipalities' | 'languages' | 'weekdays'>, filters: FinderFilterName[]) {
  const attributeOf: Record<FinderFilterName, string> = { type: 'type', group: 'groups', region: 'region', municipality: 'municipality', lang: 'languages', day: 'days', audience: 'audience' }
  const valuesOf: Record<FinderFilterName, readonly string[]> = {
    type: data.activityTypes.map((activityType) => activityType.slug),
    group: data.targetGroups.map((group) => group.slug),
    region: data.regions,
    municipality: data.municipalities.map((municipality) => municipality.slug),
    lang: data.languages,
    day: data.weekdays,
    audience: ['women', 'families', 'children'] satisfies AudienceFlag[],
  }
  const cssString = (value: string) => JSON.stringify(value)
  return filters
    .flatMap((name) =>
      valuesOf[name].map(
        (value) =>
          `[data-finder-scope]:has(select[name=${cssString(name)}] option[value=${cssString(value)}]:checked) [data-finder-item]:not([data-${attributeOf[name]}~=${cssString(value)}]){display:none}`,
      ),
    )
    .join('\n')
}

/**
 * The data-* attributes the finder's script filters and sorts a list item by (scripts/finder.ts),
 * for every list that uses it: the finder's activities and the volunteer page's.
 */
export function finderItemAttributes(entry: FinderEntry) {
  const { activity, activityType, groups, department, place } = entry
  return {
    'data-finder-item': activity.slug,
    'data-type': activityType?.slug ?? '',
    'data-groups': groups.map((group) => group.slug).join(' '),
    'data-region': department.region,
    'data-municipality': entry.municipalitySlug,
    'data-department': department.slug,
    'data-languages': (activity.languages ?? []).join(' '),
    'data-days': entry.weekdays.join(' '),
    'data-audience': entry.audience.join(' '),
    'data-lat': place.latitude,
    'data-lng': place.longitude,
  }
}

export interface MapMarker {
  /** Matches the list item's data-finder-item (activities), so the finder's filters hide it too. */
  id: string
  kind: 'department' | 'activity'
  latitude: number
  longitude: number
  title: string
  href: string
}

/** Markers for departments (once each) and their activities (at their own address, or the department's). */
export function mapMarkers(lang: LocaleCode, listings: { activity: Activities[number]; department: Departments[number] }[], extraDepartments: Departments = []) {
  const markers: MapMarker[] = []
  const seen = new Set<string>()
  const addDepartment = (department: Departments[number]) => {
    const [longitude, latitude] = department.location ?? []
    if (seen.has(department.slug) || latitude === undefined || longitude === undefined) return
    seen.add(department.slug)
    markers.push({ id: department.slug, kind: 'department', latitude, longitude, title: department.name, href: localeUrl(lang, routes.department(department.slug)) })
  }
  for (const department of extraDepartments) addDepartment(department)
  for (const { activity, department } of listings) {
    addDepartment(department)
    const { latitude, longitude } = listingPlace(activity, department)
    if (latitude === undefined || longitude === undefined) continue
    markers.push({
      id: activity.slug,
      kind: 'activity',
      latitude,
      longitude,
      title: activity.title,
      href: localeUrl(lang, routes.activity(department.slug, activity.slug)),
    })
  }
  return markers
}
