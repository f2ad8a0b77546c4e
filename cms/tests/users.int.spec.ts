import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../src/seed/index'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

const root = path.resolve(import.meta.dirname, '..', '..')
const createUser = (...args: string[]) =>
  promisify(execFile)(path.join(root, 'node_modules', '.bin', 'payload'), ['run', 'src/scripts/create-user.ts', '--', ...args], {
    cwd: path.join(root, 'cms'),
    env: { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH}` },
  }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  )

describe('users on a fresh install', () => {
  it('refuses to make the first user anything but an admin from the command line', async () => {
    const result = await createUser('--email', 'early@example.org', '--password', 'hemmelig-og-lang', '--role', 'editor')
    expect(result.code).toBe(1)
    expect(result.output).toContain('Den første bruger skal være administrator')
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it('makes the first user (the "create first user" screen) an admin', async () => {
    // Payload's first-register operation creates with access overridden and the form's data,
    // which has no role (only an admin may set one).
    const first = await payload.create({
      collection: 'users',
      data: { email: 'first@example.org', password: 'hemmelig-og-lang' } as never, // role and departments left out on purpose
      overrideAccess: true,
    })
    expect(first.role).toBe('admin')
  })

  it('does not let an anonymous visitor create a second user', async () => {
    await expect(
      payload.create({ collection: 'users', data: { email: 'second@example.org', password: 'hemmelig-og-lang', role: 'admin' }, overrideAccess: false }),
    ).rejects.toThrow()
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(1)
  })
})

describe('npm run create-user', () => {
  beforeAll(async () => {
    await seed(payload, { demo: true })
  })

  it('refuses an unknown role with a clear message', async () => {
    const result = await createUser('--email', 'x@example.org', '--password', 'hemmelig-og-lang', '--role', 'superuser')
    expect(result.code).toBe(1)
    expect(result.output).toContain('Ukendt rolle "superuser"')
  })

  it('refuses an unknown department and lists the known ones', async () => {
    const result = await createUser('--email', 'x@example.org', '--password', 'hemmelig-og-lang', '--role', 'department-editor', '--department', 'atlantis')
    expect(result.code).toBe(1)
    expect(result.output).toContain('Ukendt afdeling "atlantis"')
    expect(result.output).toContain('aarhus')
    expect((await payload.count({ collection: 'users', where: { email: { equals: 'x@example.org' } } })).totalDocs).toBe(0)
  })

  it('creates a department editor for the departments named', async () => {
    const result = await createUser('--email', 'ali@example.org', '--password', 'hemmelig-og-lang', '--role', 'department-editor', '--department', 'aarhus', '--department', 'viborg')
    expect(result.code, result.output).toBe(0)
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: 'ali@example.org' } }, depth: 1 })
    expect(docs[0]!.role).toBe('department-editor')
    expect((docs[0]!.departments ?? []).map((department) => (typeof department === 'object' ? department.slug : department)).sort()).toEqual(['aarhus', 'viborg'])
  })

  it('finds a renamed department by its old slug too', async () => {
    const { docs } = await payload.find({ collection: 'departments', where: { slug: { equals: 'viborg' } }, depth: 0 })
    await payload.update({ collection: 'departments', id: docs[0]!.id, data: { slug: 'viborg-by', _status: 'published' } })
    const result = await createUser('--email', 'rename@example.org', '--password', 'hemmelig-og-lang', '--role', 'department-editor', '--department', 'viborg')
    expect(result.code, result.output).toBe(0)
    expect(result.output).toContain('"viborg" hedder nu "viborg-by"')
    const { docs: users } = await payload.find({ collection: 'users', where: { email: { equals: 'rename@example.org' } }, depth: 1 })
    expect((users[0]!.departments ?? []).map((department) => (typeof department === 'object' ? department.slug : department))).toEqual(['viborg-by'])
  })

  it('creates a translator for the languages named', async () => {
    const result = await createUser('--email', 'tesfay@example.org', '--password', 'hemmelig-og-lang', '--role', 'translator', '--locale', 'ti', '--locale', 'so')
    expect(result.code, result.output).toBe(0)
    expect(result.output).toContain('rolle: translator for ti, so')
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: 'tesfay@example.org' } }, depth: 0 })
    expect(docs[0]!.role).toBe('translator')
    expect(docs[0]!.languages).toEqual(['ti', 'so'])
  })

  const refusals: [string, string[], string][] = [
    ['a translator without a language', ['--role', 'translator'], 'skal have mindst ét --locale'],
    ['an unknown language', ['--role', 'translator', '--locale', 'tlh'], 'Ukendt sprog "tlh". Mulige sprog: en, uk, ar, fa, ps, ti, so.'],
    ['Danish, the original', ['--role', 'translator', '--locale', 'da'], '"da" er originalsproget og oversættes ikke'],
    ['a language for another role', ['--role', 'editor', '--locale', 'ti'], '--locale gælder kun rollen translator (ikke editor)'],
  ]
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const result = await createUser('--email', 'refused@example.org', '--password', 'hemmelig-og-lang', ...args)
      expect(result.code).toBe(1)
      expect(result.output).toContain(message)
      expect(result.output).toContain('--locale SPROG')
      expect((await payload.count({ collection: 'users', where: { email: { equals: 'refused@example.org' } } })).totalDocs).toBe(0)
    })
  }
})
