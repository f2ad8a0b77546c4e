/**
 * Template keys (`region.${department.region}`) are checked by TypeScript, not cast to UIKey:
 * TypeScript types the template from the value's union, so a value without a string is an
 * error. `astro check` reads this file: it fails when a line marked @ts-expect-error compiles
 * (a wrong key went unnoticed) or when a right key stops compiling.
 */
import type { Activity, Department, Event } from '../../cms/src/payload-types'
import type { Translate } from '../src/i18n'
import { regions } from '../src/lib/schedule'

declare const t: Translate
declare const department: Department
declare const event: Event
declare const activity: Activity
declare const anyText: string

export const rightKeys = [
  t(`region.${department.region}`),
  regions.map((region) => t(`region.${region}`)),
  event.howToJoin && t(`event.howToJoin.${event.howToJoin}`),
  t(`activityPage.join.${activity.howToJoin ?? 'just-come'}`),
]

export const wrongKeys = [
  // @ts-expect-error: no such area of strings
  t(`regions.${department.region}`),
  // @ts-expect-error: 'maybe' is no way to join
  t(`activityPage.join.${activity.howToJoin ?? 'maybe'}`),
  // @ts-expect-error: null has no string (the value was not narrowed)
  t(`event.howToJoin.${event.howToJoin}`),
  // @ts-expect-error: any string could be anything
  t(`region.${anyText}`),
]
