// A real Redis for tests (Debian's redis-server), on a free port, in memory only: several CMS
// instances share signup limits and the signup-target cache through it. Installed with apt-get
// when missing, as scripts/test.mjs does for chromium.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

import { run, ui } from './lib.mjs'

const debianRedis = '/usr/bin/redis-server'

export async function ensureRedisServer() {
  if (process.env.REDIS_SERVER_PATH && fs.existsSync(process.env.REDIS_SERVER_PATH)) return process.env.REDIS_SERVER_PATH
  if (fs.existsSync(debianRedis)) return debianRedis
  if (process.getuid?.() === 0 && fs.existsSync('/etc/debian_version')) {
    await run("Installing Debian's redis-server (apt-get)", 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'], { quiet: true })
    return debianRedis
  }
  throw new Error('redis-server is not installed (Debian: apt-get install redis-server), or set REDIS_SERVER_PATH')
}

/** A port nothing listens on now (Redis cannot be told to pick one itself). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Starts redis-server; `close()` stops it. Nothing is written to disk (no RDB, no AOF). */
export async function startRedis({ port } = {}) {
  const executable = await ensureRedisServer()
  port ??= await freePort()
  const child = spawn(executable, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${output}`)), 15_000)
    const read = (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server stopped (exit code ${code}):\n${output}`))
    })
  })
  ui.ok(`Redis on 127.0.0.1:${port}`)
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
