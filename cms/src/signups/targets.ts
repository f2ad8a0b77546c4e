import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

import { relationId } from '../../../core/relation'
import type { LocaleCode } from '../../../core/locales'
import { parseSignupTarget, type SignupListing, type SignupTargetType } from '../../../core/signups'
import type { Activity, Department, Event } from '../payload-types'
import { redis } from '../lib/redis'
import { type Listing, listingOf } from './messages'

type Localized = Record<string, string | null | undefined> | string | null | undefined

/** What a person signs up for, with the department it belongs to. */
export interface SignupTarget {
  type: SignupTargetType
  activity?: Activity['id']
  event?: Event['id']
  department: Department
  /** The title in a language, Danish when it has no translation. */
  title: (language: LocaleCode) => string
  /** Volunteers here are with children under 15: they need a børneattest. */
  worksWithChildren: boolean
  /** Where the department wants signups: the activity's contact, else the department's e-mail. */
  contactEmail?: string
  /** How to join and whether volunteers are wanted: which forms the site offers for it. */
  listing: SignupListing
  /** Activities and events: the number of places (null: no limit; signups/places.ts). */
  capacity?: number | null
  /** Activities and events: what a participant's confirmation tells about it (messages.ts), from the same read. */
  details?: Listing
}

function inLanguage(value: Localized, language: LocaleCode): string {
  if (typeof value === 'string') return value
  return value?.[language] || value?.da || ''
}

/** A target as stored: whether an event is still upcoming is decided when it is used. */
interface CachedTarget {
  target: SignupTarget
  /** Events only: after this moment the event is over and takes no more signups. */
  endsAt?: number
}

/**
 * Every signup looks up its target (one to three queries), and a popular activity gets many in a
 * row: the answers are kept for a short while. Any change to departments, activities, events or
 * activity types forgets them all (forgetSignupTargets), so publishing, unpublishing or editing
 * takes effect at once; the time limit covers changes made outside the CMS (a seed script).
 * Only found targets are kept, and at most maxCached of them. Lookups in flight are shared, so a
 * burst of signups for one target costs one lookup.
 *
 * With REDIS_URL set, several CMS instances forget together: a change counts up a generation
 * number in Redis, and each lookup first reads it (one round trip), so an edit saved on one
 * instance is seen by the next signup on any other. The targets themselves stay in each
 * process (they hold functions, and a lookup costs less than shipping them around).
 */
const cacheMs = 60_000
const maxCached = 1_000
const generationKey = 'signup-targets:generation'
const state = globalThis as typeof globalThis & {
  __signupTargets?: TargetCache
}
interface TargetCache {
  entries: Map<string, { expires: number; lookup: Promise<CachedTarget | undefined> }>
  generation: number
  /** The generation in Redis this process last saw. */
  shared?: string | null
}
const cache: TargetCache = (state.__signupTargets ??= { entries: new Map(), generation: 0 })

function forgetHere(): void {
  cache.entries.clear()
  cache.generation++
}

/** Forgets every cached target (also lookups still in flight, which may have read the old state), on every instance. */
export async function forgetSignupTargets(payload?: Payload): Promise<void> {
  forgetHere()
  try {
    await redis()?.incr(generationKey)
  } catch (error) {
    // The edit is saved; other instances keep their copy until it expires (cacheMs).
    payload?.logger.warn(`Signup targets not forgotten on other CMS instances (Redis: ${error instanceof Error ? error.message : String(error)})`)
  }
}

/** Whether the cache may be used: with Redis, after forgetting here what another instance forgot. */
async function inStepWithOtherInstances(): Promise<boolean> {
  const client = redis()
  if (!client) return true
  try {
    const shared = await client.get(generationKey)
    if (shared !== cache.shared) {
      forgetHere()
      cache.shared = shared
    }
    return true
  } catch {
    return false
  }
}

/** Hooks for the collections a target is made of. */
export const forgetSignupTargetsAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await forgetSignupTargets(req.payload)
  return doc
}
export const forgetSignupTargetsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await forgetSignupTargets(req.payload)
  return doc
}

/** Finds a published activity, upcoming event or department by `type:slug`; undefined if there is none. */
export async function findTarget(payload: Payload, target: string, now = Date.now()): Promise<SignupTarget | undefined> {
  // Redis away: ask the database rather than trust what may have been forgotten elsewhere.
  if (!(await inStepWithOtherInstances())) return usable(await lookUpTarget(payload, target), now)
  let entry = cache.entries.get(target)
  if (!entry || entry.expires <= now) {
    const generation = cache.generation
    const lookup = lookUpTarget(payload, target)
    entry = { expires: now + cacheMs, lookup }
    cache.entries.set(target, entry)
    const stored = entry
    const forget = () => {
      if (cache.entries.get(target) === stored) cache.entries.delete(target)
    }
    lookup.then((found) => {
      // Not found, or something changed while we looked: ask the database again next time.
      if (!found || generation !== cache.generation) forget()
    }, forget)
    if (cache.entries.size > maxCached) cache.entries.delete(cache.entries.keys().next().value!)
  }
  return usable(await entry.lookup, now)
}

function usable(found: CachedTarget | undefined, now: number): SignupTarget | undefined {
  if (!found || (found.endsAt !== undefined && found.endsAt < now)) return undefined
  return found.target
}

async function lookUpTarget(payload: Payload, target: string): Promise<CachedTarget | undefined> {
  const parsed = parseSignupTarget(target)
  if (!parsed) return undefined
  const { type, slug } = parsed
  const collection = type === 'activity' ? 'activities' : type === 'event' ? 'events' : 'departments'
  const { docs } = await payload.find({
    collection,
    where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    locale: 'all',
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const doc = docs[0] as unknown as (Activity | Event | Department) & Record<string, unknown>
  if (!doc) return undefined
  if (type === 'department') {
    const department = doc as Department
    return { target: { type, department, title: () => department.name, worksWithChildren: false, contactEmail: department.email ?? undefined, listing: {} } }
  }
  const listing = doc as unknown as Activity & Event
  const endsAt = type === 'event' ? new Date((listing.endsAt ?? listing.startsAt) as string).getTime() : undefined
  if (endsAt !== undefined && endsAt < Date.now()) return undefined
  const department = (await payload.findByID({ collection: 'departments', id: relationId(listing.department)!, depth: 0, overrideAccess: true, disableErrors: true })) as Department | null
  if (!department) return undefined
  let worksWithChildren = false
  if (type === 'activity' && listing.activityType) {
    const activityType = await payload.findByID({ collection: 'activity-types', id: relationId(listing.activityType)!, depth: 0, overrideAccess: true, disableErrors: true })
    worksWithChildren = activityType?.worksWithChildren === true
  }
  const contact = (listing as { contact?: { email?: string | null } }).contact
  return {
    endsAt,
    target: {
      type,
      activity: type === 'activity' ? listing.id : undefined,
      event: type === 'event' ? listing.id : undefined,
      department,
      title: (language) => inLanguage(listing.title as unknown as Localized, language),
      worksWithChildren,
      contactEmail: contact?.email || department.email || undefined,
      listing: { howToJoin: listing.howToJoin, volunteersWanted: (listing as { volunteersWanted?: boolean | null }).volunteersWanted },
      capacity: listing.capacity ?? null,
      details: listingOf(type, listing as unknown as (Activity | Event) & Record<string, unknown>, department),
    },
  }
}
