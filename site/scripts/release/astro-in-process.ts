import fs from 'node:fs'
import { registerHooks } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { buildSettingsEnv } from '../../../core/release.ts'
import { type AstroBuild, astroEnv, explainFailure, keepAstroLine, workDirFor } from './astro-build.ts'
import { siteDir } from './releases.ts'

let builds = 0
let hooked = false

/**
 * Astro imports the bundle it has just made (`<working directory>/.astro/.prerender/…`) to render
 * the pages. Node keeps every module it has imported for the life of the process, and the bundle
 * of unchanged code has the same file names (it reads the content store from its file, see
 * lib/content-store-plugin.ts): a second build would render with the first one's modules, its
 * content and its plan. So each build's imports of the bundle get a query of their own
 * (`?build=2`), which makes them new modules. The working directory stays the command's own:
 * the bundle's file names depend on it, and a partial build must name its files as a full one does.
 */
function freshBundleModules() {
  if (hooked) return
  hooked = true
  const prefix = pathToFileURL(path.join(siteDir, '.build-work') + path.sep).href
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context)
      if (resolved.url.startsWith(prefix) && !resolved.url.includes('?')) return { ...resolved, url: `${resolved.url}?build=${builds}` }
      return resolved
    },
  })
}

/**
 * Renders the site with Astro's own `build()` in this process: the build worker (worker.ts) keeps
 * Astro, Vite, Rolldown, Tailwind and HarfBuzz loaded between publishes instead of starting them
 * for each one. Each build's bundle stays in memory (see freshBundleModules), so the worker stops
 * after a number of builds (worker.ts) and the next publish starts a fresh one.
 *
 * One build at a time: the build reads its settings from the environment, as the spawned one does.
 */
export async function renderInProcess({ releasesDir, outDir, settings, log }: AstroBuild): Promise<void> {
  const { build } = await import('astro')
  freshBundleModules()
  builds++
  const workDir = workDirFor(releasesDir)
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
