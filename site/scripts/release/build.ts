import fs from 'node:fs'
import path from 'node:path'

import { type PlanRecord, readBuildInfo, readOmissions, readPlan, type ReleaseResult } from '../../../core/release.ts'
import { afterPublish } from './after-publish.ts'
import { assemblePartial, type Linking, outputFile, type ReleaseFiles, renderedPages, startLinking } from './assemble.ts'
import { type AstroBuild, runAstroBuild } from './astro-build.ts'
import { fullBuildReason, pageChanges, readPages, siteCodeDigest, unexplainedReason, unlistedPages } from './plan.ts'
import { lockReleases } from './lock.ts'
import { readPageRecords, writePageRecords } from './page-records.ts'
import { buildFolders, currentRelease, defaultReleasesDir, infoDir, newReleaseName, publish, setStoreRelease } from './releases.ts'
import { buildDeltaIndex, buildSearchIndex, type DeltaIndex, deltaFolder, maxDeltaPages, readSearchState, searchIndexProblems, type SearchState } from './search-index.ts'
import { writeServingRules } from './serving-files.ts'
import { readSiteUrl } from './sitemap.ts'
import { validate } from './validate.ts'

/**
 * One release: plan, render (Astro), assemble (a partial build completed from the served
 * release), index for search, check, publish. Only a build that completed and passed the check
 * becomes `current`; a failed build never touches the served site, and a partial build that does
 * not hold together is built again in full.
 */
export interface BuildOptions {
  releasesDir?: string
  /** The site's address for the merged sitemap (default SITE_URL, else the served release's). */
  siteUrl?: string
  /** Render every page, never a partial build (default SITE_FULL_BUILD=1). */
  forceFull?: boolean
  /** Progress, line by line (default: standard output). */
  log?: (line: string) => void
  /** How the pages are rendered: Astro in a process of its own (default), or in this one (the build worker). */
  renderer?: (build: AstroBuild) => Promise<void>
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const toStdout = (line: string) => {
  process.stdout.write(`${line}\n`)
}

export async function build({
  releasesDir = defaultReleasesDir(),
  siteUrl = process.env.SITE_URL,
  forceFull = process.env.SITE_FULL_BUILD === '1',
  log = toStdout,
  renderer = runAstroBuild,
}: BuildOptions = {}): Promise<ReleaseResult> {
  const started = Date.now()
  fs.mkdirSync(releasesDir, { recursive: true })
  let unlock: () => void
  try {
    unlock = await lockReleases(releasesDir, { log })
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), durationMs: Date.now() - started }
  }
  try {
    return await buildLocked({ releasesDir, siteUrl, forceFull, log, renderer }, started)
  } finally {
    unlock()
  }
}

