import type { CollectionConfig } from 'payload'

import { adminOnly, isAdmin, isLoggedIn, loggedIn } from '../access/index'

export const roles = ['admin', 'editor'] as const
export type Role = (typeof roles)[number]

/** People who log in to the admin. Department roles and scoping come with the roles issue. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { da: 'Bruger', en: 'User' },
    plural: { da: 'Brugere', en: 'Users' },
  },
  auth: { useAPIKey: false, maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
    group: { da: 'Indstillinger', en: 'Settings' },
  },
  access: {
    read: loggedIn,
    create: adminOnly,
    update: ({ req: { user }, id }) => isAdmin(user) || (user !== null && user.id === id),
    delete: adminOnly,
    admin: ({ req: { user } }) => isLoggedIn(user),
  },
  fields: [
    { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      label: { da: 'Rolle', en: 'Role' },
      options: [
        { value: 'admin', label: { da: 'Administrator (landskontoret)', en: 'Administrator (national office)' } },
        { value: 'editor', label: { da: 'Redaktør (kommunikation)', en: 'Editor (communications)' } },
      ],
      access: {
        // Nobody can raise their own rights; only an admin sets roles.
        create: ({ req: { user } }) => isAdmin(user),
        update: ({ req: { user } }) => isAdmin(user),
      },
      admin: { position: 'sidebar' },
    },
  ],
}
