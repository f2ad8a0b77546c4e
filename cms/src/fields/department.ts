import type { PayloadRequest, RelationshipField } from 'payload'

import { isDepartmentEditor, ownsDepartment, singleDepartmentOf } from '../access/index'
import { ours } from '../lib/translations'

/**
 * The department an activity or event belongs to. For a department editor it is pre-filled,
 * locked to their department when they have only one (whatever a request says), and can only
 * ever be one of their own. The admin shows it read-only for them (DepartmentField).
 */
export const departmentField: RelationshipField = {
  name: 'department',
  type: 'relationship',
  relationTo: 'departments',
  required: true,
  index: true,
  label: { da: 'Lokalafdeling', en: 'Local branch' },
  defaultValue: ({ user }) => singleDepartmentOf(user ?? null),
  hooks: {
    beforeValidate: [({ value, req: { user } }) => singleDepartmentOf(user) ?? value],
  },
  validate: (value: unknown, { req }: { req: PayloadRequest }) => {
    if (value === undefined || value === null || value === '') return ours(req.t)('invalid:departmentRequired')
    if (isDepartmentEditor(req.user) && !ownsDepartment(req.user, value)) return ours(req.t)('invalid:ownDepartmentOnly')
    return true
  },
  admin: {
    components: { Field: '/components/DepartmentField#DepartmentField' },
  },
}
