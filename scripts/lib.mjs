// Process helpers shared by `npm start`, `npm test` and the e2e set-up: run a step with its
// output shown, start a long-running child, wait for a URL, build the CMS only when it changed.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { isMongoUri } from '../core/database.ts'
import { releasesDir as siteReleasesDir } from '../core/defaults.ts'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const cmsDir = path.join(root, 'cms')
export const siteDir = path.join(root, 'site')
/** A package's command: hoisted to the root, or kept in the workspace that needs it (npm keeps Astro 7 in site/). */
export const bin = (name) => [root, path.join(root, 'site'), path.join(root, 'cms'), path.join(root, 'e2e')].map((dir) => path.join(dir, 'node_modules', '.bin', name)).find((file) => fs.existsSync(file)) ?? path.join(root, 'node_modules', '.bin', name)

const useColour = process.stdout.isTTY
const paint = (code, text) => (useColour ? `\x1b[${code}m${text}\x1b[0m` : text)
export const ui = {
  step: (text) => console.log(`${paint('1;36', '▸')} ${text}`),
  ok: (text) => console.log(`${paint('32', '✔')} ${text}`),
  warn: (text) => console.log(`${paint('33', '!')} ${text}`),
  fail: (text) => console.error(`${paint('31', '✘')} ${text}`),
  bold: (text) => paint('1', text),
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`

/** Node's own runtime (the Node 24 from node_modules when started through npm). */
function childEnv(extra) {
  const binDir = path.join(root, 'node_modules', '.bin')
  return { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra }
}

/** Streams a child's output with a prefix, so long steps show progress. */
function pipeLines(stream, prefix, sink, keep) {
  let buffer = ''
  stream.on('data', (chunk) => {
    buffer += chunk
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      if (!line.trim() || /Unknown user config "nodedir"/.test(line)) continue
      keep.push(line)
      if (keep.length > 40) keep.shift()
      if (sink) sink.write(`${prefix}${line}\n`)
    }
  })
}

/**
 * Runs a command to completion. `quiet` hides its output unless it fails; a failure throws
 * with the last lines of output so the person sees why.
 */
export function run(label, command, args, { cwd = root, env = {}, quiet = false } = {}) {
  const started = Date.now()
  ui.step(label)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    const tail = []
    pipeLines(child.stdout, '  │ ', quiet ? null : process.stdout, tail)
    pipeLines(child.stderr, '  │ ', quiet ? null : process.stderr, tail)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) {
        ui.ok(`${label} (${seconds(started)})`)
        resolve()
      } else {
        if (quiet) for (const line of tail) console.error(`  │ ${line}`)
        reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`))
      }
    })
  })
}

/**
 * Starts a long-running child (the CMS); its output is prefixed and kept for error messages.
 * `logFile` gets all of its output as it is (stdout and stderr), e.g. for a test to read the log.
 */
export function startProcess(name, command, args, { cwd = root, env = {}, quiet = false, logFile } = {}) {
  const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: false })
  if (logFile) {
    const log = fs.createWriteStream(logFile, { flags: 'a' })
    child.stdout.on('data', (chunk) => log.write(chunk))
    child.stderr.on('data', (chunk) => log.write(chunk))
    child.once('exit', () => log.end())
  }
  child.tail = []
  pipeLines(child.stdout, `  [${name}] `, quiet ? null : process.stdout, child.tail)
  pipeLines(child.stderr, `  [${name}] `, quiet ? null : process.stderr, child.tail)
  return child
}

/**
 * The built CMS on a port, through cms/server.mjs (`next start` plus the client's real address
 * for rate limits): the one way every script starts it.
 */
export function startCmsProcess(name, port, { env = {}, quiet = true, logFile } = {}) {
  return startProcess(name, process.execPath, [path.join(cmsDir, 'server.mjs'), '-p', String(port)], { cwd: cmsDir, env, quiet, logFile })
}

