import type { Access, CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig, PayloadRequest } from 'payload'
import { Forbidden } from 'payload'

import { cmsUrl } from '../../../core/defaults'
import { defaultLocale, locales } from '../../../core/locales'
import { relationId } from '../../../core/relation'
import { currentPasswordField, requireCurrentPassword } from './currentPassword'
import { forgotPasswordEndpoint, rememberKnownDevice, throttleLogin } from './login'
import { requireSetupToken, setupTokenField } from './setupToken'
import { ours } from '../lib/translations'
import {
  adminOnly,
  adminOnlyField,
  departmentIdsOf,
  isAdmin,
  isDepartmentEditor,
  isEditorOrAdmin,
  isLoggedIn,
  isTranslator,
  roleOf,
  roles,
  translatorLocalesOf,
  type Role,
} from '../access/index'

export { roles, type Role }

/** Admins and communications staff see all users; everyone else only themselves. */
const readUsers: Access = ({ req: { user } }) => {
  if (isEditorOrAdmin(user)) return true
  if (user) return { id: { equals: user.id } }
  return false
}

/** Admins update anyone; others only themselves (name, password, admin language). */
const updateUsers: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (user) return { id: { equals: user.id } }
  return false
}

/**
 * The very first user (made on /admin's "create first user" screen) becomes admin, so a fresh
 * install is not locked out. After that only an admin sets roles, and nobody changes their own
 * e-mail address without an admin.
 */
const guardRolesAndEmail: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    const { totalDocs } = await req.payload.count({ collection: 'users', req })
    if (totalDocs === 0) return { ...data, role: 'admin' }
    return data
  }
  if (!isAdmin(req.user) && data.email !== undefined && originalDoc && data.email !== originalDoc.email) {
    throw new Forbidden(req.t)
  }
  return data
}

const sorted = (value: unknown): string =>
  (Array.isArray(value) ? value : [])
    .map(String)
    .sort()
    .join()

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [])
    .map((entry) => relationId(entry))
    .map(String)
    .sort()

/**
 * A request from a non-admin that would change the sender's role, departments or languages is refused
 * outright (403), not silently ignored, so an escalation attempt is visible as what it is.
 * (Non-admins can only update themselves, so the sender is the user being changed.)
 */
const refuseEscalation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || isAdmin(req.user)) return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const changesRole = 'role' in data && data.role !== roleOf(req.user)
  const changesDepartments =
    'departments' in data && idsOf(data.departments).join() !== idsOf(departmentIdsOf(req.user)).join()
  const changesLanguages = 'languages' in data && sorted(data.languages) !== sorted(translatorLocalesOf(req.user))
  if (changesRole || changesDepartments || changesLanguages) throw new Forbidden(req.t)
  return args
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { da: 'Bruger', en: 'User' },
    plural: { da: 'Brugere', en: 'Users' },
  },
  // No per-account lock (anyone could lock anyone out, and "locked" told which addresses have
  // accounts): failed logins are throttled per client address and per account instead (auth/).
  // Payload's cookies are always HttpOnly. Secure when the CMS's own URL is https; behind a TLS
  // proxy with an http CMS_URL, cms/server.mjs adds Secure per request (security/https.ts).
  // Lax: the admin is never reached by a cross-site form post, and a link from an e-mail still logs in.
  auth: {
    useAPIKey: false,
    maxLoginAttempts: 0,
    cookies: { secure: cmsUrl().toLowerCase().startsWith('https:'), sameSite: 'Lax' },
  },
  endpoints: [forgotPasswordEndpoint],
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role', 'departments', 'languages'],
    group: { da: 'Indstillinger', en: 'Settings' },
    // Only staff see the list; everyone else reaches their own account from the account menu.
    hidden: ({ user }) => !isEditorOrAdmin(user),
  },
  access: {
    read: readUsers,
    create: adminOnly,
    update: updateUsers,
    delete: adminOnly,
    admin: ({ req: { user } }) => isLoggedIn(user),
    unlock: adminOnly,
  },
  hooks: { beforeOperation: [throttleLogin, requireSetupToken, refuseEscalation, requireCurrentPassword], beforeChange: [guardRolesAndEmail], afterLogin: [rememberKnownDevice] },
  fields: [
    // Right under Payload's e-mail and password fields, where a password change is made.
    currentPasswordField,
    setupTokenField,
    { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      // Least privilege unless an admin says otherwise.
      defaultValue: 'department-editor',
      label: { da: 'Rolle', en: 'Role' },
      options: [
        { value: 'admin', label: { da: 'Administrator (landskontoret)', en: 'Administrator (national office)' } },
        { value: 'editor', label: { da: 'Redaktør (kommunikation)', en: 'Editor (communications)' } },
        { value: 'department-editor', label: { da: 'Lokalafdeling', en: 'Local branch editor' } },
        { value: 'translator', label: { da: 'Oversætter', en: 'Translator' } },
      ],
      access: { create: adminOnlyField, update: adminOnlyField },
      admin: { position: 'sidebar' },
      saveToJWT: true,
    },
    {
      name: 'departments',
      type: 'relationship',
      relationTo: 'departments',
      hasMany: true,
      label: { da: 'Lokalafdelinger', en: 'Local branches' },
      access: { create: adminOnlyField, update: adminOnlyField },
      admin: {
        position: 'sidebar',
        condition: (data) => isDepartmentEditor(data),
        description: { da: 'De afdelinger, brugeren redigerer for.', en: 'The branches this user edits for.' },
      },
      validate: (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: { role?: Role } }) =>
        !isDepartmentEditor(siblingData) || (Array.isArray(value) && value.length > 0) || ours(req.t)('invalid:userDepartments'),
      saveToJWT: true,
    },
    {
      name: 'languages',
      type: 'select',
      hasMany: true,
      label: { da: 'Sprog', en: 'Languages' },
      options: locales.filter(({ code }) => code !== defaultLocale).map(({ code, labelDa, label }) => ({ value: code, label: { da: labelDa, en: label } })),
      access: { create: adminOnlyField, update: adminOnlyField },
      admin: {
        position: 'sidebar',
        condition: (data) => isTranslator(data),
        description: { da: 'De sprog, oversætteren oversætter til.', en: 'The languages this translator translates into.' },
      },
      hooks: {
        // Only a translator has languages: a user who stops being one loses them.
        beforeValidate: [({ value, siblingData, originalDoc }) => (isTranslator({ role: siblingData?.role ?? originalDoc?.role }) ? value : [])],
      },
      validate: (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: { role?: Role } }) =>
        !isTranslator(siblingData) || (Array.isArray(value) && value.length > 0) || ours(req.t)('invalid:userLocales'),
      saveToJWT: true,
    },
  ],
}
