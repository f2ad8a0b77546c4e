import { copenhagenToday } from '../../../core/time.ts'
import { readBuildInfo, readRouteRecords } from '../../../core/release.ts'
import { sourceDigest } from '../../../scripts/lib.mjs'
import { currentRelease, infoDir, storeRelease } from './releases.ts'

/**
 * Full or partial. The release code decides whether the served release allows a partial build
 * (`fullBuildReason`); the site's planner (site/src/lib/partial.ts) then decides whether the
 * content changes allow it; after rendering, `pageChanges` checks that the pages which appeared
 * or went away are explained by those changes.
 */

/** A digest of everything the site's pages are made from, except the content: a partial build needs the same code. */
export const siteCodeDigest = (): string =>
  sourceDigest(['site/src', 'site/public', 'site/astro.config.mjs', 'site/package.json', 'core', 'cms/src/payload-types.ts', 'package-lock.json'])

export interface FullBuildQuestion {
  releasesDir: string
  codeDigest: string
  /** SITE_FULL_BUILD=1: render every page whatever the served release. */
  forceFull?: boolean
  now?: Date
}

/** Why this build must render every page, or null when it may render only what changed. */
export function fullBuildReason({ releasesDir, codeDigest, forceFull = false, now = new Date() }: FullBuildQuestion): string | null {
  if (forceFull) return 'SITE_FULL_BUILD=1'
  const current = currentRelease(releasesDir)
  if (!current) return 'no release is served yet'
  const info = readBuildInfo(infoDir(releasesDir, current))
  if (!info) return 'the served release has no build record'
  if (info.codeDigest !== codeDigest) return 'the site’s code changed'
  if (storeRelease(releasesDir) !== current) return 'the served release was not built from the current content store (a rollback or a failed build)'
  // The calendar day in Copenhagen: the first build of each day renders every page (next meeting dates, stale notices).
  if (!info.fullBuildAt || copenhagenToday(new Date(info.fullBuildAt)) !== copenhagenToday(now)) return 'the first build of the day renders every page'
  return null
}

/** Each route's pages (output file → tags) as a build recorded them (lib/partial.ts). */
export function readPages(pathsDir: string): Map<string, string[]> {
  const pages = new Map<string, string[]>()
  for (const route of readRouteRecords(pathsDir)) for (const page of route.pages) pages.set(page.file, page.tags)
  return pages
}

/** Pages of routes never in the sitemap (lib/partial.ts `sitemap: false`): a redirect page may now stand where a listed page was. */
export const unlistedPages = (pathsDir: string): string[] =>
  readRouteRecords(pathsDir)
    .filter((route) => route.sitemap === false)
    .flatMap((route) => route.pages.map((page) => page.file))

export interface PageChanges {
  added: string[]
  gone: string[]
  /** Pages that appeared or went away although none of their documents changed. */
  unexplained: string[]
}

/**
 * Pages that appeared or went away since the base release. A partial build may add and remove
 * pages only of the documents it renders (a new event, an unpublished activity, a new slug);
 * anything else (an event that has ended, say) means the lists elsewhere change too: full build.
 */
export function pageChanges(basePages: Map<string, string[]>, newPages: Map<string, string[]>, planTags: Set<string>): PageChanges {
  const added = [...newPages.keys()].filter((file) => !basePages.has(file))
  const gone = [...basePages.keys()].filter((file) => !newPages.has(file))
  const explained = (tags: string[]) => tags.some((value) => planTags.has(value))
  const unexplained = [...added.filter((file) => !explained(newPages.get(file)!)), ...gone.filter((file) => !explained(basePages.get(file)!))]
  return { added, gone, unexplained }
}

/** The full build's reason when pages changed that the plan does not explain. */
export const unexplainedReason = (unexplained: string[]) =>
  `Pages appeared or went away that this change does not explain (${unexplained.slice(0, 3).join(', ')}${unexplained.length > 3 ? ', …' : ''})`
