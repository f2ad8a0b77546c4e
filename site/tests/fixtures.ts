/**
 * Documents as the site's loaders hand them to pages: the CMS's generated types
 * (cms/src/payload-types.ts), published, with the seed's demo values (content/demo/departments/
 * holbaek.md and koebenhavn.md, content/activity-types, content/target-groups). IDs are fixed
 * numbers, as Payload gives them on SQLite.
 */
import type { Activity, ActivityType, Department, Event, TargetGroup } from '../../cms/src/payload-types'
import type { LocaleCode } from '../../core/locales'
import { buildRules, type ScheduleForm } from '../../core/schedule'
import type { Localized } from '../src/lib/cms/localized'

/** The build's "now" in this suite (SITE_NOW in vitest.config.ts): Monday 22 March 2027, the week before summer time starts. */
export const now = new Date('2027-03-22T09:00:00.000Z')
export const site = new URL('https://integration.example.org/')

const published = {
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
  _status: 'published',
  translationStatus: 'original',
} as const

/** One language's view of a document, as `lib/data.ts` returns it. */
export const localized = <T extends object>(document: T, locale: LocaleCode = 'da', fallbackFields: string[] = []): Localized<T> => ({ ...document, locale, fallbackFields })

const group = (id: number, slug: string, title: string, order: number): TargetGroup => ({ id, slug, title, order, ...published })

export const targetGroups = {
  boern: group(11, 'boern-i-folkeskolealderen', 'Børn i folkeskolealderen', 3),
  flygtninge: group(12, 'flygtninge-og-indvandrere', 'Flygtninge og indvandrere', 5),
  danskere: group(13, 'danskere', 'Danskere', 6),
  familier: group(14, 'familier', 'Familier', 7),
  unge: group(15, 'unge', 'Unge', 9),
} satisfies Record<string, TargetGroup>

const type = (id: number, slug: string, title: string, order: number, groups: TargetGroup[], worksWithChildren: boolean): ActivityType => ({
  id,
  slug,
  title,
  summary: `${title}: kort beskrivelse.`,
  order,
  targetGroups: groups.map((targetGroup) => targetGroup.id),
  worksWithChildren,
  ...published,
})

export const activityTypes = {
  lektiecafeer: type(21, 'lektiecafeer', 'Lektiecaféer', 3, [targetGroups.boern], true),
  cafeer: type(22, 'cafeer-for-flygtninge-og-indvandrere', 'Caféer for flygtninge og indvandrere', 5, [targetGroups.flygtninge, targetGroups.danskere], false),
  ture: type(23, 'ture-og-familielejre', 'Ture og familielejre', 7, [targetGroups.familier, targetGroups.flygtninge], true),
  foraeldremyndighed: type(24, 'midlertidig-foraeldremyndighedsindehaver', 'Midlertidig forældremyndighedsindehaver', 8, [], true),
} satisfies Record<string, ActivityType>

export const departments = {
  holbaek: {
    id: 1,
    slug: 'holbaek',
    name: 'Røde Kors Holbæk',
    town: 'Holbæk',
    municipality: 'Holbæk',
    region: 'sjaelland',
    location: [11.7128, 55.7175],
    address: { street: 'Demogade 14 (demo)', postalCode: '4300', city: 'Holbæk' },
    email: 'holbaek@example.org',
    isDemo: true,
    ...published,
  },
  koebenhavn: {
    id: 2,
    slug: 'koebenhavn',
    name: 'Røde Kors København',
    town: 'København',
    municipality: 'København',
    region: 'hovedstaden',
    location: [12.5683, 55.6761],
    address: { street: 'Eksempelvej 12 (demo)', postalCode: '1550', city: 'København V' },
    email: 'koebenhavn@example.org',
    phone: '+45 12 34 56 78',
    isDemo: true,
    ...published,
  },
} satisfies Record<string, Department>

type ActivitySchedule = NonNullable<Activity['schedule']>

/**
 * An activity as the CMS stores it: its schedule's rules filled in the way the CMS's schedule
 * field does on save (cms/src/fields/schedule.ts), the series anchored on `savedOn`.
 */
export function activity(fields: Omit<Activity, 'createdAt' | 'updatedAt'>, savedOn = '2026-09-01'): Activity {
  const schedule = fields.schedule ? withRules(fields.schedule, savedOn) : undefined
  return { howToJoin: 'just-come', free: true, lastConfirmedAt: '2027-03-01T11:00:00.000Z', ...fields, ...(schedule ? { schedule } : {}), ...published }
}

function withRules(schedule: ActivitySchedule, savedOn: string): ActivitySchedule {
  const { current, next } = buildRules(schedule as ScheduleForm, { startDay: savedOn })
  return { ...schedule, rrule: current, ...(schedule.nextPeriod ? { nextPeriod: { ...schedule.nextPeriod, rrule: next } } : {}) }
}

