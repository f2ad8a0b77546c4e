import type { Payload } from 'payload'

import type { LocaleCode } from '../../../content/locales'
import type { Activity, Department, Event } from '../payload-types'

type Localized = Record<string, string | null | undefined> | string | null | undefined

/** What a person signs up for, with the department it belongs to. */
export interface SignupTarget {
  type: 'activity' | 'event' | 'department'
  activity?: Activity['id']
  event?: Event['id']
  department: Department
  /** The title in a language, Danish when it has no translation. */
  title: (language: LocaleCode) => string
  /** Volunteers here are with children under 15: they need a børneattest. */
  worksWithChildren: boolean
  /** Where the department wants signups: the activity's contact, else the department's e-mail. */
  contactEmail?: string
}

function inLanguage(value: Localized, language: LocaleCode): string {
  if (typeof value === 'string') return value
  return value?.[language] || value?.da || ''
}

const idOf = (value: unknown) => (typeof value === 'object' && value !== null && 'id' in value ? (value as { id: number | string }).id : (value as number | string))

/** Finds a published activity, upcoming event or department by `type:slug`; undefined if there is none. */
export async function findTarget(payload: Payload, target: string): Promise<SignupTarget | undefined> {
  const match = /^(activity|event|department):([a-z0-9-]{1,120})$/.exec(target)
  if (!match) return undefined
  const [, type, slug] = match as unknown as [string, SignupTarget['type'], string]
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
    return { type, department, title: () => department.name, worksWithChildren: false, contactEmail: department.email ?? undefined }
  }
  const listing = doc as unknown as Activity & Event
  if (type === 'event') {
    const ends = new Date((listing.endsAt ?? listing.startsAt) as string).getTime()
    if (ends < Date.now()) return undefined
  }
  const department = (await payload.findByID({ collection: 'departments', id: idOf(listing.department), depth: 0, overrideAccess: true, disableErrors: true })) as Department | null
  if (!department) return undefined
  let worksWithChildren = false
  if (type === 'activity' && listing.activityType) {
    const activityType = await payload.findByID({ collection: 'activity-types', id: idOf(listing.activityType), depth: 0, overrideAccess: true, disableErrors: true })
    worksWithChildren = activityType?.worksWithChildren === true
  }
  const contact = (listing as { contact?: { email?: string | null } }).contact
  return {
    type,
    activity: type === 'activity' ? listing.id : undefined,
    event: type === 'event' ? listing.id : undefined,
    department,
    title: (language) => inLanguage(listing.title as unknown as Localized, language),
    worksWithChildren,
    contactEmail: contact?.email || department.email || undefined,
  }
}
