import path from 'node:path'
import { parseArgs } from 'node:util'

import { writeReleaseResult } from '../../../core/release.ts'
import { build } from './build.ts'
import { currentRelease, defaultReleasesDir, listReleases, rollback } from './releases.ts'

/**
 * The release command (site/scripts/release.mjs runs it):
 *
 *   build [--result <file>]   build, validate, publish (prints progress); the outcome, a
 *                             ReleaseResult (core/release.ts), goes to <file>, else to
 *                             <releases>/.last-build.json
 *                             (SITE_FULL_BUILD=1: render every page, never a partial build)
 *   rollback                  serve the release before the current one
 *   status                    the current release and the ones kept
 *
 * Environment: CMS_URL (where content is read), SITE_URL, SITE_RELEASES_DIR (default site/releases).
 * Returns the exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { result: { type: 'string' } } })
  const command = positionals[0] ?? 'status'
  const releasesDir = defaultReleasesDir()
  if (command === 'build') {
    const result = await build({ releasesDir })
    writeReleaseResult(values.result ? path.resolve(values.result) : path.join(releasesDir, '.last-build.json'), result)
    if (result.ok) console.log(`Published release ${result.release} (${result.mode} build: ${result.reason}; ${result.pages} pages).`)
    else console.error(`The build failed; the served site is unchanged.\n${result.error}`)
    return result.ok ? 0 : 1
  }
  if (command === 'rollback') {
    const result = rollback(releasesDir)
    console.log(result.ok ? `Now serving ${result.release} (was ${result.from}).` : result.error)
    return result.ok ? 0 : 1
  }
  if (command === 'status') {
    const current = currentRelease(releasesDir)
    console.log(`Releases in ${releasesDir}:`)
    for (const name of listReleases(releasesDir)) console.log(`  ${name === current ? '*' : ' '} ${name}`)
    if (!current) console.log('  (none is being served yet)')
    return 0
  }
  console.error('Usage: release.mjs build [--result <file>] | rollback | status')
  return 2
}