async function buildLocked({ releasesDir, siteUrl, forceFull, log, renderer }: Required<Omit<BuildOptions, 'siteUrl'>> & { siteUrl?: string }, started: number): Promise<ReleaseResult> {
  const name = newReleaseName(releasesDir)
  const { building, changesDir, pathsDir, linkingDir } = buildFolders(releasesDir)
  const codeDigest = siteCodeDigest()
  const base = currentRelease(releasesDir)
  const whyFull = fullBuildReason({ releasesDir, codeDigest, forceFull })
  // Until this build is served, the content store is ahead of the served release.
  setStoreRelease(releasesDir, null)
  let linking: Linking | undefined
  const clean = () => {
    linking?.discard()
    linking = undefined
    for (const dir of [building, changesDir, pathsDir]) fs.rmSync(dir, { recursive: true, force: true })
  }
  clean()
  // A partial build keeps every file it does not render: they are linked while it renders.
  if (base && whyFull === null) linking = startLinking(path.join(releasesDir, base), linkingDir)
  let plan: PlanRecord | undefined
  /** Renders; the plan is what the site's planner decided (lib/partial.ts). */
  const render = async (why: string | null) => {
    log(`${seconds(Date.now() - started)} after the build began: rendering.`)
    await renderer({ releasesDir, outDir: building, settings: { partial: why === null, why: why ?? undefined, changesDir, pathsDir }, log })
    plan = readPlan(pathsDir) ?? { mode: 'full', reason: why ?? 'no plan recorded', tags: [] }
    return plan
  }
  /** A partial build's search index: the served one's base index, and a delta of the pages rendered since (search-index.ts). */
  let delta: Omit<DeltaIndex, 'dir' | 'log'> | undefined
  let search: SearchState = { touched: [] }
  /** What a partial build's release holds, as its assembly listed it (the check need not walk it). */
  let assembled: ReleaseFiles | undefined
  const buildEveryPage = async (why: string) => {
    log(`${why}: building every page.`)
    delta = undefined
    assembled = undefined
    linking?.discard()
    linking = undefined
    for (const dir of [building, pathsDir]) fs.rmSync(dir, { recursive: true, force: true })
    return render(why)
  }
  try {
    let made = await render(whyFull)
    if (made.mode !== 'partial') {
      linking?.discard()
      linking = undefined
    }
    if (made.mode === 'partial' && base) {
      const baseDir = path.join(releasesDir, base)
      const { added, gone, unexplained } = pageChanges(readPages(path.join(infoDir(releasesDir, base), 'paths')), readPages(pathsDir), new Set(made.tags))
      if (unexplained.length) {
        made = await buildEveryPage(unexplainedReason(unexplained))
      } else {
        // What the check read of the served release's pages, unless this process made it.
        readPageRecords(path.join(infoDir(releasesDir, base), 'pages.json'), base)
        // Without the served release's state, a delta would lose what its own delta held: one index.
        const before = readSearchState(infoDir(releasesDir, base)) ?? (fs.existsSync(path.join(baseDir, deltaFolder, 'pagefind-entry.json')) ? undefined : { touched: [] })
        const rendered = renderedPages(building)
        const hasBaseIndex = fs.existsSync(path.join(baseDir, 'pagefind', 'pagefind-entry.json'))
        if (before && hasBaseIndex && before.touched.length + rendered.length + gone.length <= maxDeltaPages) delta = { before, rendered, gone: gone.map(outputFile) }
        const assembling = Date.now()
        let linked: number
        ;({ linked, files: assembled } = await assemblePartial({ baseDir, dir: building, gone, unlisted: unlistedPages(pathsDir), siteUrl: siteUrl ?? readSiteUrl(baseDir), linking }))
        // The linked folder is now the build's.
        linking = undefined
        log(`Kept ${linked} unchanged files from release ${base}; ${added.length} new and ${gone.length} removed pages (${seconds(Date.now() - assembling)}).`)
      }
    }
    const rendered = Date.now()
    const check = async () => {
      const meanwhile = () => {
        const checking = Date.now()
        const validation = validate(building, { searchIndex: false, files: assembled })
        log(`Checked ${validation.pages} pages' links and the sitemap in ${seconds(Date.now() - checking)}.`)
        return validation
      }
      let result: ReturnType<typeof meanwhile> | undefined
      if (delta) {
        try {
          ;({ state: search, result } = await buildDeltaIndex({ ...delta, dir: building, log }, meanwhile))
        } catch (error) {
          log(`The index of the changed pages could not be made (${error instanceof Error ? error.message : String(error)}): indexing every page.`)
          fs.rmSync(path.join(building, deltaFolder), { recursive: true, force: true })
        }
      }
      if (!result) {
        // A partial build's `pagefind/` holds the served release's files (hard links): removed, never written into.
        if (made.mode === 'partial') fs.rmSync(path.join(building, 'pagefind'), { recursive: true, force: true })
        result = await buildSearchIndex(building, meanwhile, log)
        search = { touched: [] }
      }
      return { ...result, problems: [...result.problems, ...searchIndexProblems(building)] }
    }
    let checked = await check()
    if (checked.problems.length && made.mode === 'partial') {
      // A partial build that does not hold together (a link to a page that went away): never publish it, build every page.
      made = await buildEveryPage(`The partial build failed its check (${checked.problems[0]})`)
      checked = await check()
    }
    // What the content sync left out (a listing whose department page is unpublished…) and links shown as text: the build goes on without them.
    const omitted = [...readOmissions(changesDir), ...checked.unlinked]
    if (omitted.length) log(`Udeladt:\n${omitted.map((line) => `- ${line}`).join('\n')}`)
    if (checked.problems.length) {
      throw new Error(`Den nye udgave bestod ikke kontrollen, så den offentlige side blev ikke ændret:\n- ${checked.problems.join('\n- ')}`)
    }
    // How hosts serve it (headers, 404s, redirects): from the finished release, whose pages' inline scripts the policy names.
    const writingRules = Date.now()
    const serving = writeServingRules(building, process.env, checked)
    log(`Serving rules: _headers, headers.nginx.conf, _redirects (${serving.scriptHashes} inline scripts, ${serving.styleHashes} inline styles allowed by hash; ${seconds(Date.now() - writingRules)}).`)
    log(`Checked and indexed ${checked.pages} pages in ${seconds(Date.now() - rendered)}.`)
    const checkedAt = Date.now()
    const baseInfo = made.mode === 'partial' && base ? readBuildInfo(infoDir(releasesDir, base)) : undefined
    const now = new Date().toISOString()
    // The releases it replaces are deleted in the background (a command that ends first leaves that to the next build).
    publish(releasesDir, {
      building,
      name,
      pathsDir,
      search,
      info: { codeDigest, mode: made.mode, basedOn: made.mode === 'partial' ? (base ?? undefined) : undefined, builtAt: now, fullBuildAt: baseInfo?.fullBuildAt ?? new Date(started).toISOString() },
    })
    // For the next partial build, should another process make it (without them, it reads the pages).
    try {
      writePageRecords(path.join(infoDir(releasesDir, name), 'pages.json'), name, checked.keys)
    } catch (error) {
      log(`The pages' records were not kept (${error instanceof Error ? error.message : String(error)}); the next build reads the pages instead.`)
    }
    log(`Published in ${seconds(Date.now() - checkedAt)}; ${seconds(Date.now() - started)} in all.`)
    await afterPublish(path.join(releasesDir, name), name, log)
    return { ok: true, release: name, pages: checked.pages, mode: made.mode, reason: made.reason, omitted, durationMs: Date.now() - started }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), mode: plan?.mode, reason: plan?.reason, durationMs: Date.now() - started }
  } finally {
    clean()
  }
}
