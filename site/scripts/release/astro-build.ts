import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { type BuildSettings, buildSettingsEnv } from '../../../core/release.ts'
import { siteDir } from './releases.ts'

/** Astro's CLI as the site resolves it (npm may install it in site/node_modules or hoist it to the root). */
function astroCli(): string {
  const require = createRequire(path.join(siteDir, 'package.json'))
  const manifest = require.resolve('astro/package.json')
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: { astro: string } }
  return path.join(path.dirname(manifest), bin.astro)
}

export interface AstroBuild {
  releasesDir: string
  /** Where the pages go (the release being made). */
  outDir: string
  settings: BuildSettings
  /** Astro's output, line by line, for the build log. */
  log: (line: string) => void
}

/**
 * Astro writes its temporary server chunks into <working directory>/.astro/ when the output
 * folder is outside the working directory. Each releases folder gets its own working directory
 * inside site/ (so the chunks still resolve packages from node_modules): two builds for different
 * sites at once (tests, benchmarks) do not trip over each other.
 */
export const workDirFor = (releasesDir: string) => path.join(siteDir, '.build-work', crypto.createHash('sha256').update(releasesDir).digest('hex').slice(0, 12))

/**
 * What the site's config reads: the content store lives beside the releases (one per served
 * site), and the output folder has a fixed name: Astro clears its store when its config (outDir
 * included) changes, and the store is what lets the next build load only the content that changed.
 */
export const astroEnv = (releasesDir: string, outDir: string): Record<string, string> => ({
  SITE_OUT_DIR: outDir,
  SITE_CACHE_DIR: path.join(releasesDir, '.cache'),
  ASTRO_TELEMETRY_DISABLED: '1',
})

/** Astro's output, chunk by chunk, into the build log (`log`) and the last lines kept for an error (`tail`). */
export function keepAstroLine(log: (line: string) => void, tail: string[]): (chunk: Buffer) => void {
  return (chunk) => {
    // Plain text: colour codes (FORCE_COLOR in some parents) mean nothing in the admin's build log.
    for (const line of String(chunk).replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
      if (!line.trim() || /Unknown user config "nodedir"/.test(line)) continue
      // One line per page (thousands) would bury what matters in the build log; Astro's own
      // summary ("N page(s) built in …") stays.
      if (/^\s*(\S+\s+)?[├└]─ /.test(line) || /^\s*\(\+\d+(\.\d+)?m?s\)\s*$/.test(line)) continue
      log(line)
      tail.push(line)
      if (tail.length > 30) tail.shift()
    }
  }
}

/** Renders the site with Astro, in a process of its own; rejects with an error an editor can read. */
export function runAstroBuild({ releasesDir, outDir, settings, log }: AstroBuild): Promise<void> {
  return new Promise((resolve, reject) => {
    const workDir = workDirFor(releasesDir)
    fs.mkdirSync(workDir, { recursive: true })
    // Astro's CLI under this same Node (the Node 24 from npm), whatever `node` is on the PATH.
    const child = spawn(process.execPath, [astroCli(), 'build', '--root', siteDir], {
      cwd: workDir,
      env: {
        ...process.env,
        ...astroEnv(releasesDir, outDir),
        NODE_COMPILE_CACHE: path.join(siteDir, '.build-work', '.compile-cache'),
        ...buildSettingsEnv(settings),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const tail: string[] = []
    const keepLine = keepAstroLine(log, tail)
    child.stdout.on('data', keepLine)
    child.stderr.on('data', keepLine)
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(explainFailure(tail, code)))))
  })
}

/** A failed build's error in words an editor can act on. */
export function explainFailure(tail: string[], code: number | null): string {
  const text = tail.join('\n')
  if (/Could not load .* from the CMS|ECONNREFUSED|fetch failed/.test(text)) {
    return 'Siden kunne ikke hente indholdet fra CMS’et (det svarede ikke). Den offentlige side blev ikke ændret. Prøv igen om et minut; bliver det ved, skal CMS’et genstartes.'
  }
  // The server could not write the new release: say so in words, not as a system error with its paths.
  const disk = /\b(ENOSPC|EACCES|EPERM|EROFS|ENOTDIR|EISDIR|EEXIST)\b/.exec(text)?.[1]
  if (disk) {
    const reasons: Record<string, string> = { ENOSPC: 'disken er fuld', EACCES: 'den må ikke skrive i sidens mapper', EPERM: 'den må ikke skrive i sidens mapper', EROFS: 'sidens mapper er skrivebeskyttede' }
    const why = reasons[disk] ?? 'en fil ligger, hvor den skulle bruge en mappe'
    return `Serveren kunne ikke gemme den nye udgave af siden: ${why} (${disk}). Den offentlige side blev ikke ændret. Kontakt den, der driver serveren.`
  }
  const lastError = tail.filter((line) => /error/i.test(line)).pop()
  return `Opdateringen af siden stoppede (kode ${code})${lastError ? `: ${lastError.trim()}` : ''}. Den offentlige side blev ikke ændret.`
}
