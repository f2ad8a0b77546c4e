import { getRelativeLocaleUrl } from 'astro:i18n'

import type { LocaleCode } from '../../../core/locales'

/**
 * Paths are the same in every language (`/da/aktiviteter/lektiecafeer/`,
 * `/ar/aktiviteter/lektiecafeer/`), so the language switcher only swaps the prefix.
 */
export const routes = {
  home: () => '',
  activityTypes: () => 'aktiviteter/',
  activityType: (slug: string) => `aktiviteter/${slug}/`,
  departments: () => 'afdelinger/',
  department: (slug: string) => `afdelinger/${slug}/`,
  /** One local activity, under the department that runs it. */
  activity: (departmentSlug: string, slug: string) => `afdelinger/${departmentSlug}/${slug}/`,
  /** The activity finder, and its static filter pages (one URL per filter result, no JavaScript needed). */
  finder: () => 'find/',
  finderByType: (activityTypeSlug: string) => `find/aktivitet/${activityTypeSlug}/`,
  finderByMunicipality: (municipalitySlug: string) => `find/kommune/${municipalitySlug}/`,
  finderByRegion: (region: string) => `find/region/${region}/`,
  /** The finder's compact index, which its script filters and renders (lib/finder-index.ts). */
  finderIndex: () => 'find/finder.json',
  events: () => 'arrangementer/',
  event: (slug: string) => `arrangementer/${slug}/`,
  /** Calendar feeds (iCalendar), in the reader's language. */
  calendarAll: () => 'kalender/alle.ics',
  calendarDepartment: (slug: string) => `kalender/afdeling/${slug}.ics`,
  calendarActivityType: (slug: string) => `kalender/aktivitetstype/${slug}.ics`,
  calendarActivity: (slug: string) => `kalender/aktivitet/${slug}.ics`,
  /** One event, for "add to calendar". */
  calendarEvent: (slug: string) => `kalender/arrangement/${slug}.ics`,
  /** Signing up as a participant, or offering to help as a volunteer (forms post to the CMS). */
  signupActivity: (slug: string) => `tilmelding/${slug}/`,
  signupEvent: (slug: string) => `tilmelding/arrangement/${slug}/`,
  volunteer: () => 'frivillig/',
  volunteerActivity: (slug: string) => `frivillig/${slug}/`,
  volunteerDepartment: (slug: string) => `frivillig/afdeling/${slug}/`,
  thanks: () => 'tak/',
  thanksVolunteer: () => 'tak/frivillig/',
  thanksWaitlist: () => 'tak/venteliste/',
  thanksPlaced: () => 'tak/plads/',
  childCertificate: () => 'boerneattest/',
  search: () => 'soeg/',
  /** What the open-data export (/open-data/hsds/) is, in the reader's language. */
  openData: () => 'aabne-data/',
  /** "My activities": what the reader saved on the phone (kept there only; opens offline). */
  saved: () => 'gemte/',
  /** Printable A4 posters for a noticeboard, in the reader's language beside Danish (lib/poster.ts). */
  posterActivity: (slug: string) => `plakat/aktivitet/${slug}/`,
  posterEvent: (slug: string) => `plakat/arrangement/${slug}/`,
  posterDepartment: (slug: string) => `plakat/afdeling/${slug}/`,
  /** The web app manifest, in the reader's language. */
  manifest: () => 'manifest.json',
  page: (slug: string) => `${slug}/`,
}

export function localeUrl(lang: LocaleCode, path: string) {
  const url = getRelativeLocaleUrl(lang, path)
  // `trailingSlash: 'always'` is for pages; a file (a calendar feed) keeps its own name.
  return /\.(ics|json)$/.test(path) ? url.replace(/\/$/, '') : url
}

/** Page slugs that would collide with the fixed sections above (kept in core: the CMS refuses them too). */
export { reservedPageSlugs as reservedSlugs } from '../../../core/slug'
