import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

/**
 * Where uploaded files live: with S3_BUCKET set, in that bucket of any S3-compatible object
 * storage (AWS S3, Cloudflare R2, MinIO, Scaleway…) through @payloadcms/storage-s3, so that
 * several CMS instances see the same files and none sits on one machine's disk; else on the
 * local disk (data/media).
 *
 *   S3_BUCKET, S3_REGION (default us-east-1), S3_ENDPOINT (other than AWS; path-style
 *   addresses then), S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (else the AWS SDK's own chain:
 *   instance role, AWS_* variables), S3_PREFIX (a folder in the bucket, optional).
 *
 * Files are still served by the CMS (/api/media/file/<name>, streamed from the bucket) under the
 * collection's own read access: uploads are not public (collections/Media.ts), so the bucket
 * stays private and no object URL is handed out.
 */
export const mediaInObjectStorage = (): boolean => Boolean(process.env.S3_BUCKET)

export function mediaStorage(): Plugin[] {
  const bucket = process.env.S3_BUCKET ?? ''
  const endpoint = process.env.S3_ENDPOINT || undefined
  const accessKeyId = process.env.S3_ACCESS_KEY_ID
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY
  return [
    s3Storage({
      // Registered also when off: the admin's import map (generated at build time, without
      // S3_BUCKET) then holds the plugin's component either way.
      enabled: Boolean(bucket),
      // The plugin's fields (the object's key) either way, so the schema, and SQLite's
      // migrations, do not change with S3_BUCKET.
      alwaysInsertFields: true,
      bucket,
      collections: { media: process.env.S3_PREFIX ? { prefix: process.env.S3_PREFIX } : true },
      config: {
        region: process.env.S3_REGION || 'us-east-1',
        endpoint,
        // Most S3-compatible servers answer at <endpoint>/<bucket>, not <bucket>.<endpoint>.
        forcePathStyle: Boolean(endpoint),
        ...(accessKeyId && secretAccessKey && { credentials: { accessKeyId, secretAccessKey } }),
      },
    }),
  ]
}
