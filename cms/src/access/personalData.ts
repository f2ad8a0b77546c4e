import type { Access, FieldAccess } from 'payload'

import { departmentIdsOf, isAdmin, isDepartmentEditor, ownsDepartment, type Someone } from './index'

/**
 * Personal data (signups, child-certificate records): the national office's admins see all of
 * it, a department editor only their own department's, communications editors and the public
 * nothing. Created only by the signup endpoint (Local API, after its own validation).
 */
export const canSeePersonalData = (user: Someone): boolean => isAdmin(user) || isDepartmentEditor(user)

export const ownDepartmentsPersonalData: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (!isDepartmentEditor(user)) return false
  const ids = departmentIdsOf(user)
  return ids.length ? { department: { in: ids } } : false
}

export const nobody: Access = () => false

/**
 * Who may see a meeting's list of signups and record who came (the attendance endpoints):
 * the national office's admins, and a department editor for their own department's meetings.
 */
export const mayRecordAttendance = (user: Someone, department: unknown): boolean => isAdmin(user) || ownsDepartment(user, department)

/** Who signed up, for what, and their consent: recorded once; only an admin may correct it. */
export const adminOnlyUpdate: { update: FieldAccess } = { update: ({ req: { user } }) => isAdmin(user) }
/** Set by the system (consent, timestamps): nobody edits them by hand. */
export const systemOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }
