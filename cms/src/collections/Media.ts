import path from 'node:path'

import type { Access, CollectionConfig } from 'payload'

import { anyone, isDepartmentEditor, isEditorOrAdmin, loggedIn } from '../access/index'
import { dataDir } from '../lib/paths'

/** Editors manage all files; a department editor only the files they uploaded. */
const ownUploads: Access = ({ req: { user } }) => {
  if (isEditorOrAdmin(user)) return true
  if (isDepartmentEditor(user) && user) return { createdBy: { equals: user.id } }
  return false
}

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { da: 'Billede eller fil', en: 'Media' },
    plural: { da: 'Billeder og filer', en: 'Media' },
  },
  admin: { group: { da: 'Indstillinger', en: 'Settings' } },
  access: { read: anyone, create: loggedIn, update: ownUploads, delete: ownUploads },
  upload: {
    staticDir: path.join(dataDir, 'media'),
    mimeTypes: ['image/*', 'application/pdf'],
    imageSizes: [
      { name: 'card', width: 640 },
      { name: 'wide', width: 1280 },
    ],
  },
  hooks: {
    beforeChange: [
      ({ data, operation, req }) => (operation === 'create' && req.user ? { ...data, createdBy: req.user.id } : data),
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      label: { da: 'Alternativ tekst', en: 'Alt text' },
      admin: { description: { da: 'Beskriv billedet for dem, der ikke kan se det.', en: 'Describe the image for those who cannot see it.' } },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: { da: 'Uploadet af', en: 'Uploaded by' },
      // Set by the hook above; nobody can claim someone else's file.
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
