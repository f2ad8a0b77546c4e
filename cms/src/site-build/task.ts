import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TaskConfig } from 'payload'

import { readReleaseResult, type ReleaseResult } from '../../../core/release'
import { repoRoot } from '../lib/paths'
import { buildTaskSlug, requestSiteBuild, siteQueue } from './trigger'
import { buildInWorker } from './worker'

// Builds run one at a time in this process; a queued build waits for the running one.
const state = globalThis as typeof globalThis & { __siteBuildLock?: Promise<unknown> }
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const run = (state.__siteBuildLock ?? Promise.resolve()).then(work, work)
  state.__siteBuildLock = run.catch(() => undefined)
  return run
}

/**
 * Runs the release command (site/scripts/release.mjs) in its own process: the build's memory
 * stays out of the CMS. Its outcome comes back in a result file; a process that ended without
 * leaving one (it crashed, or was killed) is a failed build.
 */
export function runRelease(env: NodeJS.ProcessEnv, script = path.join(repoRoot, 'site', 'scripts', 'release.mjs')): Promise<{ result: ReleaseResult; log: string }> {
  return new Promise((resolve) => {
    const resultDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-release-'))
    const resultFile = path.join(resultDir, 'result.json')
    const child = spawn(process.execPath, [script, 'build', '--result', resultFile], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(line)
      if (lines.length > 400) lines.splice(0, lines.length - 400)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('close', (code) => {
      const result: ReleaseResult = readReleaseResult(resultFile) ?? {
        ok: false,
        durationMs: 0,
        error: `Opdateringen stoppede uventet (kode ${code}). Den offentlige side blev ikke ændret.`,
      }
      fs.rmSync(resultDir, { recursive: true, force: true })
      resolve({ result, log: lines.join('\n') })
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
      const env = { ...process.env, CMS_URL: process.env.CMS_URL ?? payload.config.serverURL }
      // The build worker keeps Astro loaded between publishes; SITE_BUILD_WORKER=0 starts the release command for each build instead.
      const { result, log } = process.env.SITE_BUILD_WORKER === '0' ? await runRelease(env) : await buildInWorker(env)
      await payload.update({
        collection: 'site-builds',
        id,
        depth: 0,
        data: {
          status: result.ok ? 'succeeded' : 'failed',
          finishedAt: new Date().toISOString(),
          durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
          ...(result.ok ? { release: result.release, pages: result.pages } : { error: result.error }),
          mode: result.mode,
          reason: result.reason,
          log: log.slice(-60_000),
        },
      })
      if (!result.ok) payload.logger.error(`Site build ${id} failed: ${result.error}`)
      return { output: { release: result.ok ? result.release : '' } }
    })
  },
}
