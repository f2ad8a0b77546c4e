import type { RelationshipField } from 'payload'

import { isDepartmentEditor, ownsDepartment, singleDepartmentOf } from '../access/index'

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
  validate: (value: unknown, { req: { user } }: { req: { user: Parameters<typeof ownsDepartment>[0] } }) => {
    if (value === undefined || value === null || value === '') return 'Vælg en lokalafdeling.'
    if (isDepartmentEditor(user) && !ownsDepartment(user, value)) {
      return 'Du kan kun vælge din egen lokalafdeling.'
    }
    return true
  },
  admin: {
    components: { Field: '/components/DepartmentField#DepartmentField' },
  },
}
