import fs from 'node:fs'
import path from 'node:path'

/**
 * What the parts of a site release pass each other, in one place: the release code
 * (site/scripts/release/) tells the site's build (Astro, a process of its own) what it may do;
 * the build's content loaders (site/src/lib/cms/loader.ts, shown.ts) and its planner
 * (site/src/lib/partial.ts) write what they found; the release code reads that back, and leaves
 * its result for whoever started it (the CMS's build task, cms/src/site-build/task.ts).
 *
 * Each shape has its writer and its reader here, so the file names and formats are known in one
 * module. Node runs this file directly (from the release code), so it imports nothing of ours
 * and uses only erasable TypeScript.
 */
type Env = Record<string, string | undefined>

export type BuildMode = 'full' | 'partial'

/** What the release code allows this build (release → Astro, in one environment variable). */
export interface BuildSettings {
  /** The served release allows a partial build (built from this content store, with this code, today). */
  partial: boolean
  /** Why it does not, for the log and the build record. */
  why?: string
  /** Where the loaders write their change records and omissions. */
  changesDir: string
  /** Where the routes write their page lists, and the planner its plan. */
  pathsDir: string
}

const settingsVariable = 'SITE_RELEASE_BUILD'

/** The environment that hands `settings` to the site's build. */
export const buildSettingsEnv = (settings: BuildSettings): Record<string, string> => ({ [settingsVariable]: JSON.stringify(settings) })

/** This build's settings; undefined when it was not started by the release code (`astro build`, `astro dev`: every page, nothing recorded). */
export function buildSettings(env: Env = process.env): BuildSettings | undefined {
  const raw = env[settingsVariable]
  return raw ? (JSON.parse(raw) as BuildSettings) : undefined
}

function writeJson(file: string, value: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(value))
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

const jsonFiles = (dir: string, pattern: RegExp) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => pattern.test(name)).sort() : [])

/** A changed or removed document; `before` is its data as the served release saw it (none: a new document). */
export interface DocumentChange {
  id: string
  before?: Record<string, unknown>
}

/** What one content source's sync changed since the served release (loader → planner). */
export interface ChangeRecord {
  source: string
  full: boolean
  reason?: string
  changed: DocumentChange[]
  removed: DocumentChange[]
}

export const writeChangeRecord = (changesDir: string, record: ChangeRecord) => writeJson(path.join(changesDir, `${record.source}.json`), record)
export const readChangeRecord = (changesDir: string, source: string) => readJson<ChangeRecord>(path.join(changesDir, `${source}.json`))

/** The "Udeladt" lines of one collection: what the content sync left out, in plain Danish (loader → release). */
export const writeOmissions = (changesDir: string, collection: string, lines: string[]) => writeJson(path.join(changesDir, `omitted-${collection}.json`), lines)
export const readOmissions = (changesDir: string): string[] =>
  jsonFiles(changesDir, /^omitted-.*\.json$/).flatMap((name) => readJson<string[]>(path.join(changesDir, name)) ?? [])

/** The build's plan as the planner made it (planner → release): what it rendered and why. */
export interface PlanRecord {
  mode: BuildMode
  /** Why the build is full, or what a partial build renders. */
  reason: string
  /** The documents whose pages a partial build renders (`activity:12`…). */
  tags: string[]
}

export const writePlan = (pathsDir: string, plan: PlanRecord) => writeJson(path.join(pathsDir, '_plan.json'), plan)
export const readPlan = (pathsDir: string) => readJson<PlanRecord>(path.join(pathsDir, '_plan.json'))

/** A page (`da/arrangementer/x/`) or file (`da/kalender/x.ics`) of a route, with the documents it shows. */
export interface RoutePage {
  file: string
  tags: string[]
}

/** One dynamic route's full page list (routes → release). `sitemap: false`: its pages are never in the sitemap. */
export interface RouteRecord {
  route: string
  sitemap: boolean
  pages: RoutePage[]
}

export const writeRouteRecord = (pathsDir: string, record: RouteRecord) => writeJson(path.join(pathsDir, `route-${record.route.replace(/[^\w-]+/g, '_')}.json`), record)
export const readRouteRecords = (pathsDir: string): RouteRecord[] =>
  jsonFiles(pathsDir, /^route-.*\.json$/).map((name) => JSON.parse(fs.readFileSync(path.join(pathsDir, name), 'utf8')) as RouteRecord)

/** What is kept about each release's build, beside the releases (release → a later release). */
export interface BuildInfo {
  codeDigest: string
  mode: BuildMode
  /** The release a partial build was completed from. */
  basedOn?: string
  builtAt: string
  /** When every page was last rendered (this build, or the full build a partial one goes back to). */
  fullBuildAt: string
}

export const writeBuildInfo = (infoDir: string, info: BuildInfo) => writeJson(path.join(infoDir, 'info.json'), info)
export const readBuildInfo = (infoDir: string) => readJson<BuildInfo>(path.join(infoDir, 'info.json'))

/** A build's outcome (release → its caller). */
export type ReleaseResult =
  | {
      ok: true
      release: string
      pages: number
      mode: BuildMode
      reason: string
      /** What the build left out (content that cannot be shown, links shown as text). */
      omitted: string[]
      durationMs: number
    }
  | {
      ok: false
      /** In words an editor can act on. */
      error: string
      /** What the failed build was doing, when it got that far. */
      mode?: BuildMode
      reason?: string
      durationMs: number
    }

export const writeReleaseResult = (file: string, result: ReleaseResult) => writeJson(file, result)
/** The result a build left, or undefined when it left none (it crashed). */
export const readReleaseResult = (file: string) => readJson<ReleaseResult>(file)
