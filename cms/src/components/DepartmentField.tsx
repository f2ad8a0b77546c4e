'use client'
import { RelationshipField, useAuth } from '@payloadcms/ui'
import type { RelationshipFieldClientComponent } from 'payload'

import { singleDepartmentOf } from '../access/index'
import type { User } from '../payload-types'

/** The department picker, read-only for a department editor who belongs to just one department. */
export const DepartmentField: RelationshipFieldClientComponent = (props) => {
  const { user } = useAuth<User>()
  const locked = singleDepartmentOf(user) !== undefined
  return <RelationshipField {...props} readOnly={locked || props.readOnly} />
}
