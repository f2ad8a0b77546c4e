import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The CMS refuses to start on a Payload older than this (cms/server.mjs): older versions lack
 * security fixes and behaviour the CMS's access rules and tests rely on. Raise it with the pin in
 * package.json. Node runs this file directly (types stripped): node: imports and erasable types only.
 */
export const minimumPayloadVersion = '3.90.2'

type Parsed = { numbers: [number, number, number]; prerelease: boolean }

function parse(version: string): Parsed | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(version.trim())
  if (!match) return null
  return { numbers: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease: match[4] !== undefined }
}

/** SemVer order, enough for this: a prerelease (3.90.2-canary.1) comes before its release. */
export function isAtLeast(version: string, minimum: string): boolean {
  const have = parse(version)
  const need = parse(minimum)
  if (!have || !need) return false
  for (let index = 0; index < 3; index++) {
    if (have.numbers[index]! !== need.numbers[index]!) return have.numbers[index]! > need.numbers[index]!
  }
  return !have.prerelease || need.prerelease
}

/** Why the CMS must not start with this Payload, or null when it may. */
export function payloadVersionProblem(version: string | undefined, minimum = minimumPayloadVersion): string | null {
  if (!version) return `Payload's version could not be read; the CMS needs Payload ${minimum} or newer. Run npm install.`
  if (!parse(version)) return `Payload's version "${version}" is not a version number; the CMS needs Payload ${minimum} or newer.`
  if (!isAtLeast(version, minimum)) return `Payload ${version} is installed; the CMS needs Payload ${minimum} or newer (security fixes). Run npm install with the committed lockfile.`
  return null
}

/** The installed payload package's version, as Node would load it from `fromDir`. */
export function installedPayloadVersion(fromDir: string): string | undefined {
  try {
    // payload's "exports" hide its package.json: find it above the entry point.
    let dir = path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve('payload'))
    while (dir !== path.dirname(dir)) {
      const file = path.join(dir, 'package.json')
      if (fs.existsSync(file)) {
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string }
        if (manifest.name === 'payload') return manifest.version
      }
      dir = path.dirname(dir)
    }
  } catch {
    // Not installed: reported as unreadable.
  }
  return undefined
}
