import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone, loggedIn } from '../access/index'
import { dataDir } from '../lib/paths'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { da: 'Billede eller fil', en: 'Media' },
    plural: { da: 'Billeder og filer', en: 'Media' },
  },
  admin: { group: { da: 'Indstillinger', en: 'Settings' } },
  access: { read: anyone, create: loggedIn, update: loggedIn, delete: loggedIn },
  upload: {
    staticDir: path.join(dataDir, 'media'),
    mimeTypes: ['image/*', 'application/pdf'],
    imageSizes: [
      { name: 'card', width: 640 },
      { name: 'wide', width: 1280 },
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
  ],
}
