import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload, TaskConfig } from 'payload'

import { repoRoot } from '../lib/paths'
import { buildTaskSlug, requestSiteBuild, siteQueue } from './trigger'

// Builds run one at a time in this process; a queued build waits for the running one.
const state = globalThis as typeof globalThis & { __siteBuildLock?: Promise<unknown> }
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const run = (state.__siteBuildLock ?? Promise.resolve()).then(work, work)
  state.__siteBuildLock = run.catch(() => undefined)
  return run
}

interface ReleaseResult {
  ok: boolean
  release?: string
  pages?: number
  durationMs: number
  error?: string
}

/** Runs site/scripts/release.mjs in its own process (the build's memory stays out of the CMS). */
function runRelease(payload: Payload): Promise<{ result: ReleaseResult; log: string }> {
  return new Promise((resolve) => {
    const script = path.join(repoRoot, 'site', 'scripts', 'release.mjs')
    const child = spawn(process.execPath, [script, 'build'], {
      cwd: repoRoot,
      env: { ...process.env, CMS_URL: process.env.CMS_URL ?? payload.config.serverURL },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(line)
      if (lines.length > 400) lines.splice(0, lines.length - 400)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('close', (code) => {
      let result: ReleaseResult = { ok: false, durationMs: 0, error: `Opdateringen stoppede uventet (kode ${code}). Den offentlige side blev ikke ændret.` }
      try {
        result = JSON.parse(lines[lines.length - 1] ?? '') as ReleaseResult
      } catch {
        // keep the generic error above
      }
      resolve({ result, log: lines.slice(0, -1).join('\n') })
    })
  })
}

export const buildSiteTask: TaskConfig<{ input: { buildId?: string }; output: { release: string } }> = {
  slug: buildTaskSlug,
  label: 'Build the public site',
  inputSchema: [{ name: 'buildId', type: 'text' }],
  outputSchema: [{ name: 'release', type: 'text' }],
  retries: 0,
  // Past events and expired schedules drop off once a day even when nobody edits.
  schedule: [{ cron: '0 4 * * *', queue: siteQueue }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const id = input?.buildId
    if (!id) {
      // The daily schedule queues the task without a record: make it go through the normal path.
      await requestSiteBuild(payload, 'Daglig opdatering')
      return { output: { release: '' } }
    }
    return exclusively(async () => {
      const startedAt = new Date()
      await payload.update({ collection: 'site-builds', id, data: { status: 'running', startedAt: startedAt.toISOString() }, depth: 0 })
      const { result, log } = await runRelease(payload)
      await payload.update({
        collection: 'site-builds',
        id,
        depth: 0,
        data: {
          status: result.ok ? 'succeeded' : 'failed',
          finishedAt: new Date().toISOString(),
          durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
          release: result.release,
          pages: result.pages,
          error: result.error,
          log: log.slice(-60_000),
        },
      })
      if (!result.ok) payload.logger.error(`Site build ${id} failed: ${result.error}`)
      return { output: { release: result.release ?? '' } }
    })
  },
}
