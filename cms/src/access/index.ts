import type { Access, FieldAccess, Where } from 'payload'

import { defaultLocale } from '../../../core/locales'
import { relationId } from '../../../core/relation'
import type { User } from '../payload-types'

/**
 * Who may do what. Each Access is paired with a plain predicate (isAdmin(user)) that hooks,
 * admin conditions, components and scripts reuse: a role is tested here and nowhere else.
 * Access functions narrow with `Where` constraints, so lists, counts, versions and relationship
 * population are filtered by the database, never after the fact.
 */
export type Role = User['role']
export const roles = ['admin', 'editor', 'department-editor', 'translator'] as const satisfies readonly Role[]

type Id = number | string

/**
 * The signed-in user, or nobody, as the rules read it: `req.user` on the server, and the user that
 * admin conditions (`hidden`) and client components (`useAuth`) are given, which Payload types
 * loosely. Only the fields the rules read, so each of those fits without a cast (the id is what
 * every user has in common with Payload's loose client type).
 */
export type Someone = (Partial<Pick<User, 'role' | 'departments' | 'languages'>> & { id?: Id }) | null | undefined

export const isRole = (value: unknown): value is Role => roles.some((role) => role === value)
export const roleOf = (user: Someone): Role | undefined => user?.role ?? undefined

export const isLoggedIn = (user: Someone): boolean => Boolean(user)
export const isAdmin = (user: Someone): boolean => roleOf(user) === 'admin'
/** National office or communications staff: all public content. */
export const isEditorOrAdmin = (user: Someone): boolean => roleOf(user) === 'admin' || roleOf(user) === 'editor'
export const isDepartmentEditor = (user: Someone): boolean => roleOf(user) === 'department-editor'
/** Translates public content into their own languages, and does nothing else (access/translator.ts). */
export const isTranslator = (user: Someone): boolean => roleOf(user) === 'translator'

/** The locales a translator translates into (never Danish); nobody else has any. */
export function translatorLocalesOf(user: Someone): string[] {
  if (!isTranslator(user)) return []
  return [...(user?.languages ?? [])]
}

/** The IDs of the departments a department editor belongs to (relationship values or docs). */
export function departmentIdsOf(user: Someone): Id[] {
  if (!isDepartmentEditor(user)) return []
  return (user?.departments ?? []).flatMap((department) => relationId(department) ?? [])
}

export function ownsDepartment(user: Someone, department: unknown): boolean {
  if (department === null || department === undefined || department === '') return false
  return departmentIdsOf(user).some((own) => String(own) === String(relationId(department)))
}

/** The user's department when they have exactly one (then it is filled in and locked). */
export function singleDepartmentOf(user: Someone): Id | undefined {
  const ids = departmentIdsOf(user)
  return ids.length === 1 ? ids[0] : undefined
}

const publishedOnly: Where = { _status: { equals: 'published' } }
const nothing: Where = { id: { exists: false } }

export const anyone: Access = () => true
export const loggedIn: Access = ({ req: { user } }) => isLoggedIn(user)
/** Everyone signed in who makes documents (uploads): a translator only changes existing texts. */
export const contributors: Access = ({ req: { user } }) => isLoggedIn(user) && !isTranslator(user)
export const adminOnly: Access = ({ req: { user } }) => isAdmin(user)
export const editorsOnly: Access = ({ req: { user } }) => isEditorOrAdmin(user)
export const editorsOnlyField: FieldAccess = ({ req: { user } }) => isEditorOrAdmin(user)
export const adminOnlyField: FieldAccess = ({ req: { user } }) => isAdmin(user)

/** National content: staff read everything (drafts too); the public only what is published. */
export const publishedOrStaff: Access = ({ req: { user } }) => (isLoggedIn(user) ? true : publishedOnly)

/**
 * Department pages: the public and department editors read the published ones; a department
 * editor also their own department's drafts (not another department's unpublished page, by ID
 * or with ?draft=true); staff everything.
 */
export const publishedOrOwnDepartmentPage: Access = ({ req: { user } }) => {
  if (isEditorOrAdmin(user)) return true
  const ids = departmentIdsOf(user)
  return ids.length ? { or: [publishedOnly, { id: { in: ids } }] } : publishedOnly
}

/**
 * A department's own documents (activities, events, the department page itself).
 * `field` is the path holding the department: 'department', 'id', or 'version.department'.
 */
export const ownDepartment =
  (field: string): Access =>
  ({ req: { user } }) => {
    if (isEditorOrAdmin(user)) return true
    if (isDepartmentEditor(user)) {
      const ids = departmentIdsOf(user)
      return ids.length ? { [field]: { in: ids } } : nothing
    }
    return false
  }

/** Activities and events: the public reads published ones; a department editor only its own. */
export const publishedOrOwnDepartment: Access = (args) => {
  if (!isLoggedIn(args.req.user)) return publishedOnly
  return ownDepartment('department')(args)
}

/**
 * Creating an activity or event: editors anywhere; a department editor only in their own
 * department (or with no department given when they have exactly one, which is filled in).
 */
export const createInOwnDepartment: Access = ({ req: { user }, data }) => {
  if (isEditorOrAdmin(user)) return true
  if (!isDepartmentEditor(user)) return false
  const department: unknown = data?.department
  if (department === undefined || department === null) return singleDepartmentOf(user) !== undefined
  return ownsDepartment(user, department)
}

/**
 * Who may work on translations into `locale` (edit, export, import, machine-translate; issue 14):
 * editors and admins, department editors (for their own departments' documents:
 * `mayTranslateDocument`), and a translator for their own languages. Never Danish, the original.
 */
export function mayTranslate(user: Someone, locale: string): boolean {
  if (locale === defaultLocale || !user) return false
  if (isTranslator(user)) return translatorLocalesOf(user).includes(locale)
  return isEditorOrAdmin(user) || isDepartmentEditor(user)
}

/**
 * Whether `mayTranslate`'s user may translate this document of a public collection (or a global,
 * `id` absent): a department editor only their own departments' activities, events and
 * department pages; everyone else who may translate, all public content.
 */
export function mayTranslateDocument(user: Someone, source: string, doc: { id?: unknown; department?: unknown } | null): boolean {
  if (!isDepartmentEditor(user)) return true
  if (source === 'departments') return ownsDepartment(user, doc?.id)
  if (source === 'activities' || source === 'events') return ownsDepartment(user, doc?.department)
  return false
}
