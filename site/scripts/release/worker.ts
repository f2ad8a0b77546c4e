import type { ReleaseResult } from '../../../core/release.ts'
import { renderInProcess } from './astro-in-process.ts'
import { build } from './build.ts'
import { siteCodeDigest } from './plan.ts'
import { abandonBuild, defaultReleasesDir } from './releases.ts'

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
 * The worker exits after `maxBuilds` builds or when its heap passes `maxHeapMb` (each build's
 * modules stay loaded, astro-in-process.ts); the next request starts a fresh one.
 */
export type WorkerRequest = { type: 'build'; id: string; env: Record<string, string | undefined> }
export type WorkerMessage =
  | { type: 'ready'; pid: number }
  | { type: 'log'; id: string; line: string }
  | { type: 'result'; id: string; result: ReleaseResult }
  | { type: 'stale'; id: string }

const maxBuilds = Number(process.env.SITE_BUILD_WORKER_MAX_BUILDS ?? 20)
const maxHeapMb = Number(process.env.SITE_BUILD_WORKER_MAX_HEAP_MB ?? 1500)

export async function runWorker(): Promise<void> {
  // After the CMS has gone (the channel closed), there is nobody to tell.
  const send = (message: WorkerMessage) => {
    if (process.connected) process.send?.(message)
  }
  if (!process.send) throw new Error('The build worker is started by the CMS (with an IPC channel), not by hand: use `node site/scripts/release.mjs build`.')
  const codeDigest = siteCodeDigest()
  // Loaded now, while nobody waits: the first publish finds Astro ready.
  await import('astro')
  let builds = 0
  let busy = false
  let releasesDir = defaultReleasesDir()
  process.on('message', async (message: WorkerRequest) => {
    if (message?.type !== 'build') return
    if (busy) {
      send({ type: 'result', id: message.id, result: { ok: false, durationMs: 0, error: 'En anden opdatering kører allerede. Den offentlige side blev ikke ændret.' } })
      return
    }
    busy = true
    if (siteCodeDigest() !== codeDigest) {
      // This process holds the old code (the release modules, core/): a new worker builds with the new.
      // Gone once the message is out (exiting at once could lose it: the CMS would see a crash).
      process.send?.({ type: 'stale', id: message.id } satisfies WorkerMessage, () => process.exit(0))
      return
    }
    for (const [key, value] of Object.entries(message.env)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    releasesDir = defaultReleasesDir()
    const result = await build({
      releasesDir,
      renderer: renderInProcess,
      log: (line) => send({ type: 'log', id: message.id, line }),
    }).catch((error: unknown): ReleaseResult => ({ ok: false, durationMs: 0, error: error instanceof Error ? error.message : String(error) }))
    builds++
    send({ type: 'result', id: message.id, result })
    busy = false
    if (!process.connected) process.exit(0)
    if (builds >= maxBuilds || process.memoryUsage().heapUsed / 2 ** 20 > maxHeapMb) {
      // After the message is out: the parent starts a new worker for the next build.
      process.disconnect?.()
      setImmediate(() => process.exit(0))
    }
  })
  // The CMS went away (its end of the channel closed: stopped, restarted, crashed). A build under
  // way is abandoned, its half-made folder removed: nobody would record it, and the CMS that
  // starts next builds again from what is published then (recoverInterruptedBuilds). The swap
  // to a new release is one synchronous step, so this never leaves the site between two releases.
  process.on('disconnect', () => {
    if (busy) abandonBuild(releasesDir)
    process.exit(0)
  })
  send({ type: 'ready', pid: process.pid })
}
