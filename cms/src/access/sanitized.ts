import type {
  Access,
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  Endpoint,
  Field,
  FieldAccess,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedConfig,
  Where,
} from 'payload'
import { Forbidden, NotFound } from 'payload'

import { relationId } from '../../../core/relation'
import { redactServerPaths } from '../lib/redactPaths'
import { refuseHiddenQueryPaths, refuseMalformedIds } from './queryPaths'

/**
 * What has to be set on the sanitized config: access for what Payload adds itself while
 * sanitizing (the document-lock collection, the sessions field of auth collections), and for
 * every collection, these included, the query-path and id guards (queryPaths.ts) and a 404 for
 * versions where a collection has none. None of these can be configured where a collection is
 * written, and a `plugins` function runs before sanitizing, when they do not exist yet; so this
 * runs after it (payload.config.ts: `buildConfig(...).then(hardenAccess)`). The build log's
 * server paths are taken out here too, to leave site-build/ to the publishing pipeline.
 */
export function hardenAccess(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.auth) restrictSessions(collection)
    if (collection.slug === lockedDocumentsSlug) restrictLockedDocuments(collection)
    if (collection.slug === 'site-builds') redactBuildTexts(collection)
    if (!collection.versions && Array.isArray(collection.endpoints)) collection.endpoints = [...noVersions, ...collection.endpoints]
    collection.hooks = {
      ...collection.hooks,
      beforeOperation: [refuseMalformedIds, refuseHiddenQueryPaths, ...(collection.hooks?.beforeOperation ?? [])],
    }
  }
  return config
}

type Id = number | string

/** A collection without versions has none to list, read or restore (Payload answered 500). */
const versionsNotFound: Endpoint['handler'] = (req) => {
  throw new NotFound(req.t)
}
const noVersions: Endpoint[] = [
  { path: '/versions', method: 'get', handler: versionsNotFound },
  { path: '/versions/:id', method: 'get', handler: versionsNotFound },
  { path: '/versions/:id', method: 'post', handler: versionsNotFound },
]

/**
 * Payload's `sessions` field is readable when `user?.id === doc?.id`, which is true for an
 * anonymous visitor when a query is checked without a document (undefined === undefined): a
 * `where` on `createdBy.sessions.id` then worked as an oracle for session ids. Only the user
 * themselves, logged in, reads their sessions.
 */
const readOwnSessions: FieldAccess = ({ req: { user }, doc }) =>
  Boolean(user) && doc !== undefined && doc !== null && String(user!.id) === String((doc as { id?: Id }).id)

function restrictSessions(collection: SanitizedCollectionConfig): void {
  const lists: Field[][] = [collection.fields, collection.flattenedFields as unknown as Field[]]
  for (const fields of lists) {
    for (const field of fields) {
      if ('name' in field && field.name === 'sessions' && field.type === 'array') field.access = { ...field.access, read: readOwnSessions }
    }
  }
}

export const lockedDocumentsSlug = 'payload-locked-documents'

/** Locks are of no interest to the public, and nobody holds a lock on behalf of someone else. */
const nothing: Where = { id: { exists: false } }

/**
 * The locks on documents this user may update: for each lockable collection, Payload's own
 * `update` access decides (true: all its locks; a constraint: the locks on the documents matching
 * it; false: none), and likewise for globals. A department editor thus sees, takes over and
 * releases locks on their own department's documents only, and never learns who is editing
 * another department's draft.
 */
async function locksOnUpdatableDocuments(req: PayloadRequest): Promise<Where> {
  const { payload, user } = req
  if (!user) return nothing
  const allowed: Where[] = []
  for (const collection of payload.config.collections) {
    if (collection.lockDocuments === false || collection.slug === lockedDocumentsSlug) continue
    const access = collection.access.update
    const result = access ? await access({ req }) : Boolean(user)
    if (result === true) {
      allowed.push({ 'document.relationTo': { equals: collection.slug } })
    } else if (result && typeof result === 'object') {
      const { docs } = await payload.find({
        collection: collection.slug as CollectionSlug,
        where: result,
        depth: 0,
        pagination: false,
        limit: 0,
        draft: true,
        overrideAccess: true,
        req,
      })
      if (docs.length) allowed.push({ and: [{ 'document.relationTo': { equals: collection.slug } }, { 'document.value': { in: docs.map(({ id }) => id) } }] })
    }
  }
  for (const global of payload.config.globals) {
    if (global.lockDocuments === false) continue
    const access = global.access.update
    if (access && (await access({ req })) === true) allowed.push({ globalSlug: { equals: global.slug } })
  }
  return allowed.length ? { or: allowed } : nothing
}

const locksTheUserMayTouch: Access = ({ req }) => (req.user ? locksOnUpdatableDocuments(req) : false)

interface LockData {
  document?: { relationTo?: string; value?: Id | { id: Id } } | null
  globalSlug?: string | null
  user?: { relationTo?: string; value?: Id | { id: Id } } | null
}

/**
 * A lock being created or changed over the API must be held by the sender and be on a document
 * (or global) the sender may update. Payload's own lock handling in the admin writes through
 * the database adapter and does not pass here; the Local API without a user (seeds, tests) is trusted.
 */
const guardLock: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.user) return data
  const lock = { ...(originalDoc as LockData | undefined), ...(data as LockData) }
  const holder = lock.user
  if (!holder || holder.relationTo !== req.user.collection || String(relationId(holder.value)) !== String(req.user.id)) throw new Forbidden(req.t)
  if (!lockMatches(await locksOnUpdatableDocuments(req), lock)) throw new Forbidden(req.t)
  return data
}

/** Whether the lock's target is among the allowed ones (the constraint built above, evaluated in memory). */
function lockMatches(allowed: Where, lock: LockData): boolean {
  const relationTo = lock.document?.relationTo
  const value = relationId(lock.document?.value ?? undefined)
  const clauses = (allowed.or as Where[] | undefined) ?? []
  return clauses.some((clause) => {
    if (lock.globalSlug) return (clause.globalSlug as { equals?: string } | undefined)?.equals === lock.globalSlug
    if (!relationTo || value === undefined) return false
    const whole = clause['document.relationTo'] as { equals?: string } | undefined
    if (whole) return whole.equals === relationTo
    const [slug, ids] = (clause.and as Where[] | undefined) ?? []
    return (
      (slug?.['document.relationTo'] as { equals?: string } | undefined)?.equals === relationTo &&
      ((ids?.['document.value'] as { in?: Id[] } | undefined)?.in ?? []).some((id) => String(id) === String(value))
    )
  })
}

function restrictLockedDocuments(collection: SanitizedCollectionConfig): void {
  collection.access = {
    ...collection.access,
    read: locksTheUserMayTouch,
    create: ({ req: { user } }) => Boolean(user),
    update: locksTheUserMayTouch,
    delete: locksTheUserMayTouch,
  }
  collection.hooks = { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), guardLock] }
}

/** The build log, error and summary as editors read them: without server paths (lib/redactPaths.ts). */
function redactBuildTexts(collection: SanitizedCollectionConfig): void {
  const redact: CollectionAfterReadHook = ({ doc }) => {
    for (const field of ['log', 'error', 'summary'] as const) {
      if (typeof doc?.[field] === 'string') doc[field] = redactServerPaths(doc[field])
    }
    return doc
  }
  collection.hooks = { ...collection.hooks, afterRead: [...(collection.hooks?.afterRead ?? []), redact] }
}
