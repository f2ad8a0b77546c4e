// The finder's compact index (`/<lang>/find/finder.json`, pages/[lang]/find/finder.json.ts): what
// its script filters, sorts and renders, with short keys and each department, activity type and
// target group written once. The finder page carries only the first few results; the script
// loads this instead of reading a list of every activity from the HTML. No Astro imports: the
// browser reads it with `expandFinderIndex`.
import type { FinderCard, FinderCardText } from './finder-card'
import type { MapMarker } from './finder'

/** One result: an activity, or (`k: 1`) an upcoming event. */
export interface CompactCard {
  k?: 1
  /** Slug. */
  s: string
  /** Index into `d`. */
  d: number
  t: string
  /** The title's language when it fell back to Danish. */
  tl?: string
  /** Index into `y`. */
  y?: number
  /** Indexes into `g`. */
  g?: number[]
  l?: string[]
  /** Weekday codes, space-separated. */
  w?: string
  /** Audience flags, space-separated. */
  a?: string
  /** The town, when it is not the department's name. */
  c?: string
  /** [latitude, longitude] when not the department's. */
  x?: [number, number]
  /** [datetime, date, time] of the next meeting or the event's start; 'a' by appointment; 'n' no dates. */
  n?: [string, string, string?] | 'a' | 'n'
  /** Audience badges. */
  b?: string[]
  /** Free. */
  f?: 1
}

export interface FinderIndex {
  v: 1
  /** Page addresses of an activity, an event and a department, with `{d}` (department) and `{s}` (slug). */
  u: [string, string, string]
  /** Departments: [slug, name, region, municipality slug, latitude, longitude]. */
  d: [string, string, string, string, number?, number?][]
  /** Activity types: [slug, title, lang when it fell back]. */
  y: [string, string, string?][]
  /** Target group slugs. */
  g: string[]
  /** The results in the finder's order (by region; activities by title, then events by date). */
  r: CompactCard[]
  /** The municipality filter's options: [slug, label, region, 1 when the label is the Danish name]. */
  m: [string, string, string, 1?][]
  /** Town names, municipalities and postal codes → [latitude, longitude], for the place box. */
  p: Record<string, [number, number]>
  /** Town names to suggest in the place box. */
  w: string[]
  /** The fixed words of a card (the page's first cards were written with the same). */
  c: FinderCardText
  /** The script's messages, in the reader's language: FinderMessages, as the filters' data-* attributes name them. */
  t: Record<string, string>
}

/** The index of some cards (in order), their departments, types and groups written once. */
export function compactFinderIndex(cards: FinderCard[], extra: Pick<FinderIndex, 'u' | 'm' | 'p' | 'w' | 'c' | 't'> & { departmentPoints: Record<string, [number, number] | undefined> }): FinderIndex {
  const departments = new Map<string, number>()
  const types = new Map<string, number>()
  const groups = new Map<string, number>()
  const index: FinderIndex = { v: 1, u: extra.u, d: [], y: [], g: [], r: [], m: extra.m, p: extra.p, w: extra.w, c: extra.c, t: extra.t }
  const at = <K>(map: Map<K, number>, key: K, add: () => void) => {
    if (!map.has(key)) {
      map.set(key, map.size)
      add()
    }
    return map.get(key)!
  }
  for (const card of cards) {
    const point = extra.departmentPoints[card.department]
    const d = at(departments, card.department, () => index.d.push([card.department, card.departmentName, card.region, card.municipality, ...(point ?? [])]))
    const compact: CompactCard = { s: card.kind === 'event' ? card.id.replace(/^event:/, '') : card.id, d, t: card.title }
    if (card.kind === 'event') compact.k = 1
    if (card.titleLang) compact.tl = card.titleLang
    const type = card.type
    if (type) compact.y = at(types, type.slug, () => index.y.push(type.lang ? [type.slug, type.title, type.lang] : [type.slug, type.title]))
    if (card.groups.length) compact.g = card.groups.map((slug) => at(groups, slug, () => index.g.push(slug)))
    if (card.languages.length) compact.l = card.languages
    if (card.days.length) compact.w = card.days.join(' ')
    if (card.audience.length) compact.a = card.audience.join(' ')
    if (card.city) compact.c = card.city
    if (card.latitude !== undefined && card.longitude !== undefined && (card.latitude !== point?.[0] || card.longitude !== point?.[1])) compact.x = [card.latitude, card.longitude]
    const when = card.when
    compact.n = 'datetime' in when ? (when.time === undefined ? [when.datetime, when.date] : [when.datetime, when.date, when.time]) : when.none === 'appointment' ? 'a' : 'n'
    if (card.badges?.length) compact.b = card.badges
    if (card.free) compact.f = 1
    index.r.push(compact)
  }
  return index
}

/** The cards of an index, as `compactFinderIndex` was given them. */
export function expandFinderIndex(index: FinderIndex): FinderCard[] {
  return index.r.map((compact) => {
    const [department, departmentName, region, municipality, latitude, longitude] = index.d[compact.d]!
    const event = compact.k === 1
    const type = compact.y === undefined ? undefined : index.y[compact.y]!
    const point = compact.x ?? (latitude === undefined || longitude === undefined ? undefined : [latitude, longitude])
    const n = compact.n
    const card: FinderCard = {
      kind: event ? 'event' : 'activity',
      id: event ? `event:${compact.s}` : compact.s,
      href: index.u[event ? 1 : 0].replace('{d}', department).replace('{s}', compact.s),
      title: compact.t,
      groups: (compact.g ?? []).map((n) => index.g[n]!),
      region,
      municipality,
      department,
      departmentName,
      languages: compact.l ?? [],
      days: compact.w ? compact.w.split(' ') : [],
      audience: compact.a ? compact.a.split(' ') : [],
      when: Array.isArray(n) ? { datetime: n[0], date: n[1], ...(n[2] === undefined ? {} : { time: n[2] }) } : { none: n === 'a' ? 'appointment' : 'noDates' },
    }
    if (compact.tl) card.titleLang = compact.tl
    if (type) card.type = type[2] ? { slug: type[0], title: type[1], lang: type[2] } : { slug: type[0], title: type[1] }
    if (compact.c) card.city = compact.c
    if (point) [card.latitude, card.longitude] = point
    if (!event) {
      card.badges = compact.b ?? []
      card.free = compact.f === 1
    }
    return card
  })
}

/** A map marker (components/Map.astro), as lib/finder.ts's mapMarkers makes them from the same listings. */
export type IndexMapMarker = MapMarker

/** The finder map's markers: each listed activity's department (once) and the activity at its own place. */
export function markersFromIndex(index: FinderIndex): IndexMapMarker[] {
  const markers: IndexMapMarker[] = []
  const seen = new Set<number>()
  for (const compact of index.r) {
    if (compact.k === 1) continue
    const [department, name, , , latitude, longitude] = index.d[compact.d]!
    if (!seen.has(compact.d) && latitude !== undefined && longitude !== undefined) {
      markers.push({ id: department, kind: 'department', latitude, longitude, title: name, href: index.u[2].replace('{d}', department) })
    }
    seen.add(compact.d)
    const point = compact.x ?? (latitude === undefined || longitude === undefined ? undefined : [latitude, longitude])
    if (!point) continue
    markers.push({ id: compact.s, kind: 'activity', latitude: point[0], longitude: point[1], title: compact.t, href: index.u[0].replace('{d}', department).replace('{s}', compact.s) })
  }
  return markers
}
