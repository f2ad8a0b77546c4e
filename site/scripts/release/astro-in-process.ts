import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { buildSettingsEnv } from '../../../core/release.ts'
import { type AstroBuild, astroEnv, explainFailure, keepAstroLine, workDirFor } from './astro-build.ts'
import { siteDir } from './releases.ts'

let builds = 0

/**
 * Renders the site with Astro's own `build()` in this process: the build worker (worker.ts) keeps
 * Astro, Vite, Rolldown, Tailwind and HarfBuzz loaded between publishes instead of starting them
 * for each one.
 *
 * Astro imports the bundle it has just made (`<cwd>/.astro/.prerender/…`) to render the pages.
 * Node keeps every module it has imported for the life of the process, so a second build from the
 * same folder would render with the first one's modules (its content, its plan). Each build
 * therefore runs from a working directory of its own, which the next build removes; the
 * modules stay in memory, so the worker stops after a number of builds (worker.ts) and the
 * next publish starts a fresh one.
 *
 * One build at a time: the build reads its settings from the environment, as the spawned one does.
 */
export async function renderInProcess({ releasesDir, outDir, settings, log }: AstroBuild): Promise<void> {
  const { build } = await import('astro')
  const base = workDirFor(releasesDir)
  // The previous builds' folders: their modules are loaded already, their files not needed.
  for (const name of fs.existsSync(base) ? fs.readdirSync(base) : []) if (name.startsWith('warm-')) fs.rmSync(path.join(base, name), { recursive: true, force: true })
  const workDir = path.join(base, `warm-${process.pid}-${++builds}-${crypto.randomBytes(3).toString('hex')}`)
  fs.mkdirSync(workDir, { recursive: true })
  const variables = { ...astroEnv(releasesDir, outDir), ...buildSettingsEnv(settings) }
  const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]))
  const tail: string[] = []
  const keep = keepAstroLine(log, tail)
  // Astro writes its progress to standard output and error; during a build that is this build's log.
  const writes = { out: process.stdout.write, err: process.stderr.write }
  const capture = (chunk: unknown, ...rest: unknown[]) => {
    keep(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
    const done = rest.find((value) => typeof value === 'function') as (() => void) | undefined
    done?.()
    return true
  }
  const cwd = process.cwd()
  Object.assign(process.env, variables)
  process.stdout.write = capture as typeof process.stdout.write
  process.stderr.write = capture as typeof process.stderr.write
  try {
    process.chdir(workDir)
    await build({ root: siteDir, logLevel: 'info' })
  } catch (error) {
    tail.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
    throw new Error(explainFailure(tail, 1))
  } finally {
    process.stdout.write = writes.out
    process.stderr.write = writes.err
    process.chdir(cwd)
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}
