import crypto from 'node:crypto'

import { expect, test } from '@playwright/test'
import sharp from 'sharp'

import { type Doc, json } from '../fixtures/api'
import { type AccessWorld, createWorld, unique } from '../fixtures/access-world'
import { cmsUrl } from '../fixtures/cms'

/** What the Next route and proxy in front of Payload's REST API refuse, over real HTTP. */
let world: AccessWorld

test.beforeAll(async ({ playwright }) => {
  world = await createWorld(await playwright.request.newContext())
})

test('a 10 MB JSON body is refused before it is read (413)', async ({ request }) => {
  const response = await request.post(`${cmsUrl()}/api/users/login`, {
    headers: { 'Content-Type': 'application/json' },
    data: JSON.stringify({ email: 'x@example.org', password: 'x'.repeat(10_000_000) }),
  })
  expect(response.status()).toBe(413)
})

test("a department editor's 5 MB summary is refused, and nothing is stored", async () => {
  const slug = unique('aktivitet')
  const response = await world.as['department-editor'].post('/activities', {
    title: 'Stor',
    slug,
    department: world.departmentA.id,
    activityType: world.activityTypeId,
    summary: 'x'.repeat(5_000_000),
  })
  expect(response.status()).toBe(413)
  const found = await json<{ totalDocs: number }>(await world.admin.get(`/activities?where[slug][equals]=${slug}&draft=true`))
  expect(found.totalDocs).toBe(0)
})

test('an upload larger than a JSON body still goes through (a 3 MB photo)', async () => {
  // Noise, stored without compression: a real image of about 3 MB.
  const photo = await sharp(crypto.randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer()
  expect(photo.length).toBeGreaterThan(2_500_000)
  const response = await world.as['department-editor'].upload('/media', { name: `${unique('foto')}.png`, mimeType: 'image/png', buffer: photo }, { alt: 'Foto' })
  expect(response.status(), await response.text()).toBe(201)
  const { doc } = await json<{ doc: Doc }>(response)
  expect((await world.as['department-editor'].get(`/media/file/${doc.filename}`)).status()).toBe(200)
})
