import fs from 'node:fs'
import path from 'node:path'

/**
 * The repository root, found by walking up from the working directory to the folder holding
 * `core/locales.ts`. Scripts run from the root or from `cms/`, and Next bundles this file
 * elsewhere, so neither `process.cwd()` nor `import.meta.url` alone can be trusted.
 */
export function findRepoRoot(start = process.cwd()): string {
  let dir = path.resolve(start)
  for (;;) {
    if (fs.existsSync(path.join(dir, 'core', 'locales.ts'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`Could not find the project root (core/locales.ts) above ${start}`)
    dir = parent
  }
}

export const repoRoot = findRepoRoot()
export const contentDir = path.join(repoRoot, 'content')
/** Git-ignored folder for the embedded database, uploads and the local secret. */
export const dataDir = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(repoRoot, 'data')