export const activities = {
  holbaekLektiecafe: activity({
    id: 101,
    slug: 'holbaek-lektiecafe',
    title: 'Lektiecafé for skolebørn',
    summary: 'Frivillige hjælper børn med lektier og læsning efter skole.',
    department: departments.holbaek.id,
    activityType: activityTypes.lektiecafeer.id,
    schedule: { weekdays: ['MO', 'TH'], frequency: 'weekly', startTime: '15:00', endTime: '17:00' },
    languages: ['da', 'ar', 'uk'],
    audience: { children: true, ageMin: 6, ageMax: 16 },
  }),
  holbaekUngecafe: activity({
    id: 102,
    slug: 'holbaek-ungecafe',
    title: 'Ungecafé for unge mellem 15 og 25 år',
    summary: 'Et mødested for unge nydanskere og danskere med spil, snak og fællesspisning.',
    department: departments.holbaek.id,
    activityType: activityTypes.cafeer.id,
    schedule: { weekdays: ['WE'], frequency: 'weekly', startTime: '17:00', endTime: '20:00' },
    languages: ['da', 'en', 'ar', 'fa', 'prs'],
    targetGroups: [targetGroups.unge.id, targetGroups.flygtninge.id, targetGroups.danskere.id],
    venue: 'Ungdomshuset',
    address: { street: 'Demovej 2 (demo)', postalCode: '4300', city: 'Holbæk' },
  }),
  holbaekForaeldremyndighed: activity({
    id: 103,
    slug: 'holbaek-foraeldremyndighed',
    title: 'Bliv midlertidig forældremyndighedsindehaver',
    summary: 'Frivillige varetager forældremyndigheden for uledsagede mindreårige flygtninge.',
    department: departments.holbaek.id,
    activityType: activityTypes.foraeldremyndighed.id,
    schedule: { byAppointment: true },
    languages: ['da', 'prs', 'ps', 'ti', 'ar'],
    howToJoin: 'contact',
  }),
  koebenhavnLektiecafe: activity({
    id: 201,
    slug: 'koebenhavn-lektiecafe',
    title: 'Lektiecafé på Nørrebro',
    summary: 'Frivillige hjælper skolebørn med lektier, læsning og matematik.',
    department: departments.koebenhavn.id,
    activityType: activityTypes.lektiecafeer.id,
    schedule: { weekdays: ['MO', 'WE'], frequency: 'weekly', startTime: '15:00', endTime: '17:00' },
    languages: ['da', 'ar', 'uk'],
    audience: { children: true, ageMin: 6, ageMax: 16 },
    address: { street: 'Demogade 3 (demo)', postalCode: '2200', city: 'København N' },
    // Not in the seed: a map point of its own, to tell it from its department's.
    location: [12.5496, 55.6942],
  }),
} satisfies Record<string, Activity>

/** The homework café on Mondays 15–17, moving to Tuesdays 16–18 on `changesOn` (stored as Payload stores a day: noon in Copenhagen). */
export const movingLektiecafe = (changesOn: string, exceptions: string[] = []) =>
  activity({
    id: 110,
    slug: 'holbaek-lektiecafe-flytter',
    title: 'Lektiecafé',
    department: departments.holbaek.id,
    activityType: activityTypes.lektiecafeer.id,
    schedule: {
      weekdays: ['MO'],
      frequency: 'weekly',
      startTime: '15:00',
      endTime: '17:00',
      nextPeriod: { changesOn, weekdays: ['TU'], frequency: 'weekly', startTime: '16:00', endTime: '18:00' },
      exceptions: exceptions.map((date) => ({ date })),
    },
  })

export const events = {
  holbaekUngetur: {
    id: 301,
    slug: 'holbaek-ungetur',
    title: 'Ungetur til forlystelsespark',
    summary: 'En dag med oplevelser for deltagerne i ungecaféen.',
    // Saturday 3 April 2027, 09:00–18:00 in Copenhagen (summer time).
    startsAt: '2027-04-03T07:00:00.000Z',
    endsAt: '2027-04-03T16:00:00.000Z',
    department: departments.holbaek.id,
    activityType: activityTypes.ture.id,
    venue: 'Holbæk Station',
    address: { street: 'Demoperron (demo)', postalCode: '4300', city: 'Holbæk' },
    howToJoin: 'sign-up',
    free: true,
    isDemo: true,
    ...published,
  },
  holbaekInfomoede: {
    id: 302,
    slug: 'holbaek-infomoede-frivillige',
    title: 'Informationsmøde for nye frivillige',
    summary: 'Hør om lektiecaféen og ungecaféen, og mød de andre frivillige.',
    // Wednesday 31 March 2027, 19:00–20:30 in Copenhagen.
    startsAt: '2027-03-31T17:00:00.000Z',
    endsAt: '2027-03-31T18:30:00.000Z',
    department: departments.holbaek.id,
    howToJoin: 'just-come',
    isDemo: true,
    ...published,
  },
} satisfies Record<string, Event>

/** Everything above in one language, as the finder reads it. */
export function content(lang: LocaleCode = 'da') {
  return {
    activities: Object.values(activities).map((document) => localized(document, lang)),
    departments: Object.values(departments).map((document) => localized<Department>(document, lang)),
    activityTypes: Object.values(activityTypes).map((document) => localized(document, lang)),
    targetGroups: Object.values(targetGroups).map((document) => localized(document, lang)),
    events: Object.values(events).map((document) => localized<Event>(document, lang)),
  }
}
