import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { buildInWorker, buildWorkerPid, stopBuildWorker } from '../src/site-build/worker'

/**
 * The CMS's end of the build worker, against stand-in workers (small scripts that speak the
 * worker's messages, site/scripts/release/worker.ts): the real worker's builds are the release
 * journeys' business (e2e/tests/releases.spec.ts).
 */
describe('the build worker', () => {
  const dirs: string[] = []
  afterEach(() => stopBuildWorker())
  afterAll(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })
  /** A stand-in worker; `onBuild` is the body of its build handler (message `m`, `reply(result)`, `dir` for its notes). */
  const standIn = (onBuild: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-stand-in-'))
    dirs.push(dir)
    fs.writeFileSync(
      path.join(dir, 'worker.mjs'),
      `import fs from 'node:fs'
      const dir = ${JSON.stringify(dir)}
      fs.appendFileSync(dir + '/starts', process.pid + '\\n')
      const reply = (id, result) => process.send({ type: 'result', id, result })
      process.on('message', async (m) => { ${onBuild} })
      process.on('disconnect', () => process.exit(0))
      process.send({ type: 'ready', pid: process.pid })`,
    )
    return { script: path.join(dir, 'worker.mjs'), starts: () => fs.readFileSync(path.join(dir, 'starts'), 'utf8').trim().split('\n').map(Number), dir }
  }
  const ok = (release: string) => `{ ok: true, release: ${release}, pages: 3, mode: 'partial', reason: 'events: 1 changed', omitted: [], durationMs: 5 }`

  it('stays up between builds and hands back each build’s result and log', async () => {
    const worker = standIn(`
      process.send({ type: 'log', id: m.id, line: 'Partial build: events: 1 changed (' + m.env.CMS_URL + ')' })
      reply(m.id, ${ok("'r' + process.pid")})`)
    const env = { ...process.env, CMS_URL: 'http://cms.test' }
    const first = await buildInWorker(env, worker.script)
    const second = await buildInWorker(env, worker.script)
    expect(first.result).toMatchObject({ ok: true, mode: 'partial', reason: 'events: 1 changed', pages: 3 })
    expect(first.log).toContain('Partial build: events: 1 changed (http://cms.test)')
    expect(worker.starts()).toHaveLength(1)
    expect(second.result).toEqual(first.result)
    expect(buildWorkerPid()).toBe(worker.starts()[0])
  })

  it('a worker that dies mid-build is a failed build with what it printed; the next build starts a new worker', async () => {
    const worker = standIn(`
      if (!fs.existsSync(dir + '/died')) {
        fs.writeFileSync(dir + '/died', '')
        process.send({ type: 'log', id: m.id, line: 'Full build: the site’s code changed' })
        console.error('FATAL ERROR: Reached heap limit Allocation failed')
        setTimeout(() => process.exit(134), 50)
        return
      }
      reply(m.id, ${ok("'r' + process.pid")})`)
    const crashed = await buildInWorker(process.env, worker.script)
    expect(crashed.result).toMatchObject({ ok: false, error: 'Opdateringen stoppede uventet (kode 134). Den offentlige side blev ikke ændret.' })
    expect(crashed.log).toContain('Full build: the site’s code changed')
    expect(crashed.log).toContain('Reached heap limit')
    const next = await buildInWorker(process.env, worker.script)
    expect(next.result.ok).toBe(true)
    const starts = worker.starts()
    expect(starts).toHaveLength(2)
    expect(next.result).toMatchObject({ release: `r${starts[1]}` })
  })

  it('a worker started before the site’s code changed steps aside, and a new one builds', async () => {
    const worker = standIn(`
      if (!fs.existsSync(dir + '/changed')) {
        fs.writeFileSync(dir + '/changed', '')
        process.send({ type: 'stale', id: m.id }, () => process.exit(0))
        return
      }
      reply(m.id, ${ok("'r' + process.pid")})`)
    const { result } = await buildInWorker(process.env, worker.script)
    const starts = worker.starts()
    expect(starts).toHaveLength(2)
    expect(result).toMatchObject({ ok: true, release: `r${starts[1]}` })
  })

  it('a build that hangs is stopped after SITE_BUILD_TIMEOUT_MINUTES and recorded as failed; the next build gets a new worker', async () => {
    const worker = standIn(`
      if (!fs.existsSync(dir + '/hung')) { fs.writeFileSync(dir + '/hung', ''); return }
      reply(m.id, ${ok("'r' + process.pid")})`)
    const env = { ...process.env, SITE_BUILD_TIMEOUT_MINUTES: '0.02' }
    const hung = await buildInWorker(env, worker.script)
    expect(hung.result).toMatchObject({ ok: false, error: 'Opdateringen stoppede uventet (kode SIGKILL). Den offentlige side blev ikke ændret.' })
    expect(hung.log).toContain('Opdateringen blev stoppet efter 0.02 minutter.')
    const next = await buildInWorker(env, worker.script)
    expect(next.result).toMatchObject({ ok: true, release: `r${worker.starts()[1]}` })
  })

  it('a worker started for another site (CMS address, releases folder) is replaced', async () => {
    const worker = standIn(`reply(m.id, ${ok('m.env.SITE_RELEASES_DIR')})`)
    const one = await buildInWorker({ ...process.env, SITE_RELEASES_DIR: '/srv/one' }, worker.script)
    const two = await buildInWorker({ ...process.env, SITE_RELEASES_DIR: '/srv/two' }, worker.script)
    expect([one.result, two.result]).toMatchObject([{ release: '/srv/one' }, { release: '/srv/two' }])
    expect(worker.starts()).toHaveLength(2)
  })
})
