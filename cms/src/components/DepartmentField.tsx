'use client'
import { RelationshipField, useAuth } from '@payloadcms/ui'
import type { RelationshipFieldClientComponent } from 'payload'

/** The department picker, read-only for a department editor who belongs to just one department. */
export const DepartmentField: RelationshipFieldClientComponent = (props) => {
  const { user } = useAuth<{ role?: string; departments?: unknown[] | null }>()
  const locked = user?.role === 'department-editor' && (user.departments?.length ?? 0) === 1
  return <RelationshipField {...props} readOnly={locked || props.readOnly} />
}
