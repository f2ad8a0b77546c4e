import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { releasesDir as siteReleasesDir } from '../../../core/defaults.ts'
import { type BuildInfo, writeBuildInfo } from '../../../core/release.ts'
import { removeInBackground } from './remove.ts'
import type { SearchState } from './search-index.ts'

/**
 * The releases folder: one folder per release (named by its build time), `current` a symlink to
 * the served one, swapped with one rename. What is kept about each build lies beside them, never
 * served: `.info/<release>/` (its build record and its routes' page lists) and `.store-release`
 * (the release last made from the content store in `.cache`).
 */
export const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The releases folder of this site (SITE_RELEASES_DIR, else site/releases). */
export const defaultReleasesDir = (env: Record<string, string | undefined> = process.env) => siteReleasesDir(siteDir, env)

/** Releases kept: the served one and the two before it, for a rollback. */
export const keep = 3

const isReleaseName = (name: string) => /^\d{8}T\d{6}Z(-\d+)?$/.test(name)

export const currentLink = (releasesDir: string) => path.join(releasesDir, 'current')
export const infoDir = (releasesDir: string, name: string) => path.join(releasesDir, '.info', name)
const storeReleaseFile = (releasesDir: string) => path.join(releasesDir, '.store-release')

export function listReleases(releasesDir: string): string[] {
  if (!fs.existsSync(releasesDir)) return []
  return fs.readdirSync(releasesDir).filter(isReleaseName).sort()
}

export function currentRelease(releasesDir: string): string | null {
  try {
    return path.basename(fs.readlinkSync(currentLink(releasesDir)))
  } catch {
    return null
  }
}

/** A new release's name: its build time, with a counter when that folder exists. */
export function newReleaseName(releasesDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  let name = stamp
  for (let n = 1; fs.existsSync(path.join(releasesDir, name)); n++) name = `${stamp}-${n}`
  return name
}

/** Points `current` at `name` in one atomic step (rename over the old symlink). */
export function activate(releasesDir: string, name: string) {
  const temporary = path.join(releasesDir, `.current-${process.pid}`)
  fs.rmSync(temporary, { force: true })
  fs.symlinkSync(name, temporary)
  fs.renameSync(temporary, currentLink(releasesDir))
}

/** A release on its way out, files a stopped partial build was linking, and half-made builds from a crash (older versions named them <release>.building). */
const isLeftover = (name: string) => /^\.(removing|linking)-/.test(name) || /^\d.*\.building$/.test(name)

/**
 * Removes all but the last `keep` releases (never the served one), and half-made builds. A
 * release leaves the releases at once (renamed to `.removing-<name>`); its files are deleted in
 * the background: at 10× scale that is 215,000 files and 18 s, which a publish need not wait for.
 * Resolves when they are gone; one left by a process that stopped is removed by the next prune.
 */
export function prune(releasesDir: string): Promise<void> {
  const current = currentRelease(releasesDir)
  const releases = listReleases(releasesDir)
  for (const name of releases.slice(0, Math.max(0, releases.length - keep))) {
    if (name === current) continue
    try {
      // A name of its own (a release of that name may be on its way out already).
      fs.renameSync(path.join(releasesDir, name), path.join(releasesDir, `.removing-${name}-${process.pid}-${Date.now()}`))
      fs.rmSync(infoDir(releasesDir, name), { recursive: true, force: true })
    } catch {
      // Pruning is tidying: the release is served whatever happens here, and the next prune tries again.
    }
  }
  const leftovers = fs.readdirSync(releasesDir).filter(isLeftover)
  return removeInBackground(leftovers.map((name) => path.join(releasesDir, name)))
}

export type RollbackResult = { ok: true; release: string; from: string | null } | { ok: false; error: string }

/** Serves the release before the current one. */
export function rollback(releasesDir: string): RollbackResult {
  const current = currentRelease(releasesDir)
  const releases = listReleases(releasesDir)
  const index = current ? releases.indexOf(current) : -1
  const previous = index > 0 ? releases[index - 1] : undefined
  if (!previous) return { ok: false, error: `No release before ${current ?? '(none)'} is kept; nothing changed.` }
  activate(releasesDir, previous)
  return { ok: true, release: previous, from: current }
}

/** The release last made from the content store (a partial build needs the served release to be that one). */
export function storeRelease(releasesDir: string): string | null {
  const file = storeReleaseFile(releasesDir)
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
}

export function setStoreRelease(releasesDir: string, name: string | null) {
  if (name === null) fs.rmSync(storeReleaseFile(releasesDir), { force: true })
  else fs.writeFileSync(storeReleaseFile(releasesDir), name)
}

export interface Publication {
  /** The finished, checked build. */
  building: string
  name: string
  /** Its routes' page lists, kept for the next partial build. */
  pathsDir: string
  info: BuildInfo
  /** What the next partial build's search index needs (search-index.ts). */
  search?: SearchState
}

/**
 * Makes a checked build the served release: its record kept, the folder moved into place,
 * `current` swapped, old releases pruned (their files deleted in the background; the promise
 * says when that is done).
 */
export function publish(releasesDir: string, { building, name, pathsDir, info, search }: Publication): { pruned: Promise<void> } {
  const kept = infoDir(releasesDir, name)
  fs.rmSync(kept, { recursive: true, force: true })
  fs.mkdirSync(kept, { recursive: true })
  fs.renameSync(pathsDir, path.join(kept, 'paths'))
  writeBuildInfo(kept, info)
  if (search) fs.writeFileSync(path.join(kept, 'search.json'), JSON.stringify(search))
  fs.renameSync(building, path.join(releasesDir, name))
  activate(releasesDir, name)
  setStoreRelease(releasesDir, name)
  return { pruned: prune(releasesDir) }
}

/** The folders a build works in (its pages, the loaders' change records, the routes' page lists, the served files linked for a partial build); never served. */
export const buildFolders = (releasesDir: string) => ({
  building: path.join(releasesDir, '.building'),
  changesDir: path.join(releasesDir, '.changes'),
  pathsDir: path.join(releasesDir, '.paths'),
  linkingDir: path.join(releasesDir, '.linking'),
})
