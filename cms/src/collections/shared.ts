import type { CollectionConfig } from 'payload'

import { loggedIn, publishedOrLoggedIn } from '../access/index'

/**
 * Public content: drafts and version history; anonymous readers (and the site build) get
 * published documents only; logged-in staff edit. Roles narrow this in a later step.
 */
export const publicContent: Pick<CollectionConfig, 'access' | 'versions'> = {
  access: {
    read: publishedOrLoggedIn,
    create: loggedIn,
    update: loggedIn,
    delete: loggedIn,
    readVersions: loggedIn,
  },
  versions: { drafts: true, maxPerDoc: 50 },
}
