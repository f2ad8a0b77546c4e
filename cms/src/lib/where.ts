import type { Where } from 'payload'

/**
 * "This field has no value": a field never set, or one set to null. SQLite treats both the same,
 * but MongoDB's `exists: false` skips documents where the field is stored as null.
 */
export function isEmpty(field: string): Where {
  return { or: [{ [field]: { exists: false } }, { [field]: { equals: null } }] }
}
