import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import v8 from 'node:v8'

import type { ReleaseResult } from '../../../core/release.ts'
import { sourceDigest } from '../../../scripts/lib.mjs'
import { renderInProcess } from './astro-in-process.ts'
import { build } from './build.ts'
import { siteCodeDigest } from './plan.ts'
import { abandonBuild } from './lock.ts'
import { defaultReleasesDir } from './releases.ts'

/**
 * The build worker: a process that stays up between publishes (the CMS's build task starts it,
 * cms/src/site-build/worker.ts) and runs one release build per request with Astro already loaded.
 * The release itself is exactly the command's (build.ts: plan, render, assemble, index, check,
 * swap, fall back to a full build when unsure); only the rendering runs in this process.
 *
 * Messages (Node's IPC channel):
 *   parent → worker  { type: 'build', id, env }             env: CMS_URL, SITE_URL, SITE_FULL_BUILD…
 *   worker → parent  { type: 'log', id, line }              progress, line by line
 *                    { type: 'result', id, result }         a ReleaseResult (core/release.ts)
 *                    { type: 'stale', id }                   the site's code changed since this worker
 *                                                            started: it exits, build nothing; start a new one
 * The worker steps aside (answers `stale`) after `maxBuilds` builds or when its heap is half
 * full (each build's modules stay loaded, astro-in-process.ts); the CMS starts a fresh one.
 */
export type WorkerRequest = { type: 'build'; id: string; env: Record<string, string | undefined> }
export type WorkerMessage =
  | { type: 'ready'; pid: number }
  | { type: 'log'; id: string; line: string }
  | { type: 'result'; id: string; result: ReleaseResult }
  | { type: 'stale'; id: string }

const maxBuilds = Number(process.env.SITE_BUILD_WORKER_MAX_BUILDS ?? 20)
/**
 * A worker whose heap, after a garbage collection, is over this share of its limit steps aside
 * before a build rather than during it: each build's bundle stays loaded (astro-in-process.ts),
 * and the next build needs room of its own (the content store, the pages being rendered).
 */
const maxHeapShare = 0.5

/** The code this process runs: the site's (siteCodeDigest) and the release code's own. */
const workerCodeDigest = () => `${siteCodeDigest()}:${sourceDigest(['site/scripts/release', 'site/scripts/release-worker.mjs', 'scripts/lib.mjs'])}`

const heapFull = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed > v8.getHeapStatistics().heap_size_limit * maxHeapShare
}

/**
 * With `SITE_BUILD_PROFILE_DIR` set (in the CMS's environment, which the worker inherits), each
 * build's CPU profile is written there (`build-<n>-<pid>.cpuprofile`, for Chrome's DevTools or
 * speedscope): where the time of a publish goes, measured in the worker that does it.
 */
async function startProfile(): Promise<{ stop: (name: string) => Promise<string> } | undefined> {
  const dir = process.env.SITE_BUILD_PROFILE_DIR
  if (!dir) return undefined
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop').finally(() => session.disconnect())
      fs.mkdirSync(dir, { recursive: true })
      const file = path.join(dir, `${name}-${process.pid}.cpuprofile`)
      fs.writeFileSync(file, JSON.stringify(profile))
      return file
    },
  }
}

export async function runWorker(): Promise<void> {
  // After the CMS has gone (the channel closed), there is nobody to tell.
  const send = (message: WorkerMessage, then?: () => void) => {
    if (process.connected) process.send?.(message, undefined, undefined, () => then?.())
    else then?.()
  }
  if (!process.send) throw new Error('The build worker is started by the CMS (with an IPC channel), not by hand: use `node site/scripts/release.mjs build`.')
  const codeDigest = workerCodeDigest()
  // Loaded now, while nobody waits: the first publish finds Astro ready.
  await import('astro')
  let builds = 0
  let busy = false
  let releasesDir = defaultReleasesDir()
  /** Stops, abandoning a build under way (its half-made folders and its lock, when it holds it). */
  const stop = (code: number) => {
    if (busy) abandonBuild(releasesDir)
    process.exit(code)
  }
  process.on('message', async (message: WorkerRequest) => {
    if (message?.type !== 'build') return
    if (busy) {
      send({ type: 'result', id: message.id, result: { ok: false, durationMs: 0, error: 'En anden opdatering kører allerede. Den offentlige side blev ikke ændret.' } })
      return
    }
    if (workerCodeDigest() !== codeDigest || builds >= maxBuilds || (builds > 0 && heapFull())) {
      // This process holds the old code (the release modules, core/), or its memory is spent: a
      // new worker builds. Gone once the message is out (exiting at once could lose it: the CMS would see a crash).
      busy = true
      send({ type: 'stale', id: message.id }, () => process.exit(0))
      return
    }
    busy = true
    for (const [key, value] of Object.entries(message.env)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    releasesDir = defaultReleasesDir()
    const log = (line: string) => send({ type: 'log', id: message.id, line })
    // A profile that cannot be made or written is said in the log; the build goes on as without it.
    const profile = await startProfile().catch((error: unknown) => log(`No CPU profile: ${error instanceof Error ? error.message : String(error)}`))
    const result = await build({ releasesDir, renderer: renderInProcess, log }).catch(
      (error: unknown): ReleaseResult => ({ ok: false, durationMs: 0, error: error instanceof Error ? error.message : String(error) }),
    )
    if (profile) {
      await profile
        .stop(`build-${builds + 1}`)
        .then((file) => log(`CPU profile of this build: ${file}`))
        .catch((error: unknown) => log(`The CPU profile could not be written: ${error instanceof Error ? error.message : String(error)}`))
    }
    builds++
    busy = false
    send({ type: 'result', id: message.id, result }, () => {
      if (!process.connected) process.exit(0)
    })
  })
  // The CMS went away (its end of the channel closed: stopped, restarted, crashed), or the
  // service manager stops the whole group (systemd, Ctrl-C). A build under way is abandoned, its
  // half-made folder removed: nobody would record it, and the CMS that starts next builds again
  // from what is published then (recoverInterruptedBuilds). The swap to a new release is one
  // synchronous step, so this never leaves the site between two releases.
  process.on('disconnect', () => stop(0))
  process.on('SIGTERM', () => stop(143))
  process.on('SIGINT', () => stop(130))
  // A stray rejection from a build's unfinished work must not kill the worker during the next
  // build (which would get the blame): said in the log, and the build in hand decides by itself.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`Build worker: unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}\n`)
  })
  send({ type: 'ready', pid: process.pid })
}
