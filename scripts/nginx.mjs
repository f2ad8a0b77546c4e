// Debian's nginx serving a built release with the site's own server block (deploy/nginx/site.conf,
// made by site/scripts/release/serving-rules.ts), for the e2e test of what production hosts send
// (e2e/tests/serving.spec.ts). `npm test` installs nginx as it installs Chromium; the test starts
// it in the foreground, on its own port, with every file it writes in a temporary folder.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { nginxSiteConf } from '../site/scripts/release/serving-rules.ts'

const debianNginx = '/usr/sbin/nginx'

/** The nginx binary: NGINX_PATH, Debian's, or none. */
export function nginxBinary() {
  for (const candidate of [process.env.NGINX_PATH, debianNginx]) if (candidate && fs.existsSync(candidate)) return candidate
  return undefined
}

/**
 * Installs Debian's nginx when it is missing and this is root on Debian (as scripts/test.mjs
 * does for Chromium). Installed with RUNLEVEL=1, so the package does not start the system's
 * nginx on port 80: the test starts its own.
 *
 * @param {(label: string, command: string, args: string[], options?: object) => Promise<void>} run
 */
export async function ensureNginx(run) {
  const found = nginxBinary()
  if (found) return found
  if (process.getuid?.() === 0 && fs.existsSync('/etc/debian_version')) {
    await run("Installing Debian's nginx (apt-get)", 'sh', ['-c', 'apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx'], { quiet: true })
    return debianNginx
  }
  throw new Error('nginx is not installed, and only root on Debian installs it by itself: install nginx (or set NGINX_PATH) and run the tests again.')
}

/** The whole configuration of a test nginx: a main block that writes only into `dir`, and the site's server block. */
export function testNginxConf({ root, port, dir, rulesDir }) {
  return [
    // As root the workers would run as nobody, who cannot read the test's private temporary folders.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    'error_log stderr warn;',
    'events { worker_connections 256; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind};`),
    nginxSiteConf({ root, rulesDir, listen: [`127.0.0.1:${port}`], serverName: 'localhost' })
      .split('\n')
      .map((line) => (line ? `    ${line}` : line))
      .join('\n'),
    '}',
    '',
  ].join('\n')
}

/**
 * Starts nginx in the foreground serving `root` (a release folder, or the `current` symlink) on
 * 127.0.0.1:`port`. `extraRedirects` ([old, new] paths) are added to a copy of the release's
 * redirect map, as a build after a rename writes them, without touching the release. Resolves
 * when it answers; `stop()` ends it and removes its files.
 *
 * @param {{ root: string, port: number, extraRedirects?: [string, string][], timeoutMs?: number }} options
 */
export async function startNginx({ root, port, extraRedirects = [], timeoutMs = 20_000 }) {
  const binary = nginxBinary()
  if (!binary) throw new Error('nginx is not installed (npm test installs it on Debian as root; else install nginx or set NGINX_PATH).')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-nginx-'))
  const release = path.resolve(root)
  let rulesDir
  if (extraRedirects.length) {
    rulesDir = path.join(dir, 'rules')
    fs.mkdirSync(rulesDir)
    fs.copyFileSync(path.join(release, 'headers.nginx.conf'), path.join(rulesDir, 'headers.nginx.conf'))
    const map = fs.readFileSync(path.join(release, 'redirects.nginx.conf'), 'utf8')
    const end = map.lastIndexOf('}')
    fs.writeFileSync(path.join(rulesDir, 'redirects.nginx.conf'), `${map.slice(0, end)}${extraRedirects.map(([from, to]) => `    ${from} ${to};\n`).join('')}${map.slice(end)}`)
  }
  const conf = path.join(dir, 'nginx.conf')
  fs.writeFileSync(conf, testNginxConf({ root: release, port, dir, rulesDir }))
  const child = spawn(binary, ['-e', 'stderr', '-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let output = ''
  child.stderr.on('data', (chunk) => {
    output = (output + chunk).slice(-4000)
  })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // QUIT: a graceful stop; nginx's master stops its worker with it.
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGQUIT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`nginx stopped (exit code ${child.exitCode}):\n${output}`)
    }
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })
      return { url, stop, output: () => output }
    } catch {
      if (Date.now() > deadline) {
        await stop()
        throw new Error(`nginx did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
