import { type ChildProcess, fork } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'

import type { ReleaseResult } from '../../../core/release'
import { repoRoot } from '../lib/paths'

/**
 * The CMS's end of the build worker (site/scripts/release/worker.ts): one long-running process
 * that builds releases with Astro already loaded, started on the first build and kept between
 * publishes. What it promises is what the release command promises (the served site changes
 * only by a complete, checked release), so when the worker dies mid-build the build is recorded
 * as failed, the served site is as it was, and the next build starts a new worker.
 *
 * The worker answers `stale` instead of building when the site's code changed since it started
 * (a deploy, a `git pull`): a new worker, with the new code, builds instead. A worker started
 * with other settings (another CMS_URL, releases folder) is replaced the same way.
 */
export type WorkerEnv = NodeJS.ProcessEnv

type WorkerMessage =
  | { type: 'ready'; pid: number }
  | { type: 'log'; id: string; line: string }
  | { type: 'result'; id: string; result: ReleaseResult }
  | { type: 'stale'; id: string }

/** What a worker is started with and must match for a build (the rest of the environment is the CMS's own). */
const workerSettings = ['CMS_URL', 'SITE_URL', 'SITE_RELEASES_DIR', 'SITE_FULL_BUILD'] as const
const settingsOf = (env: WorkerEnv) => JSON.stringify(workerSettings.map((key) => env[key] ?? null))

interface Worker {
  child: ChildProcess
  settings: string
  exited: boolean
  /** Where what the worker prints goes: the running build's log, else nowhere (always read, so the pipe never fills). */
  printed?: (line: string) => void
}

const state = globalThis as typeof globalThis & { __siteBuildWorker?: Worker }

export const workerScript = () => path.join(repoRoot, 'site', 'scripts', 'release-worker.mjs')

function startWorker(env: WorkerEnv, script: string): Worker {
  const child = fork(script, [], {
    cwd: repoRoot,
    env,
    execPath: process.execPath,
    // Its own heap limit (Node's default is about 2 GB whatever the machine has), and `gc()` for
    // its check, before each build, that the last builds left room for the next (worker.ts).
    execArgv: [`--max-old-space-size=${Number(env.SITE_BUILD_WORKER_HEAP_MB ?? 4096)}`, '--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const worker: Worker = { child, settings: settingsOf(env), exited: false }
  const gone = () => {
    worker.exited = true
    if (state.__siteBuildWorker === worker) state.__siteBuildWorker = undefined
  }
  child.on('exit', gone)
  // Could not be started (no memory, too many processes): the build waiting for it fails, the CMS goes on.
  child.on('error', (error) => {
    worker.printed?.(`The build worker could not be started: ${error.message}`)
    gone()
    child.emit('close', null, null)
  })
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) worker.printed?.(line)
  }
  child.stdout?.on('data', read)
  child.stderr?.on('data', read)
  return worker
}

/** The worker's process id, when one is running (for tests and the health report). */
export const buildWorkerPid = (): number | undefined => (state.__siteBuildWorker && !state.__siteBuildWorker.exited ? state.__siteBuildWorker.child.pid : undefined)

/** Stops the worker (the CMS shutting down, tests). */
export function stopBuildWorker(): void {
  const worker = state.__siteBuildWorker
  state.__siteBuildWorker = undefined
  if (worker && !worker.exited) worker.child.kill('SIGTERM')
}

/**
 * One release build in the worker; resolves with its outcome and its log, never rejects. Builds
 * are one at a time (the build task's lock); a build asked for while one runs is refused by the worker.
 */
export async function buildInWorker(env: WorkerEnv, script = workerScript()): Promise<{ result: ReleaseResult; log: string }> {
  for (let attempt = 0; ; attempt++) {
    let worker = state.__siteBuildWorker
    if (worker && (worker.exited || !worker.child.connected || worker.settings !== settingsOf(env))) {
      stopBuildWorker()
      worker = undefined
    }
    worker ??= state.__siteBuildWorker = startWorker(env, script)
    const outcome = await buildOnce(worker, env)
    if (outcome !== 'stale') return outcome
    // It is exiting; the next worker loads the new code. Twice stale: something is wrong, say so.
    stopBuildWorker()
    if (attempt > 0) return failed('ny proces nægtede', [])
  }
}

const buildTimeoutMinutes = (env: WorkerEnv) => Number(env.SITE_BUILD_TIMEOUT_MINUTES ?? 60)

const failed = (code: number | string | null, lines: string[]) => ({
  result: { ok: false, durationMs: 0, error: `Opdateringen stoppede uventet (kode ${code}). Den offentlige side blev ikke ændret.` } satisfies ReleaseResult,
  log: lines.join('\n'),
})

function buildOnce(worker: Worker, env: WorkerEnv): Promise<{ result: ReleaseResult; log: string } | 'stale'> {
  const id = crypto.randomUUID()
  const { child } = worker
  return new Promise((resolve) => {
    const lines: string[] = []
    const keep = (line: string) => {
      if (!line.trim()) return
      lines.push(line)
      if (lines.length > 400) lines.splice(0, lines.length - 400)
    }
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'log' && message.id === id) keep(message.line)
      else if (message.type === 'result' && message.id === id) done({ result: message.result, log: lines.join('\n') })
      else if (message.type === 'stale' && message.id === id) done('stale')
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => done(failed(code ?? signal, lines))
    const done = (outcome: { result: ReleaseResult; log: string } | 'stale') => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('close', onExit)
      worker.printed = undefined
      resolve(outcome)
    }
    child.on('message', onMessage)
    child.on('close', onExit)
    // A crash's stack is printed, not sent: it belongs in this build's log.
    worker.printed = keep
    // A build that hangs would hold every later one back (builds run one at a time): stopped.
    const timer = setTimeout(() => {
      keep(`Opdateringen blev stoppet efter ${buildTimeoutMinutes(env)} minutter.`)
      child.kill('SIGKILL')
    }, buildTimeoutMinutes(env) * 60_000)
    timer.unref()
    if (worker.exited) return done(failed(child.exitCode, lines))
    const settings = Object.fromEntries(workerSettings.map((key) => [key, env[key]]))
    child.send({ type: 'build', id, env: settings }, (error) => {
      if (error) done(failed(child.exitCode, [...lines, error.message]))
    })
  })
}
