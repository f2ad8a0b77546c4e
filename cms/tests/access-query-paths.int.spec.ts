import type { CollectionSlug, FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'
import { loginToken, rest, tinyPng } from './rest'

/**
 * A `where` or `sort` on a path into a collection the reader may not read is an oracle: a
 * true and a false condition must answer alike (or be refused). The paths are generated from the
 * Payload config, so a relationship added later is walked too: for each collection the role can
 * list, every relationship and upload field, two hops deep, into every collection the role
 * cannot read in full.
 */
let payload: Payload
let stop: () => Promise<void>
const password = 'hemmelig-og-lang'
let editorToken: string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const department = await payload.create({
    collection: 'departments',
    data: { name: 'Røde Kors Testby', slug: 'testby', town: 'Testby', municipality: 'Testby', region: 'syddanmark', _status: 'published' },
    context: seedContext,
  })
  const admin = await payload.create({ collection: 'users', data: { email: 'admin@example.org', password, role: 'admin' } })
  const editor = await payload.create({ collection: 'users', data: { email: 'zeta-editor@example.org', password, role: 'editor' } })
  await payload.create({
    collection: 'users',
    data: { email: 'ali@example.org', password, role: 'department-editor', departments: [department.id] },
  })
  // Sessions and a failed login on the uploaders, so every user field has something to find.
  await loginToken(payload, 'admin@example.org', password)
  await loginToken(payload, 'zeta-editor@example.org', password)
  await rest(payload, 'POST', '/users/login', { body: { email: 'zeta-editor@example.org', password: 'forkert' } })
  editorToken = await loginToken(payload, 'ali@example.org', password)
  for (const [uploader, name] of [
    [admin, 'a.png'],
    [editor, 'b.png'],
  ] as const) {
    await payload.create({
      collection: 'media',
      data: { alt: name },
      file: { data: tinyPng, mimetype: 'image/png', name, size: tinyPng.length },
      user: { ...uploader, collection: 'users' },
      overrideAccess: false,
    })
  }
  const activityType = await payload.create({ collection: 'activity-types', data: { title: 'Lektiecaféer', slug: 'lektiecafeer', _status: 'published' }, context: seedContext })
  const activity = await payload.create({
    collection: 'activities',
    data: { title: 'Lektiecafé', slug: 'lektiecafe', department: department.id, activityType: activityType.id, schedule: { byAppointment: true }, _status: 'published' },
    context: seedContext,
  })
  // A document lock held by the admin (its `user` is a relationship into users).
  await payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'activities', value: activity.id }, user: { relationTo: 'users', value: admin.id } },
  })
})
afterAll(async () => stop())

interface RelationPath {
  path: string
  target: string
}

/** Every relationship/upload path from `slug`, following relationships up to `hops` deep. */
function relationPaths(slug: string, hops = 2, prefix = ''): RelationPath[] {
  const found: RelationPath[] = []
  const walk = (fields: FlattenedField[], base: string) => {
    for (const field of fields) {
      const path = base ? `${base}.${field.name}` : field.name
      if (field.type === 'relationship' || field.type === 'upload') {
        for (const target of [field.relationTo].flat()) {
          found.push({ path, target })
          if (hops > 1) found.push(...relationPaths(target, hops - 1, path))
        }
      } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
        walk(field.flattenedFields, path)
      } else if (field.type === 'blocks') {
        for (const block of field.blocks ?? []) walk(block.flattenedFields, path)
      }
    }
  }
  walk(payload.collections[slug as CollectionSlug].config.flattenedFields, prefix)
  return found
}

/** Paths inside a collection worth asking about: each data field, and one level into arrays and groups. */
function fieldPaths(slug: string): { path: string; type: string }[] {
  const paths: { path: string; type: string }[] = []
  for (const field of payload.collections[slug as CollectionSlug].config.flattenedFields) {
    if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      for (const inner of field.flattenedFields) paths.push({ path: `${field.name}.${inner.name}`, type: inner.type })
    } else if (field.type !== 'join' && field.type !== 'richText') {
      paths.push({ path: field.name, type: field.type })
    }
  }
  return paths
}

