import fs from 'node:fs'
import type { Server } from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The public site's server (`npm start`, the e2e environment): tested in this process, over real HTTP.
import { createStaticServer, headersFromRules, listen, parseHeaderRules, parseRedirectRules, parseRequestTarget } from '../../scripts/static-server.mjs'
import { contentSecurityPolicy, headersFile, headersFor } from '../../site/scripts/release/serving-rules.ts'
import { seededRandom } from '../../core/testing/seeded-random'

/**
 * Anonymous requests must never stop the public site or send a reader elsewhere. The paths below
 * are generated (every control byte, every position of an encoded slash or backslash, invalid
 * UTF-8, overlong segments, non-Latin-1 text raw and encoded, dot segments, CR/LF) and sent as
 * raw bytes over a socket, so the server sees exactly what an attacker would send.
 */

let root: string
let server: Server
let port: number

// The release's headers as the site build writes them (site/scripts/release/serving-rules.ts).
const csp = contentSecurityPolicy({ cmsOrigin: 'http://localhost:3000', tileOrigin: 'https://tile.openstreetmap.org', scriptHashes: ['sha256-abc='], styleHashes: [] })
const pages = {
  _headers: headersFile(csp),
  'index.html': '<!doctype html><title>root</title>front page',
  '404.html': '<!doctype html><title>404</title>root not found',
  'da/index.html': '<!doctype html><title>da</title>dansk forside',
  'da/404/index.html': '<!doctype html><html lang="da"><title>404</title>siden findes ikke',
  'da/arrangementer/index.html': '<!doctype html><title>events</title>arrangementer',
  'ti/index.html': '<!doctype html><title>ti</title>ትግርኛ',
  '_astro/app.js': 'console.log("app")',
  'big.txt': 'stor fil\n'.repeat(300_000),
  // An old address keeps a redirect page (for hosts without rules); the rule answers first.
  'da/afdelinger/gammel/index.html': '<!doctype html><title>flyttet</title>redirect page',
  'da/afdelinger/ny/index.html': '<!doctype html><title>ny</title>ny side',
  // The rules the site build writes, and lines no rule may turn into a way off the site or over a page.
  _redirects: [
    '# old addresses',
    '/da/afdelinger/gammel/ /da/afdelinger/ny/ 301',
    '/da/kalender/afdeling/gammel.ics /da/kalender/afdeling/ny.ics 301',
    '/da/ //evil.example/da/ 301',
    '/ti/ https://evil.example/ 301',
    '/da/arrangementer/ /\\evil.example/ 301',
    '/da/* /en/:splat 301',
    '/big.txt /da/ 200',
    '/da/afdelinger/gammel/ /da/ 301',
    '',
  ].join('\n'),
}

type Answer = { status: number; headers: Record<string, string>; body: Buffer; complete: boolean }

/** Sends one request as raw bytes (no client-side checks) and reads until the server closes. */
function rawRequest(target: Buffer | string, { method = 'GET', headers = '' }: { method?: string; headers?: string } = {}): Promise<Answer> {
  const targetBytes = typeof target === 'string' ? Buffer.from(target, 'latin1') : target
  const request = Buffer.concat([Buffer.from(`${method} `), targetBytes, Buffer.from(` HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${headers}\r\n`)])
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    // write, not end: Node's server drops the answers of a client that half-closes first.
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    // A reset is an answer too (the read-error test); the status is then 0.
    socket.on('error', () => {})
    socket.on('close', () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)))
      } catch (error) {
        reject(error)
      }
    })
  })
}

