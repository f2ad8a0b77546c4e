import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exceptionsFrom, judge } from '../../scripts/audit.mjs'

/**
 * scripts/audit.mjs with the real npm client against a local server that speaks the registry's
 * bulk advisory API, so the test needs no network: what it answers decides the outcome.
 */
const root = path.resolve(import.meta.dirname, '../..')
type Advisories = Record<string, { id: number; url: string; title: string; severity: string; vulnerable_versions: string }[]>

let answer: { status: number; advisories?: Advisories } = { status: 200, advisories: {} }
let asked: Record<string, string[]> | undefined
let server: http.Server
let registry: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.endsWith('/-/npm/v1/security/advisories/bulk')) {
        const body = Buffer.concat(chunks)
        asked = JSON.parse((req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8'))
        res.writeHead(answer.status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(answer.advisories ?? { error: 'Method Not Allowed' }))
        return
      }
      // Packuments (npm reads the vulnerable package's versions): none here, which npm tolerates.
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function audit(registryUrl = registry, exceptions?: string): Promise<{ code: number | null; output: string }> {
  // A cache of its own: npm keeps advisories it was told about, and would mix in another run's.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-audit-cache-'))
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_registry: registryUrl, npm_config_fetch_retries: '0', npm_config_cache: cache }
  if (exceptions !== undefined) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drk-audit-')), 'exceptions.md')
    fs.writeFileSync(file, exceptions)
    env.AUDIT_EXCEPTIONS_FILE = file
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'audit.mjs')], { cwd: root, env })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code, output }))
  })
}

const grayMatter = (severity: string): Advisories => ({
  'gray-matter': [{ id: 1, url: 'https://github.com/advisories/GHSA-abcd-efgh-ijkl', title: 'Test advisory', severity, vulnerable_versions: '<=4.0.3' }],
})

describe('npm run audit:prod (scripts/audit.mjs)', () => {
  it('no advisories: passes, and asked about the deployed packages only (no dev dependencies)', async () => {
    answer = { status: 200, advisories: {} }
    const { code, output } = await audit()
    expect(output).toContain('no high or critical advisory')
    expect(code).toBe(0)
    expect(asked?.['payload']).toEqual(['3.90.2'])
    expect(asked?.['gray-matter']).toEqual(['4.0.3'])
    expect(asked?.['vitest']).toBeUndefined()
  })

  it('a high advisory not written down: fails and names it', async () => {
    answer = { status: 200, advisories: grayMatter('high') }
    const { code, output } = await audit()
    expect(code).toBe(1)
    expect(output).toContain('high GHSA-ABCD-EFGH-IJKL in gray-matter <=4.0.3: Test advisory')
  })

  it('a critical advisory written down in the exceptions: passes and still shows it', async () => {
    answer = { status: 200, advisories: grayMatter('critical') }
    const { code, output } = await audit(registry, '| advisory | package | reason |\n|---|---|---|\n| GHSA-abcd-efgh-ijkl | gray-matter | test |\n')
    expect(code).toBe(0)
    expect(output).toContain('written down in docs/audit-exceptions.md')
  })

  it('a moderate advisory does not fail it', async () => {
    answer = { status: 200, advisories: grayMatter('moderate') }
    expect((await audit()).code).toBe(0)
  })

  it('a registry that does not answer audits (405) or nothing listening: exit 2 with what to do, never a pass', async () => {
    answer = { status: 405 }
    const refused = await audit()
    expect(refused.code).toBe(2)
    expect(refused.output).toMatch(/npm audit could not be done: .*\n.*advisories\/bulk/)
    const closed = await audit('http://127.0.0.1:9/')
    expect(closed.code).toBe(2)
    expect(closed.output).toContain('npm audit could not be done')
  })

  it('the committed exceptions file parses: only table rows count', () => {
    const ids = exceptionsFrom(fs.readFileSync(path.join(root, 'docs', 'audit-exceptions.md'), 'utf8'))
    for (const id of ids) expect(id).toMatch(/^GHSA(-[0-9A-Z]{4}){3}$/)
    expect([...exceptionsFrom('GHSA-aaaa-bbbb-cccc in prose\n| GHSA-dddd-eeee-ffff | x | y |')]).toEqual(['GHSA-DDDD-EEEE-FFFF'])
    expect(judge({ vulnerabilities: {} }, new Set(['GHSA-DDDD-EEEE-FFFF'])).stale).toEqual(['GHSA-DDDD-EEEE-FFFF'])
  })
})
