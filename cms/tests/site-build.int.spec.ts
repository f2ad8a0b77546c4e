import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { caughtBy, pendingBuildFailure, plainBuildError } from '../src/site-build/notLive'
import { runRelease } from '../src/site-build/task'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

describe('site builds in the jobs queue', () => {
  it('registers the daily rebuild at 04:00 on the site queue, and a runner for that queue', () => {
    const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'buildSite')
    expect(task).toBeDefined()
    expect(task!.schedule).toEqual([expect.objectContaining({ cron: '0 4 * * *', queue: 'site' })])
    const autoRun = payload.config.jobs.autoRun
    expect(Array.isArray(autoRun) ? autoRun.map((entry) => entry.queue) : []).toContain('site')
  })

  it('keeps site builds out of reach of anyone but the CMS itself', async () => {
    await expect(payload.create({ collection: 'site-builds', data: { status: 'succeeded' }, overrideAccess: false })).rejects.toThrow()
    await expect(payload.find({ collection: 'site-builds', overrideAccess: false })).rejects.toThrow()
  })
})

/**
 * Which saves rebuild the public site, through Payload's own REST handler (the requests the
 * admin sends) and the Local API. Builds are only queued here (jobs do not run in tests): the
 * queued `site-builds` record says whether a build was asked for, and under what name.
 */
describe('what rebuilds the site', () => {
  let token: string
  let eventId: number | string
  const title = 'Sommerfest i Testby'

  async function rest(method: 'PATCH' | 'DELETE', path: string, body?: unknown) {
    const { default: config } = await import('../src/payload.config')
    const request = new Request(`${payload.config.serverURL}/api${path}`, {
      method,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const response = await handleEndpoints({ config, request })
    expect(response.status, await response.clone().text()).toBe(200)
  }

  /** The builds asked for since the last call (the hook queues its request without waiting). */
  async function buildsAskedFor(): Promise<string[]> {
    await (globalThis as { __siteBuildRequests?: Promise<unknown> }).__siteBuildRequests
    const { docs } = await payload.find({ collection: 'site-builds', pagination: false, depth: 0 })
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } } })
    return docs.map((build) => String(build.trigger))
  }

  /** The event published, with no newer draft (the hooks are told not to rebuild). */
  async function published() {
    await payload.update({ collection: 'events', id: eventId, data: { title, _status: 'published' }, context: seedContext })
  }

  beforeAll(async () => {
    const department = await payload.create({
      collection: 'departments',
      data: { name: 'Røde Kors Byggeby', slug: 'byggeby', email: 'byggeby@example.org', town: 'Byggeby', municipality: 'Byggeby', region: 'syddanmark', _status: 'published' },
      context: seedContext,
    })
    const event = await payload.create({
      collection: 'events',
      data: { title, slug: 'sommerfest-byggeby', department: department.id, startsAt: '2030-06-01T10:00:00.000Z', _status: 'published' },
      context: seedContext,
    })
    eventId = event.id
    await payload.create({ collection: 'users', data: { email: 'bygherre@example.org', password: 'hemmelig-og-lang', role: 'admin', name: 'Bygherre' } })
    ;({ token } = (await payload.login({ collection: 'users', data: { email: 'bygherre@example.org', password: 'hemmelig-og-lang' } })) as { token: string })
    process.env.SITE_AUTO_BUILD = 'true'
  })
  afterAll(() => {
    process.env.SITE_AUTO_BUILD = 'false'
  })

  it('a draft save of a published event over REST (?draft=true) asks for no build', async () => {
    await published()
    await rest('PATCH', `/events/${eventId}?draft=true&depth=0`, { title: `${title} (kladde)` })
    expect(await buildsAskedFor()).toEqual([])
  })

  it('the admin’s autosave of a published event asks for no build', async () => {
    await published()
    await rest('PATCH', `/events/${eventId}?autosave=true&draft=true&depth=0&fallback-locale=null&locale=da`, { title: `${title} (autogemt)` })
    expect(await buildsAskedFor()).toEqual([])
  })

  it('a Local API draft save of a published event asks for no build', async () => {
    await published()
    await payload.update({ collection: 'events', id: eventId, data: { summary: 'Kladde' }, draft: true })
    expect(await buildsAskedFor()).toEqual([])
  })

  it('unpublishing a published event is recorded as "Afpubliceret"', async () => {
    await published()
    await rest('PATCH', `/events/${eventId}?depth=0&fallback-locale=null&locale=da`, { _status: 'draft' })
    expect(await buildsAskedFor()).toEqual([`Afpubliceret: Arrangement «${title}» (Bygherre)`])
  })

  it('unpublishing with a newer draft waiting is recorded as "Afpubliceret" too', async () => {
    await published()
    await payload.update({ collection: 'events', id: eventId, data: { summary: 'Kladde' }, draft: true, context: seedContext })
    // The admin's "Afpublicér": PATCH { _status: 'draft' } without ?draft.
    await rest('PATCH', `/events/${eventId}?depth=0&fallback-locale=null&locale=da`, { _status: 'draft' })
    const builds = await buildsAskedFor()
    expect(builds).toHaveLength(1)
    expect(builds[0]).toMatch(/^Afpubliceret: Arrangement «/)
  })

  it('a draft save of an unpublished event asks for no build', async () => {
    await rest('PATCH', `/events/${eventId}?autosave=true&draft=true&depth=0`, { title })
    expect(await buildsAskedFor()).toEqual([])
  })

  it('publishing is recorded as "Offentliggjort", and so is a change to the published version', async () => {
    await rest('PATCH', `/events/${eventId}?depth=0&locale=da`, { title, _status: 'published' })
    expect(await buildsAskedFor()).toEqual([`Offentliggjort: Arrangement «${title}» (Bygherre)`])
    await payload.update({ collection: 'events', id: eventId, data: { summary: 'Offentlig' } })
    expect(await buildsAskedFor()).toEqual([`Offentliggjort: Arrangement «${title}» (systemet)`])
  })

  it('deleting a published event is recorded as "Slettet"', async () => {
    await rest('DELETE', `/events/${eventId}`)
    expect(await buildsAskedFor()).toEqual([`Slettet: Arrangement «${title}» (Bygherre)`])
  })
})

