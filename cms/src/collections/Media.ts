import fs from 'node:fs'
import path from 'node:path'

import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { relationId } from '../../../core/relation'
import { contributors, isDepartmentEditor, isEditorOrAdmin, loggedIn } from '../access/index'
import { dataDir } from '../lib/paths'
import { mediaInObjectStorage } from '../lib/storage'

const staticDir = path.join(dataDir, 'media')

/**
 * A file asked for by a name that is not on disk is not found (404); Payload answered 500 and
 * logged the server path. A name leading outside the folder is left to Payload (400).
 */
const missingFileIsNotFound: UploadHandler = (req, { params }) => {
  const file = path.resolve(staticDir, params.filename)
  if (!file.startsWith(path.resolve(staticDir) + path.sep)) return
  // One stat of a local file (Payload's own handler does the same next).
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return Response.json({ errors: [{ message: req.t('error:notFound') }] }, { status: 404 })
}
type UploadHandler = NonNullable<Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']>[number]

/** Editors manage all files; a department editor only the files they uploaded. */
const ownUploads: Access = ({ req: { user } }) => {
  if (isEditorOrAdmin(user)) return true
  if (isDepartmentEditor(user) && user) return { createdBy: { equals: user.id } }
  return false
}

/**
 * Who uploaded a file: staff see it on every file, a department editor on their own files only,
 * the public never. A field readable by someone is also a `where`/`sort` path for them, and
 * through it every field of the uploader's user (e-mail, session ids and times, even the
 * password hash's order): without a document (as when a query is checked) this answers false
 * for everyone but staff, so nobody else can query or sort through it.
 */
const readUploader: FieldAccess = ({ req: { user }, doc }) => {
  if (isEditorOrAdmin(user)) return true
  if (!user || !doc) return false
  const uploader: unknown = doc.createdBy
  const uploaderId = relationId(uploader)
  return uploaderId !== undefined && uploaderId !== null && String(uploaderId) === String(user.id)
}

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { da: 'Billede eller fil', en: 'Media' },
    plural: { da: 'Billeder og filer', en: 'Media' },
  },
  admin: { group: { da: 'Indstillinger', en: 'Settings' } },
  // Not public: the site shows no uploads (it reads content at depth 0 and has no upload
  // fields), so an anonymous list or file only exposed files never meant for it, drafts' too.
  // When the site shows images, its build should copy the files it uses, not link the CMS.
  access: { read: loggedIn, create: contributors, update: ownUploads, delete: ownUploads },
  upload: {
    staticDir,
    // On local disk only: with S3_BUCKET the files are in the bucket (lib/storage.ts), whose
    // handler answers 404 for a missing object by itself.
    handlers: mediaInObjectStorage() ? [] : [missingFileIsNotFound],
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
      access: { read: readUploader, create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
