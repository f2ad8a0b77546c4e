import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { handleEndpoints, type Payload } from 'payload'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

/**
 * Uploads in object storage (S3_BUCKET, lib/storage.ts), against a real S3-compatible server on
 * this machine (s3rver, files in a temporary folder): an upload lands in the bucket and not on
 * the local disk, the CMS serves it from there under the media collection's access, and
 * deleting the upload removes the object.
 */
const bucket = 'drk-media-test'
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
let server: S3rver
let s3: S3Client
let payload: Payload
let dir: string
let stop: () => Promise<void>
let s3Dir: string

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-s3-'))
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: bucket, configs: [] }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  Object.assign(process.env, { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'eu-north-1', S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey })
  s3 = new S3Client({ endpoint, region: 'eu-north-1', forcePathStyle: true, credentials })
  ;({ payload, dir, stop } = await startPayload())
})

afterAll(async () => {
  await stop?.()
  await server?.close()
  fs.rmSync(s3Dir, { recursive: true, force: true })
})

const objects = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map(({ Key }) => Key).sort()

/** A PNG made here (sharp), so that Payload also writes its image sizes. */
async function png(): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  return sharp({ create: { width: 800, height: 400, channels: 3, background: '#d2232a' } }).png().toBuffer()
}

/** GET /api/media/file/<name> through Payload's REST handler, anonymous or with a login token. */
const getFile = (name: string, token?: string) =>
  handleEndpoints({ request: new Request(`http://localhost:3000/api/media/file/${name}`, { headers: token ? { Authorization: `JWT ${token}` } : {} }), config: payload.config })

describe('media in object storage (S3_BUCKET)', () => {
  it('an upload goes to the bucket, is served from it to a logged-in user only, and deleting it removes the objects', async () => {
    const password = crypto.randomBytes(12).toString('hex')
    const email = `s3-${crypto.randomUUID()}@example.org`
    const admin = await payload.create({ collection: 'users', data: { email, password, role: 'admin', name: 'S3' } as never })
    const { token } = await payload.login({ collection: 'users', data: { email, password } })
    const data = await png()
    // What the admin's upload form does: a create with the file, as that user.
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'Rød flade' },
      file: { data, mimetype: 'image/png', name: 'flade.png', size: data.length },
      user: admin,
      overrideAccess: false,
    })
    // The file and its 640 px size (not enlarged to the 1280 px one).
    expect(await objects()).toEqual(['flade-640x320.png', 'flade.png'])
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'flade.png' }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(data)).toBe(true)
    // Nothing on the local disk.
    expect(fs.existsSync(path.join(dir, 'media', 'flade.png'))).toBe(false)

    // Served by the CMS from the bucket, under the collection's read access (uploads are not public).
    // The CMS's address, not the bucket's: the bucket stays private.
    expect(media.url).toBe(`${payload.config.serverURL}/api/media/file/flade.png`)
    const served = await getFile('flade.png', token)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(data)).toBe(true)
    expect((await getFile('flade.png')).status).toBe(403)
    expect((await getFile('none.png', token)).status).toBe(404)

    await payload.delete({ collection: 'media', id: media.id, user: admin, overrideAccess: false })
    expect(await objects()).toEqual([])
  })
})
