import type { CollectionSlug, CollectionBeforeOperationHook, FlattenedField, PayloadRequest, SanitizedConfig, Where } from 'payload'
import { NotFound, QueryError } from 'payload'

import { isEditorOrAdmin } from './index'

/**
 * A `where` or `sort` path is a question about the data it reaches, answered by which documents
 * come back and in what order. Payload checks field read access along a path, but two gaps
 * remained (Payload 3.90): a sort on a hidden field (a user's password hash, salt, failed-login
 * count, lock time) is not checked at all, and a path through a relationship into `users` asks
 * about people the reader may not read. This guard refuses both with Payload's own 400, for
 * every collection, before the database is asked:
 * - no path may touch a hidden field, for anyone but the Local API with access overridden;
 * - only staff (who may read every user) may follow a relationship into `users` beyond its id.
 */
export const refuseHiddenQueryPaths: CollectionBeforeOperationHook = ({ args, collection, overrideAccess, req }) => {
  if (overrideAccess) return args
  const { sort, where } = args as { sort?: unknown; where?: Where }
  const conditions = whereConditions(where)
  const refused = [...sortPaths(sort), ...conditions.map(({ path }) => path)].filter((path) => !pathIsAllowed(req, collection.slug, path))
  // A geographic operator on anything but a point field failed in the database (500).
  const notPoints = conditions.filter(({ path, operators }) => operators.some((operator) => geoOperators.has(operator)) && fieldAt(req, collection.slug, path)?.type !== 'point')
  if (refused.length || notPoints.length) throw new QueryError([...refused, ...notPoints.map(({ path }) => path)].map((path) => ({ path })))
  return args
}

const geoOperators = new Set(['near', 'within', 'intersects'])

/**
 * Ids of collections without their own id field are integers (SQLite): any other id failed in
 * the database with a 500; it is a document that does not exist. (`GET /api/signups/versions`
 * on a collection without versions reached this as the id "versions".)
 */
export const refuseMalformedIds: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id } = args as { id?: unknown }
  if (id === undefined || id === null) return args
  const numeric = req.payload.db.defaultIDType === 'number' && !collection.flattenedFields.some(({ name }) => name === 'id')
  if (numeric && !/^\d{1,15}$/.test(String(id))) throw new NotFound(req.t)
  return args
}

function sortPaths(sort: unknown): string[] {
  const values = (Array.isArray(sort) ? sort : [sort]).filter((value): value is string => typeof value === 'string')
  return values.flatMap((value) => value.split(',')).map((value) => value.trim().replace(/^-/, '')).filter(Boolean)
}

function whereConditions(where: unknown): { path: string; operators: string[] }[] {
  if (!where || typeof where !== 'object') return []
  return Object.entries(where as Record<string, unknown>).flatMap(([key, value]) =>
    (key === 'and' || key === 'or') && Array.isArray(value)
      ? value.flatMap(whereConditions)
      : [{ path: key, operators: value && typeof value === 'object' ? Object.keys(value) : [] }],
  )
}

/** The field a path ends on, when it can be followed (ignoring access). */
function fieldAt(req: PayloadRequest, slug: string, path: string): FlattenedField | undefined {
  let fields: readonly FlattenedField[] = req.payload.collections[slug as CollectionSlug]?.config.flattenedFields ?? []
  let found: FlattenedField | undefined
  for (const segment of path.replace(/__/g, '.').split('.')) {
    found = fields.find((candidate) => candidate.name === segment)
    if (!found) return undefined
    if ((found.type === 'relationship' || found.type === 'upload') && typeof found.relationTo === 'string') {
      fields = req.payload.collections[found.relationTo as CollectionSlug]?.config.flattenedFields ?? []
    } else if ('flattenedFields' in found && Array.isArray(found.flattenedFields)) {
      fields = found.flattenedFields
    } else {
      fields = []
    }
  }
  return found
}

function pathIsAllowed(req: PayloadRequest, slug: string, path: string): boolean {
  const config: SanitizedConfig = req.payload.config
  const locales = new Set(config.localization ? config.localization.localeCodes : [])
  const segments = path.replace(/__/g, '.').split('.')
  let fields: readonly FlattenedField[] = req.payload.collections[slug as CollectionSlug]?.config.flattenedFields ?? []
  // Versions are queried as `version.<field>`.
  if (segments[0] === 'version' && !fields.some(({ name }) => name === 'version')) segments.shift()
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const field = fields.find((candidate) => candidate.name === segment)
    // Unknown names (ids, locale codes, polymorphic `value`/`relationTo`) are Payload's to judge.
    if (!field) {
      if (locales.has(segment)) continue
      return true
    }
    if (field.hidden) return false
    if (field.type === 'relationship' || field.type === 'upload') {
      const rest = segments.slice(i + 1)
      // The relationship's own value (an id) is the document's field, not the related document's.
      if (rest.length === 0 || (rest.length === 1 && ['id', 'value', 'relationTo'].includes(rest[0]!))) return true
      const targets = [field.relationTo].flat()
      if (targets.includes('users') && !isEditorOrAdmin(req.user)) return false
      if (targets.length !== 1) return true
      fields = req.payload.collections[targets[0] as CollectionSlug]?.config.flattenedFields ?? []
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      fields = field.flattenedFields
    } else if (field.type === 'blocks') {
      fields = (field.blocks ?? []).flatMap((block) => block.flattenedFields)
    } else {
      return true
    }
  }
  return true
}