function parseAnswer(all: Buffer): Answer {
  const split = all.indexOf('\r\n\r\n')
  if (split === -1) return { status: 0, headers: {}, body: Buffer.alloc(0), complete: false }
  const [statusLine, ...headerLines] = all.subarray(0, split).toString('latin1').split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  let body = all.subarray(split + 4)
  let complete = true
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = []
    complete = false
    let offset = 0
    while (offset < body.length) {
      const lineEnd = body.indexOf('\r\n', offset)
      if (lineEnd === -1) break
      const size = parseInt(body.subarray(offset, lineEnd).toString(), 16)
      if (size === 0) {
        complete = true
        break
      }
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size))
      offset = lineEnd + 2 + size + 2
    }
    body = Buffer.concat(parts)
  }
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0)
  if (!status) throw new Error(`not an HTTP answer: ${JSON.stringify(statusLine)}`)
  return { status, headers, body, complete }
}

/** A Location stays on this site: exactly one `/`, then neither `/` nor `\`, printable ASCII only. */
const onSite = (location: string) => /^\/(?![/\\])[\x21-\x7e]*$/.test(location)

const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
const encodeUtf8 = (text: string) => [...Buffer.from(text)].map(hex).join('')
const controlBytes = [...Array.from({ length: 32 }, (_, byte) => byte), 0x7f]
const nonLatin1 = ['€', 'ትግርኛ', 'العربية', 'فارسی', 'Українська', '中文', '😀', 'ä\u0308']
const invalidUtf8 = ['%C3%28', '%FF', '%FE', '%C0%AF', '%E0%80%AF', '%C0%80', '%ED%A0%80', '%ED%BF%BF', '%F4%90%80%80', '%C3', '%E2%82', '%80', '%', '%G1', '%%', '%2', '%u002f']
const slashes = ['%2f', '%2F', '%5c', '%5C', '\\', '%252f', '%25%32%66', '%c0%af']
const dots = ['..', '.', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '...', '..%00', '..;']
const plain = ['da', 'ti', 'arrangementer', 'index.html', '404.html', '_astro', 'app.js', 'evil.example', 'x', '']
const long = ['a'.repeat(255), 'a'.repeat(256), 'a'.repeat(5000), encodeUtf8('ä'.repeat(128)), encodeUtf8('ት'.repeat(86))]

/** Paths made from every kind of hostile part in every position, plus random mixes. */
function generatedTargets(count: number, seed: number): Buffer[] {
  const targets: Buffer[] = []
  const add = (text: string) => targets.push(Buffer.from(text, 'latin1'))
  // Every control byte and DEL, encoded and raw, at the start, in the middle and at the end.
  for (const byte of controlBytes) {
    for (const template of ['/X', '/da/X', '/daX', '/da/Xindex.html', '/X/..%2fda', '/da?q=X']) {
      add(template.replace('X', hex(byte)))
      add(template.replace('X', String.fromCharCode(byte)))
    }
  }
  // Encoded slashes and backslashes in every position of the redirect paths.
  for (const slash of slashes) {
    for (const template of ['/Xevil.example/../da', '/Xevil.exampleX..Xda', '/XXevil.example/da', '/daX', '/Xda', '/daXXevil.example', '/da/X/evil.example', 'X/evil.example/da']) {
      add(template.replaceAll('X', slash))
    }
  }
  for (const prefix of ['//', '///', '/\\', '/\\\\', '\\/', '\\\\', '/%09/', '/%0d%0a/']) add(`${prefix}evil.example/da`)
  for (const part of [...invalidUtf8, ...long, ...dots]) {
    for (const template of ['/X', '/da/X', '/X/da', '/da/X/', '/daX']) add(template.replace('X', part))
  }
  // Non-Latin-1 text raw (as UTF-8 bytes: the HTTP parser refuses them) and percent-encoded.
  for (const text of nonLatin1) {
    targets.push(Buffer.from(`/${text}`), Buffer.from(`/da/${text}/`))
    add(`/${encodeUtf8(text)}`)
    add(`/da/${encodeUtf8(text)}`)
    add(`/da/${encodeUtf8(text)}%2f..%2fda`)
  }
  // Random mixes of all of the above, with and without queries.
  const generator = seededRandom(seed)
  const parts = [...plain, ...plain, ...slashes, ...dots, ...invalidUtf8, ...long, ...nonLatin1.map(encodeUtf8), ...controlBytes.map(hex), '%0d%0aX:1', '%20', '%3f', '%23', '%25']
  while (targets.length < count) {
    const segmentCount = 1 + Math.floor(generator.next() * 5)
    const segments = Array.from({ length: segmentCount }, () => generator.pick(parts) + (generator.next() < 0.3 ? generator.pick(parts) : ''))
    const lead = generator.pick(['/', '/', '/', '//', '/\\', '/%2f', '/%5c'])
    const query = generator.pick(['', '', '?q=1', '?next=//evil.example', '?a=%0d%0a'])
    add(lead + segments.join(generator.pick(['/', '/', '/', '%2f', '%5c', '\\'])) + query)
  }
  return targets
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'))
  for (const [file, text] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  server = await listen(createStaticServer(() => root), 0)
  port = (server.address() as net.AddressInfo).port
})

