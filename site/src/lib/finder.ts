import { spokenLanguages } from '../../../content/languages'
import type { LocaleCode } from '../i18n'
import { activities, activityTypes, departments, relationId, targetGroups } from './data'
import { localeUrl, routes } from './paths'
import { listingPlace, type Place } from './place'
import { audienceFlags, finderWeekdays, nextDates, placeSlug, regions, weekdayCodes, type AudienceFlag, type Occurrence, type WeekdayCode } from './schedule'

type Activities = Awaited<ReturnType<typeof activities>>
type Departments = Awaited<ReturnType<typeof departments>>
type ActivityTypes = Awaited<ReturnType<typeof activityTypes>>
type TargetGroups = Awaited<ReturnType<typeof targetGroups>>

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

export interface Municipality {
  slug: string
  name: string
  region: Departments[number]['region']
}

/** Everything the finder pages need for one language, computed once per build and language. */
const cache = new Map<LocaleCode, Promise<Awaited<ReturnType<typeof load>>>>()
export function finderData(lang: LocaleCode) {
  if (!cache.has(lang)) cache.set(lang, load(lang))
  return cache.get(lang)!
}

async function load(lang: LocaleCode) {
  const [allActivities, allDepartments, types, allGroups] = await Promise.all([
    activities(lang),
    departments(lang),
    activityTypes(lang),
    targetGroups(lang),
  ])
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
        next: nextDates(activity, 1)[0],
        // The weekdays in force, and those of a planned change within the finder's horizon.
        weekdays: finderWeekdays(activity),
        audience: audienceFlags(activity),
      },
    ]
  })

  const municipalities = new Map<string, Municipality>()
  for (const { department, municipalitySlug } of entries) {
    municipalities.set(municipalitySlug, { slug: municipalitySlug, name: department.municipality, region: department.region })
  }
  const usedLanguages = new Set(entries.flatMap(({ activity }) => activity.languages ?? []))
  const usedGroups = new Set(entries.flatMap(({ groups }) => groups.map((group) => group.id)))
  const usedDays = new Set(entries.flatMap(({ weekdays }) => weekdays))

  return {
    entries,
    departments: allDepartments,
    activityTypes: types.filter((activityType) => entries.some((entry) => entry.activityType?.id === activityType.id)),
    allActivityTypes: types,
    targetGroups: allGroups.filter((group) => usedGroups.has(group.id)),
    regions: regions.filter((region) => entries.some((entry) => entry.department.region === region)),
    municipalities: [...municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')),
    languages: spokenLanguages.filter((language) => usedLanguages.has(language.code)).map((language) => language.code),
    weekdays: weekdayCodes.filter((code) => usedDays.has(code)),
    /** Town names, municipalities and postal codes → [latitude, longitude], for the place box. */
    places: placeLookup(allDepartments, entries),
  }
}

/** Lowercase, Danish letters spelled out, accents and punctuation gone: "Holbæk" → "holbaek". */
export function placeKey(text: string) {
  return placeSlug(text).replace(/-/g, ' ')
}

function placeLookup(allDepartments: Departments, entries: FinderEntry[]) {
  const lookup: Record<string, [number, number]> = {}
  const add = (name: string | null | undefined, latitude: number | undefined, longitude: number | undefined) => {
    if (!name || latitude === undefined || longitude === undefined) return
    const key = placeKey(name)
    if (key && !(key in lookup)) lookup[key] = [latitude, longitude]
  }
  // Departments first: "Odense" means the department's town, not one activity's address.
  for (const department of allDepartments) {
    const [longitude, latitude] = department.location ?? []
    for (const name of [department.town, department.municipality, department.address?.postalCode, department.address?.city]) {
      add(name, latitude, longitude)
    }
  }
  for (const { place } of entries) {
    for (const name of [place.postalCode, place.city]) add(name, place.latitude, place.longitude)
  }
  return lookup
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