/** Pairs of (true, false) conditions on one field; the answers must not tell them apart. */
function conditionPairs(path: string, type: string): [string, string][] {
  const pairs: [string, string][] = [[`where[${path}][exists]=true`, `where[${path}][exists]=false`]]
  if (type === 'text' || type === 'email') pairs.push([`where[${path}][like]=a`, `where[${path}][like]=zzzzqqqq`])
  if (type === 'date') pairs.push([`where[${path}][greater_than]=1970-01-01T00:00:00.000Z`, `where[${path}][less_than]=1970-01-01T00:00:00.000Z`])
  if (type === 'number') pairs.push([`where[${path}][greater_than]=-1`, `where[${path}][less_than]=-1`])
  pairs.push([`sort=${path}`, `sort=-${path}`])
  return pairs
}

type Role = 'anonymous' | 'department-editor'
const tokenOf = (role: Role) => (role === 'anonymous' ? undefined : editorToken)

async function answer(role: Role, url: string): Promise<{ status: number; body: string }> {
  const response = await rest(payload, 'GET', url, { token: tokenOf(role) })
  return { status: response.status, body: await response.text() }
}

/** The collections a role lists (200), and those it may not read in full (anything else). */
async function readable(role: Role, slug: string): Promise<boolean> {
  return (await rest(payload, 'GET', `/${slug}?limit=1&depth=0`, { token: tokenOf(role) })).status === 200
}

describe('query paths into collections a reader may not read', () => {
  for (const role of ['anonymous', 'department-editor'] as const) {
    it(`give ${role} the same answer for a true and a false condition`, async () => {
      const slugs = payload.config.collections.map(({ slug }) => slug)
      // What a department editor may read of users is themselves only: users stays a private target.
      const privateTargets = new Set<string>(['users'])
      for (const slug of slugs) if (!(await readable(role, slug))) privateTargets.add(slug)
      const leaks: string[] = []
      const walked: string[] = []
      let probes = 0
      for (const slug of slugs) {
        if (!(await readable(role, slug))) continue
        walked.push(slug)
        for (const { path, target } of relationPaths(slug)) {
          if (!privateTargets.has(target)) continue
          for (const field of fieldPaths(target)) {
            for (const [yes, no] of conditionPairs(`${path}.${field.path}`, field.type)) {
              const [a, b] = [await answer(role, `/${slug}?depth=0&limit=10&${yes}`), await answer(role, `/${slug}?depth=0&limit=10&${no}`)]
              probes += 1
              const bothRefused = a.status >= 400 && a.status < 500 && b.status >= 400 && b.status < 500
              if (!bothRefused && (a.status !== b.status || a.body !== b.body)) leaks.push(`${slug}: ${yes} → ${a.status} vs ${no} → ${b.status}`)
            }
          }
        }
      }
      expect(walked).toEqual(expect.arrayContaining(['activities', 'events', 'departments', 'pages']))
      // A department editor reaches users through media's uploader (the public no longer reads media).
      if (role === 'department-editor') expect(probes).toBeGreaterThan(20)
      expect(leaks).toEqual([])
    })
  }

  it('refuses the reported session-id oracle with 400', async () => {
    const response = await rest(payload, 'GET', '/media?depth=0&where[createdBy.sessions.id][like]=a')
    expect(response.status).toBe(400)
  })

  it('still shows staff who uploaded a file, and a department editor their own uploads only', async () => {
    const adminToken = await loginToken(payload, 'admin@example.org', password)
    const { docs } = (await (await rest(payload, 'GET', '/media?depth=0&sort=filename', { token: adminToken })).json()) as { docs: { createdBy?: unknown }[] }
    expect(docs.map((doc) => typeof doc.createdBy)).toEqual(['number', 'number'])
    const asEditor = (await (await rest(payload, 'GET', '/media?depth=0', { token: editorToken })).json()) as { docs: { createdBy?: unknown }[] }
    expect(asEditor.docs.every((doc) => doc.createdBy === undefined)).toBe(true)
  })
})