afterAll(async () => {
  // A request the server never answered (the old server threw) must not keep the file open forever.
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(root, { recursive: true, force: true })
})

/** A server of its own for one test, serving the folder `served()` names at each request; closed afterwards. */
async function withOwnServer<T>(served: () => string, body: (port: number) => Promise<T>): Promise<T> {
  const own = await listen(createStaticServer(served), 0)
  try {
    return await body((own.address() as net.AddressInfo).port)
  } finally {
    await new Promise((resolve) => own.close(resolve))
  }
}

describe('static server: hostile paths', () => {
  it('answers the issue’s crashing and redirecting requests with 4xx and keeps serving', async () => {
    for (const target of ['/%00', `/${'a'.repeat(256)}`, '/%0d%0aX:1%2f..%2fda', '/%E2%82%AC%2f..%2fda', '/%2fevil.example%2f..%2fda', '/%5cevil.example%2f..%2fda']) {
      const answer = await rawRequest(target)
      expect(answer.status, target).toBeGreaterThanOrEqual(400)
      expect(answer.status, target).toBeLessThan(500)
      expect(answer.headers.location, target).toBeUndefined()
    }
    expect((await rawRequest('/da/')).status).toBe(200)
  })

  it('never leaves the site in a redirect, even when the path starts with // or /\\', async () => {
    for (const target of ['//evil.example/da', '///evil.example/da', '//da', '/\\evil.example/da']) {
      const answer = await rawRequest(target)
      expect(answer.status, target).toBeLessThan(500)
      if (answer.headers.location !== undefined) expect(onSite(answer.headers.location), `${target} → ${answer.headers.location}`).toBe(true)
    }
    expect((await rawRequest('//da')).headers.location).toBe('/da/')
  })

  it('survives a few thousand generated hostile paths: no 5xx, no Location off the site, still serving', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
    const targets = generatedTargets(3_000, seed)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    let next = 0
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < targets.length) {
          const target = targets[next++]!
          const answer = await rawRequest(target, { method: next % 5 === 0 ? 'HEAD' : 'GET' })
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
          const shown = JSON.stringify(target.toString('latin1').slice(0, 120))
          if (answer.status < 200 || answer.status >= 500) failures.push(`${shown}: ${answer.status} (FUZZ_SEED=${seed})`)
          const location = answer.headers.location
          if (location !== undefined && !onSite(location)) failures.push(`${shown}: Location ${location} (FUZZ_SEED=${seed})`)
        }
      }),
    )
    expect(failures).toEqual([])
    // The generator really reached the server's own checks, not only the HTTP parser's.
    expect(statuses.get(400)).toBeGreaterThan(500)
    expect(statuses.get(404)).toBeGreaterThan(50)
    const last = await rawRequest('/da/arrangementer/')
    expect(last.status).toBe(200)
    expect(last.body.toString()).toContain('arrangementer')
  })

  it('parses any request target without throwing, including text the HTTP parser would refuse', () => {
    const generator = seededRandom(7)
    const alphabet = ['/', '\\', '%', '.', '?', '#', 'a', '2f', '5c', '\u0000', '\r', '\n', '\u007f', '\u00ff', '€', '\ud800', '\udc00', '😀', 'ት']
    for (let index = 0; index < 5_000; index++) {
      const target = Array.from({ length: 1 + Math.floor(generator.next() * 12) }, () => generator.pick(alphabet)).join('')
      const parsed = parseRequestTarget(target)
      if ('rawPath' in parsed) {
        expect(onSite(parsed.rawPath) || parsed.rawPath === '/', JSON.stringify(target)).toBe(true)
        expect(parsed.search, JSON.stringify(target)).toMatch(/^[\x21-\x7e]*$/)
      }
    }
  })
})

