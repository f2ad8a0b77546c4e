import type { CollectionConfig } from 'payload'

import { nobody } from '../access/personalData'

/**
 * One counter per listing with signups (places.ts): the places taken (the participants of its
 * placed signups) and the last waiting-list number given. The signup endpoint changes it with one
 * atomic conditional statement (SQLite) or update (MongoDB), so two signups for the last place
 * can never both get it. Nobody reads or writes it through the API; no personal data.
 */
export const SignupPlaces: CollectionConfig = {
  slug: 'signup-places',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    // `activity:<id>` or `event:<id>`: by ID, so a changed slug keeps its count.
    { name: 'target', type: 'text', required: true, unique: true, index: true },
    { name: 'taken', type: 'number', required: true, defaultValue: 0 },
    { name: 'lastPosition', type: 'number', required: true, defaultValue: 0 },
  ],
}
