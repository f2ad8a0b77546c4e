// The finder's results as cards (lib/finder-card.ts) and as its compact index (lib/finder-index.ts),
// in the finder's order: by region, each region's activities (by title) and then its events.
import { comma, type LocaleCode, type Translate } from '../i18n'
import { eventTimeText } from './events'
import { fallbackLang } from './fallback'
import type { FinderCard, FinderCardText } from './finder-card'
import { compactFinderIndex, type FinderIndex } from './finder-index'
import type { FinderEntry, FinderEvent, finderData } from './finder'
import { localeUrl, routes } from './paths'
import { audienceLabel, formatOccurrence, regions } from './schedule'

export function finderCardText(lang: LocaleCode, t: Translate): FinderCardText {
  return {
    nextDate: t('finder.nextDate'),
    byAppointment: t('activityPage.byAppointment'),
    noDates: t('activityPage.noDates'),
    free: t('finder.free'),
    event: t('finder.event'),
    comma: comma(lang),
  }
}

/**
 * The finder script's messages (scripts/finder.ts reads them as the filters' data-msg-* attributes):
 * on the volunteer page in its HTML, on the finder page in its index, which the script loads first.
 * `count`: the count line, with {count} and {total}.
 */
export function finderMessages(t: Translate, count = t('finder.count')): Record<string, string> {
  return {
    msgCount: count,
    msgLocating: t('finder.nearMe.locating'),
    msgDenied: t('finder.nearMe.denied'),
    msgUnavailable: t('finder.nearMe.unavailable'),
    msgUnknown: t('finder.place.unknown'),
    msgSortedFrom: t('finder.sortedFrom'),
    msgSortedNear: t('finder.sortedNearMe'),
    msgDistance: t('finder.distance'),
  }
}

/** The town beside the department's name, when it is another. */
const cityBeside = (city: string | null | undefined, departmentName: string) => (city && city !== departmentName ? city : undefined)

const typeOf = (activityType: FinderEntry['activityType']) =>
  activityType ? { slug: activityType.slug, title: activityType.title, ...(fallbackLang(activityType, 'title') ? { lang: fallbackLang(activityType, 'title') } : {}) } : undefined

export function activityCard(lang: LocaleCode, t: Translate, entry: FinderEntry): FinderCard {
  const { activity, department, place, next } = entry
  const when = next && formatOccurrence(lang, next)
  const card: FinderCard = {
    kind: 'activity',
    id: activity.slug,
    href: localeUrl(lang, routes.activity(department.slug, activity.slug)),
    title: activity.title,
    groups: entry.groups.map((group) => group.slug),
    region: department.region,
    municipality: entry.municipalitySlug,
    department: department.slug,
    departmentName: department.name,
    languages: [...(activity.languages ?? [])],
    days: [...entry.weekdays],
    audience: [...entry.audience],
    when: when && next ? { datetime: next.start.toISOString(), date: when.date, time: when.time } : { none: activity.schedule?.byAppointment ? 'appointment' : 'noDates' },
    badges: entry.audience.map((flag) => audienceLabel(t, flag, activity)),
    free: activity.free !== false,
  }
  return withOptional(card, { titleLang: fallbackLang(activity, 'title'), type: typeOf(entry.activityType), city: cityBeside(place.city, department.name), latitude: place.latitude, longitude: place.longitude })
}

export function eventCard(lang: LocaleCode, entry: FinderEvent): FinderCard {
  const { event, department, place } = entry
  const card: FinderCard = {
    kind: 'event',
    id: `event:${event.slug}`,
    href: localeUrl(lang, routes.event(event.slug)),
    title: event.title,
    groups: entry.groups.map((group) => group.slug),
    region: department.region,
    municipality: entry.municipalitySlug,
    department: department.slug,
    departmentName: department.name,
    languages: [...(event.languages ?? [])],
    days: [entry.weekday],
    audience: [],
    when: { datetime: event.startsAt, date: eventTimeText(lang, event).start },
  }
  return withOptional(card, { titleLang: fallbackLang(event, 'title'), type: typeOf(entry.activityType), city: cityBeside(place.city, department.name), latitude: place.latitude, longitude: place.longitude })
}

/** Sets only the optional fields that have a value, so a card equals itself after a trip through the index. */
function withOptional(card: FinderCard, optional: Partial<FinderCard>) {
  for (const [key, value] of Object.entries(optional)) if (value !== undefined && value !== null) Object.assign(card, { [key]: value })
  return card
}

/** Activities and upcoming events as cards, in the finder's order. */
export function finderCards(lang: LocaleCode, t: Translate, entries: FinderEntry[], events: FinderEvent[]): FinderCard[] {
  return regions.flatMap((region) => [
    ...entries.filter((entry) => entry.department.region === region).map((entry) => activityCard(lang, t, entry)),
    ...events.filter((entry) => entry.department.region === region).map((entry) => eventCard(lang, entry)),
  ])
}

/** The finder's compact index of one language. */
export function finderIndex(lang: LocaleCode, t: Translate, data: Awaited<ReturnType<typeof finderData>>): FinderIndex {
  const departmentPoints: Record<string, [number, number] | undefined> = {}
  for (const department of data.departments) {
    const [longitude, latitude] = department.location ?? []
    departmentPoints[department.slug] = latitude === undefined || longitude === undefined ? undefined : [latitude, longitude]
  }
  return compactFinderIndex(finderCards(lang, t, data.entries, data.events), {
    u: [localeUrl(lang, routes.activity('{d}', '{s}')), localeUrl(lang, routes.event('{s}')), localeUrl(lang, routes.department('{d}'))],
    m: data.regions.flatMap((region) =>
      data.municipalities.filter((municipality) => municipality.region === region).map((municipality): [string, string, string, 1?] => (municipality.label === municipality.name ? [municipality.slug, municipality.label, region, 1] : [municipality.slug, municipality.label, region])),
    ),
    p: data.places,
    w: data.towns,
    c: finderCardText(lang, t),
    t: finderMessages(t),
    departmentPoints,
  })
}
