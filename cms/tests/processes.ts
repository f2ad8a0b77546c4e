import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

import { completeSignupForm } from '../../core/consent'
import { root } from '../../scripts/lib.mjs'

/**
 * Helpers for the tests that run the real CMS (`cms/server.mjs` on a built admin) and the
 * project's commands as child processes, as an operator would.
 */

/**
 * A port for a test's CMS: the next of TEST_CMS_PORTS (comma-separated, for a machine where each
 * session has its own), else one the system has free.
 */
const assigned = (process.env.TEST_CMS_PORTS ?? '').split(',').filter(Boolean).map(Number)
export async function testPort(): Promise<number> {
  const next = assigned.shift()
  if (next) return next
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface Finished {
  code: number | null
  output: string
}

/** Runs `node <script> ...args` from the project root to its end, with its output. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, output }))
  })
}

/** A complete signup as the site's script posts it. */
export const signupForm = (fields: Record<string, string>) => completeSignupForm(fields)

/** Posts a signup to a CMS as the site would (the test environment trusts X-Forwarded-For from this machine). */
export function postSignup(cmsUrl: string, siteUrl: string, body: Record<string, string>, ip: string): Promise<Response> {
  return fetch(`${cmsUrl}/api/signups/submit`, {
    method: 'POST',
    headers: { Origin: siteUrl, 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify(body),
  })
}

/** GET as the admin, as JSON. */
export async function adminGet<T>(cmsUrl: string, token: string, apiPath: string): Promise<T> {
  const response = await fetch(`${cmsUrl}/api${apiPath}`, { headers: { Authorization: `JWT ${token}`, Accept: 'application/json' } })
  if (!response.ok) throw new Error(`GET ${apiPath} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}