describe('"Ikke live endnu": published changes a failed build kept off the site', () => {
  const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes)).toISOString()
  const build = (status: 'succeeded' | 'failed' | 'queued', startedAt: string, error?: string) =>
    payload.create({ collection: 'site-builds', data: { status, startedAt, error } })

  it('covers the changes made after the last good build started and before the failed one started, until a build succeeds', async () => {
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } } })
    await build('succeeded', at(0))
    await build('failed', at(10), 'Serveren kunne ikke gemme den nye udgave af siden: disken er fuld (ENOSPC) i /work/drk/site/releases/.cache.')
    const failure = await pendingBuildFailure(payload)
    expect(failure).toMatchObject({ since: at(0), until: at(10), retrying: false })
    expect(failure!.error).toContain('disken er fuld (ENOSPC)')
    expect(caughtBy(failure!, at(5))).toBe(true)
    expect(caughtBy(failure!, at(-5))).toBe(false) // live since the good build
    expect(caughtBy(failure!, at(15))).toBe(false) // not tried yet

    await build('queued', at(20))
    expect((await pendingBuildFailure(payload))!.retrying).toBe(true)
    await build('succeeded', at(30))
    expect(await pendingBuildFailure(payload)).toBeNull()
  })

  it('names what went wrong without server paths, and keeps the site’s own addresses', () => {
    const text = plainBuildError(
      "Error: ENOENT: no such file or directory, open '/tmp/drk-test-x/releases/.cache/data-store.json' (file:///work/wt/site/src/pages/x.astro)\n- broken internal link: /da/afdelinger/herning/ (in da/index.html)",
    )
    expect(text).not.toMatch(/\/tmp\/|\/work\/|file:/)
    expect(text).toContain('/da/afdelinger/herning/')
  })
})

/**
 * The release command leaves its outcome in the file the CMS names (`--result`); stand-in
 * commands (small scripts) play a build that published, and one that crashed without a word.
 */
describe('the outcome of a release', () => {
  const scripts: string[] = []
  afterAll(() => {
    for (const dir of scripts.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })
  const command = (body: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-stand-in-'))
    scripts.push(dir)
    fs.writeFileSync(path.join(dir, 'release.mjs'), body)
    return path.join(dir, 'release.mjs')
  }

  it('is read from the result file: release, pages, and whether every page was rendered and why', async () => {
    const script = command(`
      import fs from 'node:fs'
      const file = process.argv[process.argv.indexOf('--result') + 1]
      console.log('Partial build: events: 1 changed')
      console.log('{"ok":false,"error":"a last line of JSON is no longer the result"}')
      fs.writeFileSync(file, JSON.stringify({ ok: true, release: '20270322T090000Z', pages: 12, mode: 'partial', reason: 'events: 1 changed', omitted: [], durationMs: 5 }))
    `)
    const { result, log } = await runRelease(process.env, script)
    expect(result).toEqual({ ok: true, release: '20270322T090000Z', pages: 12, mode: 'partial', reason: 'events: 1 changed', omitted: [], durationMs: 5 })
    expect(log).toContain('Partial build: events: 1 changed')
  })

  it('is a failed build, with the exit code, when the command left no result', async () => {
    const script = command(`
      console.log('Full build: the site’s code changed')
      console.error('Segmentation fault')
      process.exit(3)
    `)
    const { result, log } = await runRelease(process.env, script)
    expect(result).toMatchObject({ ok: false, error: 'Opdateringen stoppede uventet (kode 3). Den offentlige side blev ikke ændret.' })
    expect(log).toContain('Segmentation fault')
  })
})