describe('static server: what readers get', () => {
  it('serves directories as index.html, redirects to the trailing slash with the query kept, and 404s', async () => {
    const front = await rawRequest('/')
    expect([front.status, front.body.toString()]).toEqual([200, pages['index.html']])
    const redirect = await rawRequest('/da/arrangementer?uge=2')
    expect(redirect.status).toBe(301)
    expect(redirect.headers.location).toBe('/da/arrangementer/?uge=2')
    const page = await rawRequest('/da/arrangementer/')
    expect([page.status, page.headers['content-type'], page.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate'])
    const script = await rawRequest('/_astro/app.js')
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const missing = await rawRequest('/nope/')
    expect([missing.status, missing.body.toString()]).toEqual([404, pages['404.html']])
    expect((await rawRequest('/da/index.html/')).status).toBe(404)
  })

  it('answers a missing page under a language with that language’s 404 page, else the root one', async () => {
    const danish = await rawRequest('/da/findes-ikke/')
    expect([danish.status, danish.body.toString()]).toEqual([404, pages['da/404/index.html']])
    const noLocalPage = await rawRequest('/ti/does-not-exist/')
    expect([noLocalPage.status, noLocalPage.body.toString()]).toEqual([404, pages['404.html']])
  })

  it('compresses text when the browser accepts gzip', async () => {
    const answer = await rawRequest('/big.txt', { headers: 'Accept-Encoding: gzip\r\n' })
    expect([answer.status, answer.headers['content-encoding'], answer.complete]).toEqual([200, 'gzip', true])
    expect(zlib.gunzipSync(answer.body).toString()).toBe(pages['big.txt'])
  })
})

describe('static server: redirect rules of the release (_redirects)', () => {
  it('answers an old page address with a 301 to the new one, before its redirect page, with the query kept', async () => {
    for (const [target, location] of [
      ['/da/afdelinger/gammel/', '/da/afdelinger/ny/'],
      ['/da/afdelinger/gammel/?uge=2', '/da/afdelinger/ny/?uge=2'],
      // Without its slash: one step, not two.
      ['/da/afdelinger/gammel', '/da/afdelinger/ny/'],
      ['//da/afdelinger/gammel/', '/da/afdelinger/ny/'],
    ] as const) {
      const answer = await rawRequest(target)
      expect([target, answer.status, answer.headers.location]).toEqual([target, 301, location])
    }
    expect((await rawRequest('/da/afdelinger/gammel/', { method: 'HEAD' })).status).toBe(301)
  })

  it('answers an old calendar feed with a 301 (calendar apps follow no HTML refresh)', async () => {
    const answer = await rawRequest('/da/kalender/afdeling/gammel.ics')
    expect([answer.status, answer.headers.location]).toEqual([301, '/da/kalender/afdeling/ny.ics'])
  })

  it('ignores rules that would leave the site, use patterns, rewrite, or come second for a path', async () => {
    for (const target of ['/da/', '/ti/', '/da/arrangementer/', '/big.txt']) {
      const answer = await rawRequest(target)
      expect([target, answer.status, answer.headers.location]).toEqual([target, 200, undefined])
    }
    expect((await rawRequest('/da/noget/')).status).toBe(404)
  })

  it('reads the rules of the release being served, and a swapped-in release’s own', async () => {
    const release = fs.mkdtempSync(path.join(os.tmpdir(), 'static-rules-'))
    // As site/releases/current: one path, a symlink swapped to another release by a rename.
    const current = path.join(release, 'current')
    const serve = (name: string) => {
      fs.symlinkSync(name, `${current}.new`)
      fs.renameSync(`${current}.new`, current)
    }
    for (const [name, rule] of [
      ['one', '/da/x/ /da/y/ 301'],
      ['two', '/da/x/ /da/z/ 301'],
    ] as const) {
      fs.mkdirSync(path.join(release, name))
      fs.writeFileSync(path.join(release, name, '_redirects'), `${rule}\n`)
    }
    fs.mkdirSync(path.join(release, 'none'))
    serve('one')
    try {
      await withOwnServer(
        () => current,
        async (swapPort) => {
          const ask = async () => {
            const response = await fetch(`http://127.0.0.1:${swapPort}/da/x/`, { redirect: 'manual' })
            return [response.status, response.headers.get('location')]
          }
          expect(await ask()).toEqual([301, '/da/y/'])
          serve('two')
          expect(await ask()).toEqual([301, '/da/z/'])
          serve('none')
          expect(await ask()).toEqual([404, null])
        },
      )
    } finally {
      fs.rmSync(release, { recursive: true, force: true })
    }
  })

  it('reads the format the site build writes, and only what is safe in it', () => {
    const rules = parseRedirectRules(['/a/ /b/ 301', '/c.ics /d.ics 308', '/e/ /f/', '/g/ /h/ 301 extra', '/i/ /j/ 404', '/k/ /l:m/ 301', '/n/ /o\\p/ 301'].join('\n'))
    expect([...rules]).toEqual([
      ['/a/', { to: '/b/', status: 301 }],
      ['/c.ics', { to: '/d.ics', status: 308 }],
      ['/e/', { to: '/f/', status: 302 }],
      ['/k/', { to: '/l:m/', status: 301 }],
    ])
  })
})

describe('static server: the release’s headers (_headers), as nginx and the hosts send them', () => {
  const security = (answer: Answer) => ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'permissions-policy'].map((name) => answer.headers[name])
  const expected = (pathname: string) => {
    const headers = headersFor(pathname, csp)
    return [headers['Content-Security-Policy'], headers['Referrer-Policy'], headers['X-Content-Type-Options'], headers['Permissions-Policy']]
  }

  it('sends the policy, the security headers and the Cache-Control of serving-rules.ts with pages, files and redirects', async () => {
    for (const [target, pathname] of [
      ['/da/', '/da/'],
      ['/_astro/app.js', '/_astro/app.js'],
      ['/da/afdelinger/gammel/', '/da/afdelinger/gammel/'],
      ['/da/arrangementer', '/da/arrangementer'],
    ] as const) {
      const answer = await rawRequest(target)
      expect([target, ...security(answer)]).toEqual([target, ...expected(pathname)])
      expect([target, answer.headers['cache-control']]).toEqual([target, headersFor(pathname, csp)['Cache-Control']])
    }
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('gives a 404 the headers of the 404 page, so a missing hashed file is not cached for a year', async () => {
    const missing = await rawRequest('/_astro/missing.js')
    expect([missing.status, missing.headers['cache-control'], missing.headers['content-security-policy']]).toEqual([404, 'public, max-age=0, must-revalidate', csp])
  })

  it('does not hand out the files that tell hosts how to serve the release', async () => {
    for (const file of ['/_headers', '/_redirects', '/headers.nginx.conf', '/redirects.nginx.conf']) {
      const answer = await rawRequest(file)
      expect([file, answer.status, answer.body.toString()]).toEqual([file, 404, pages['404.html']])
    }
  })

  it('sends a precompressed .gz beside a file when the browser takes gzip, the file itself otherwise', async () => {
    const text = 'forkomprimeret '.repeat(100)
    fs.writeFileSync(path.join(root, 'pre.txt'), 'the uncompressed file')
    fs.writeFileSync(path.join(root, 'pre.txt.gz'), zlib.gzipSync(text))
    try {
      const gzipped = await rawRequest('/pre.txt', { headers: 'Accept-Encoding: gzip\r\n' })
      expect([gzipped.status, gzipped.headers['content-encoding'], gzipped.headers['content-type']]).toEqual([200, 'gzip', 'text/plain; charset=utf-8'])
      expect(zlib.gunzipSync(gzipped.body).toString()).toBe(text)
      const plain = await rawRequest('/pre.txt')
      expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, 'the uncompressed file'])
    } finally {
      fs.rmSync(path.join(root, 'pre.txt'))
      fs.rmSync(path.join(root, 'pre.txt.gz'))
    }
  })

  it('answers a revalidation of an unchanged page with 304 and its headers', async () => {
    const first = await rawRequest('/da/')
    expect(first.headers.etag).toMatch(/^W\/"/)
    const again = await rawRequest('/da/', { headers: `If-None-Match: ${first.headers.etag}\r\n` })
    expect([again.status, again.body.length, again.headers['cache-control'], again.headers['content-security-policy']]).toEqual([304, 0, 'public, max-age=0, must-revalidate', csp])
    expect((await rawRequest('/da/', { headers: 'If-None-Match: W/"other"\r\n' })).status).toBe(200)
  })

  it('reads the _headers format: patterns with *, later rules winning, and nothing about the answer’s framing', () => {
    const rules = parseHeaderRules(['# comment', '/*', '  X-A: 1', '  Content-Type: text/evil', '  Location: //evil.example', '/da/*', '  x-a: 2', '/:lang/x', '  X-B: 3', '! X-C', '/exact', '  X-D: 4'].join('\n'))
    expect(headersFromRules(rules, '/en/')).toEqual({ 'X-A': '1' })
    expect(headersFromRules(rules, '/da/side/')).toEqual({ 'x-a': '2' })
    expect(headersFromRules(rules, '/exact')).toEqual({ 'X-A': '1', 'X-D': '4' })
    expect(headersFromRules(rules, '/exactly')).toEqual({ 'X-A': '1' })
  })
})

describe('static server: read errors', () => {
  // /proc/self/mem looks like a regular file and opens, but reading it at offset 0 fails (EIO):
  // a real read error after the file was found, as a disk error or a file cut away mid-read is.
  it('ends the one response when reading a file fails, with and without gzip, and keeps serving', async () => {
    fs.symlinkSync('/proc/self/mem', path.join(root, 'unreadable.txt'))
    try {
      for (const headers of ['', 'Accept-Encoding: gzip\r\n']) {
        const answer = await rawRequest('/unreadable.txt', { headers })
        expect(answer.complete).toBe(false)
        expect((await rawRequest('/da/')).status).toBe(200)
      }
    } finally {
      fs.rmSync(path.join(root, 'unreadable.txt'))
    }
  })

  it('finishes sending a file whose release is swapped away while it is being read', async () => {
    const release = fs.mkdtempSync(path.join(os.tmpdir(), 'static-release-'))
    fs.writeFileSync(path.join(release, 'big.txt'), pages['big.txt'])
    await withOwnServer(
      () => release,
      async (swapPort) => {
        const answer = await new Promise<Answer>((resolve, reject) => {
          const chunks: Buffer[] = []
          const socket = net.connect(swapPort, '127.0.0.1', () => socket.write('GET /big.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'))
          socket.once('data', (chunk: Buffer) => {
            chunks.push(chunk)
            // The first bytes are here: now the release goes away under the open file.
            fs.rmSync(release, { recursive: true, force: true })
            socket.on('data', (more: Buffer) => chunks.push(more))
          })
          socket.on('error', reject)
          socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks))))
        })
        expect([answer.status, answer.complete]).toEqual([200, true])
        expect(answer.body.toString() === pages['big.txt']).toBe(true)
      },
    )
  })
})