export function stopProcess(child) {
  if (!child || child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * Polls `url` until it answers 2xx; fails early if `child` dies.
 * @param {string} url
 * @param {{ timeoutMs?: number, child?: { exitCode: number | null, tail?: string[] } }} [options]
 */
export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  let lastError = 'no answer'
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`the process serving ${url} stopped (exit code ${child.exitCode}):\n${child.tail.join('\n')}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      if (response.ok) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error.cause?.code ?? error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`)
}

export function assertPortFree(port, what) {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', () =>
      reject(new Error(`Port ${port} is already in use, so the ${what} cannot start there. Stop what runs there, or choose another port.`)),
    )
    server.listen(port, () => server.close(resolve))
  })
}

/** A digest of the named files and folders under the repository (paths and contents; missing ones skipped). */
export function sourceDigest(inputs) {
  const hash = crypto.createHash('sha256')
  const add = (file) => {
    const stat = fs.statSync(file)
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) add(path.join(file, entry))
    } else {
      hash.update(path.relative(root, file))
      hash.update(fs.readFileSync(file))
    }
  }
  for (const input of inputs) {
    const file = path.join(root, input)
    if (fs.existsSync(file)) add(file)
  }
  return hash.digest('hex')
}

/** A digest of everything `next build` compiles; the build is skipped when it is unchanged. */
function cmsSourceDigest() {
  // The CMS also compiles what it shares with the site (core/: locales, schedule rules, signup strings...).
  return sourceDigest(['cms/src', 'cms/next.config.ts', 'cms/package.json', 'cms/tsconfig.json', 'core', 'package-lock.json'])
}

/** One `next build` at a time per checkout: parallel test runs would write into the same .next. */
async function withBuildLock(work) {
  const lock = path.join(cmsDir, '.next-build.lock')
  const deadline = Date.now() + 15 * 60_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      // A lock left by a killed build is stale after 10 minutes.
      if (Date.now() - fs.statSync(lock).mtimeMs > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`another CMS build holds ${lock}`)
      else await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  try {
    return await work()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * The database steps before the CMS starts, as Payload CLI arguments (run in cms/). SQLite applies
 * the committed migrations first; MongoDB has none (cms/src/migrations/ is SQL for SQLite, and
 * MongoDB's indexes are built from the config when the CMS connects), so it only seeds.
 */
export function databaseSteps({ uri = process.env.DATABASE_URI, seedDemo = process.env.SEED_DEMO !== 'false' } = {}) {
  const seed = {
    label: seedDemo ? 'Loading content/ and demo data if the database is empty' : 'Loading content/ (no demo data)',
    args: ['run', 'src/seed/cli.ts', '--if-empty'],
  }
  if (isMongoUri(uri)) return [seed]
  return [{ label: 'Applying database migrations', args: ['migrate'], quiet: true }, seed]
}

export function buildCmsIfNeeded() {
  return withBuildLock(buildCmsUnlocked)
}

async function buildCmsUnlocked() {
  const marker = path.join(cmsDir, '.next', 'drk-source-digest')
  const digest = cmsSourceDigest()
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === digest && fs.existsSync(path.join(cmsDir, '.next', 'BUILD_ID'))) {
    ui.ok('CMS admin already built for this source')
    return
  }
  // Custom admin components are looked up through the import map: keep it in step with the config.
  await run('Generating the admin import map', bin('payload'), ['generate:importmap'], { cwd: cmsDir, quiet: true })
  await run('Building the CMS admin (next build, about a minute the first time)', bin('next'), ['build'], {
    cwd: cmsDir,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  })
  // Generating the import map may have changed a source file: record the digest as built.
  fs.writeFileSync(marker, cmsSourceDigest())
}

export const releasesDir = (env = process.env) => siteReleasesDir(siteDir, env)

/** Builds a new site release from the CMS, validates it and makes it the served one (site/scripts/release.mjs). */
export function buildRelease({ cmsUrl, siteUrl, env = {}, quiet = false }) {
  return run(`Building the site from ${cmsUrl} (a new release, swapped in when complete)`, process.execPath, [path.join(siteDir, 'scripts', 'release.mjs'), 'build'], {
    cwd: root,
    env: { CMS_URL: cmsUrl, SITE_URL: siteUrl, ...env },
    quiet,
  })
}
