// `npm audit --omit=dev`, held to the project's rule: no high or critical advisory in what is
// deployed, unless docs/audit-exceptions.md lists it with the reason.
//
//   node scripts/audit.mjs            (npm run audit:prod)
//
// Exit 0: nothing high or critical outside the exceptions. Exit 1: a new one (listed). Exit 2:
// the audit could not be done (the registry unreachable, or one that does not answer audits),
// which is never taken for a pass. The advisories come from the registry npm is configured with.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// AUDIT_EXCEPTIONS_FILE: another list, for the script's own tests.
export const exceptionsFile = process.env.AUDIT_EXCEPTIONS_FILE ?? path.join(root, 'docs', 'audit-exceptions.md')
const blocking = new Set(['high', 'critical'])
const ghsaPattern = /GHSA(?:-[0-9a-z]{4}){3}/gi

/** The GHSA IDs in the exceptions table (rows starting with `|`). */
export function exceptionsFrom(markdown) {
  const ids = new Set()
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) continue
    for (const id of line.match(ghsaPattern) ?? []) ids.add(id.toUpperCase())
  }
  return ids
}

/**
 * High and critical advisories in an `npm audit --json` report (format 2), one per advisory with
 * the packages it is found in. An advisory with no GHSA URL keeps npm's own number as its ID.
 */
export function blockingAdvisories(report) {
  const advisories = new Map()
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || !blocking.has(via.severity)) continue
      const id = (via.url?.match(ghsaPattern)?.[0] ?? `npm-${via.source}`).toUpperCase()
      const entry = advisories.get(id) ?? { id, severity: via.severity, title: via.title, url: via.url, packages: new Set() }
      entry.packages.add(`${via.name} ${via.range ?? ''}`.trim())
      advisories.set(id, entry)
    }
  }
  return [...advisories.values()].map((advisory) => ({ ...advisory, packages: [...advisory.packages] }))
}

/** What the report means under the exceptions: new advisories, excepted ones, and exceptions no longer needed. */
export function judge(report, exceptions) {
  const found = blockingAdvisories(report)
  return {
    added: found.filter((advisory) => !exceptions.has(advisory.id)),
    excepted: found.filter((advisory) => exceptions.has(advisory.id)),
    stale: [...exceptions].filter((id) => !found.some((advisory) => advisory.id === id)),
  }
}

/** Runs `npm audit --omit=dev --json` in the project; resolves to its parsed report or an error. */
export function runNpmAudit({ cwd = root, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['audit', '--omit=dev', '--json'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => resolve({ error: `npm could not be run (${error.message})` }))
    child.on('close', () => {
      // npm exits 1 both when it finds advisories and when it fails: the JSON says which.
      let report
      try {
        report = JSON.parse(stdout)
      } catch {
        const reason = stderr.split('\n').find((line) => /error|warn/i.test(line)) ?? 'no report'
        return resolve({ error: reason.trim() })
      }
      // A failed audit prints the failed request's JSON (`message`, an `error` object whose texts may be empty).
      if (report.error || !report.vulnerabilities) {
        const reason = [report.message, report.error?.summary, report.error?.detail].find((text) => typeof text === 'string' && text.trim())
        return resolve({ error: reason?.trim() ?? report.error?.code ?? 'npm audit gave no report' })
      }
      resolve({ report })
    })
  })
}

async function main() {
  const registry = process.env.npm_config_registry ?? 'the configured npm registry'
  const { report, error } = await runNpmAudit()
  if (error) {
    console.error(`npm audit could not be done: ${error}`)
    console.error(`npm asks ${registry} for advisories (POST /-/npm/v1/security/advisories/bulk). A registry mirror, or a proxy on the way, that does not pass that request on cannot answer it: run this where npm reaches a registry that answers audits (registry.npmjs.org directly, or a mirror that forwards audits). This is not a pass.`)
    process.exit(2)
  }
  const { added, excepted, stale } = judge(report, exceptionsFrom(fs.readFileSync(exceptionsFile, 'utf8')))
  const describe = (advisory) => `  ${advisory.severity} ${advisory.id} in ${advisory.packages.join(', ')}: ${advisory.title}${advisory.url ? ` (${advisory.url})` : ''}`
  if (excepted.length) console.log(`High or critical, written down in docs/audit-exceptions.md:\n${excepted.map(describe).join('\n')}`)
  if (stale.length) console.log(`In docs/audit-exceptions.md but no longer reported (remove them): ${stale.join(', ')}`)
  if (added.length) {
    console.error(`High or critical advisories in the deployed dependencies (npm audit --omit=dev):\n${added.map(describe).join('\n')}`)
    console.error('Upgrade (root package.json "overrides" where the pinned Payload holds a version back), or write the advisory down in docs/audit-exceptions.md with the reason.')
    process.exit(1)
  }
  console.log('npm audit --omit=dev: no high or critical advisory outside docs/audit-exceptions.md.')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main()
