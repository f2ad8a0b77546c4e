// Runs the built CMS as `next start` does, and tells it each request's real client address.
//
// Next fills X-Forwarded-For from the socket only when a request has none, so behind no proxy the
// header is whatever the client claims, and route handlers never see the socket. This server
// puts the socket's address in a header of its own on every request, replacing any a client
// sent, and marks the process so the CMS believes that header only when this server set it.
// Signup rate limits and login throttling read it (src/lib/clientKey.ts).
//
//   node server.mjs [-p 3000] [-H hostname]      (or PORT)
import crypto from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { cmsUrl } from '../core/defaults.ts'
import { bodyLimitForType, tooLargeMessage } from './src/lib/bodyLimits.mjs'
import { trustProxySetting } from './src/lib/clientKey.ts'
import { strictTransportSecurity } from './src/security/headers.ts'
import { installedPayloadVersion, payloadVersionProblem } from './src/security/payloadVersion.ts'
import { requestIsHttps, withSecureCookies } from './src/security/https.ts'
import { consoleAsLogLines, logLine, requestContext, safeError } from './src/lib/logLine.mjs'

export const socketAddressHeader = 'x-drk-socket-address'

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
})
const port = Number(values.port ?? process.env.PORT ?? 3000)
const cmsDir = path.dirname(fileURLToPath(import.meta.url))
// Before anything of Payload's loads: an older Payload lacks security fixes the CMS relies on.
const payloadProblem = payloadVersionProblem(installedPayloadVersion(cmsDir))
if (payloadProblem) {
  console.error(`The CMS does not start: ${payloadProblem}`)
  process.exit(1)
}

// Not $HOSTNAME: shells set it to the machine's name. All interfaces unless -H says otherwise.
const hostname = values.hostname
// Every line of output is a JSON log line, Next's own messages too (src/lib/logLine.mjs).
consoleAsLogLines()
// Before Next (and React) load, as `next start` does: they pick their production builds by it.
process.env.NODE_ENV = 'production'
const { default: next } = await import('next')

// Read by src/lib/clientKey.ts: without this mark the header is a client's claim like any other.
globalThis[Symbol.for('drk.socketAddressHeader')] = socketAddressHeader

const app = next({ dev: false, dir: cmsDir, port, hostname })
const handle = app.getRequestHandler()
await app.prepare()

// Next builds a fetch Request for every request, and fetch refuses TRACE: it answered 500 before
// any of our code ran. Nothing here uses it. (Node's parser already refuses TRACK with 400.)
const refusedMethods = new Set(['TRACE'])

// A body declared larger than the API's limit is refused here, before Next reads any of it. The
// answer waits until the client has sent its body (read and thrown away, never kept), as nginx's
// lingering close does: a client still writing when the connection closes sees a broken pipe
// instead of the 413 (Playwright did, in CI). Past these bounds the connection is simply closed.
const discardAtMostBytes = 64 * 1024 * 1024
const discardAtMostMs = 10_000

function refuseTooLarge(req, res, limit) {
  let discarded = 0
  let answered = false
  const answer = () => {
    if (answered) return
    answered = true
    clearTimeout(timer)
    const body = JSON.stringify(tooLargeMessage(limit))
    res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
    res.end(body)
  }
  const giveUp = () => {
    answer()
    req.socket.destroySoon?.()
  }
  const timer = setTimeout(giveUp, discardAtMostMs)
  req.on('data', (chunk) => {
    discarded += chunk.length
    if (discarded > discardAtMostBytes) {
      req.pause()
      giveUp()
    }
  })
  req.on('end', answer)
  req.on('error', () => clearTimeout(timer))
}

const writesBody = new Set(['POST', 'PUT', 'PATCH'])

// Read once: a bad TRUST_PROXY stops the start here with its message, not at the first request.
const serverUrl = cmsUrl()
const trust = trustProxySetting()

/**
 * Over https (the CMS's own URL, or a trusted proxy's X-Forwarded-Proto): HSTS, and every cookie
 * Secure. Payload marks its auth cookies Secure itself only when serverURL is https
 * (auth/Users.ts); behind a TLS proxy with an http CMS_URL this adds it, as the headers are written.
 */
function markHttps(req, res) {
  const https = requestIsHttps({ serverUrl, forwardedProto: req.headers['x-forwarded-proto'], socketAddress: req.socket.remoteAddress, trust })
  if (!https) return
  res.setHeader('Strict-Transport-Security', strictTransportSecurity)
  const writeHead = res.writeHead
  res.writeHead = function (statusCode, ...rest) {
    const cookies = res.getHeader('set-cookie')
    if (cookies !== undefined) res.setHeader('set-cookie', withSecureCookies(cookies))
    const headers = rest.find((argument) => argument && typeof argument === 'object')
    if (headers && !Array.isArray(headers)) {
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'set-cookie') headers[name] = withSecureCookies(headers[name])
    }
    return writeHead.call(this, statusCode, ...rest)
  }
}

/**
 * A request's ID: a proxy's X-Request-Id when it looks like one (nginx's $request_id, a load
 * balancer's), so its log and ours match, else a new one. Sent back as X-Request-Id.
 */
const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/
const requestIdOf = (req) => {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && requestIdPattern.test(given) ? given : crypto.randomUUID()
}

/**
 * One line per request, once answered: method, path without its query (a query can hold a
 * search for an e-mail address; a cancel link's holds its token), status and time. The
 * admin's static files are left out.
 */
function logRequest(req, res, started) {
  const pathname = (req.url ?? '').split('?')[0]
  if (pathname.startsWith('/_next/static/')) return
  const fields = { method: req.method, path: pathname, status: res.statusCode, ms: Math.round(performance.now() - started) }
  logLine(res.statusCode >= 500 ? 'error' : 'info', 'request', fields)
}

const server = http.createServer((req, res) => {
  const reqId = requestIdOf(req)
  res.setHeader('X-Request-Id', reqId)
  // Everything logged while this request is handled carries its ID (Payload's logger reads it).
  requestContext().run({ reqId }, () => answer(req, res))
})

function answer(req, res) {
  const started = performance.now()
  res.once('finish', () => logRequest(req, res, started))
  if (refusedMethods.has(req.method ?? '')) {
    res.writeHead(405, { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed')
    return
  }
  if (writesBody.has(req.method ?? '') && req.url?.startsWith('/api/') && req.headers['content-length'] !== undefined) {
    const limit = bodyLimitForType(req.headers['content-type'])
    if (Number(req.headers['content-length']) > limit) {
      refuseTooLarge(req, res, limit)
      return
    }
  }
  markHttps(req, res)
  // Assigning replaces a value a client sent under the same (case-insensitive) name.
  req.headers[socketAddressHeader] = req.socket.remoteAddress ?? ''
  handle(req, res).catch((error) => {
    logLine('error', 'request failed', { err: safeError(error) })
    if (!res.headersSent) res.writeHead(500)
    res.end()
  })
}
// CONNECT never reaches the request handler (Node hands over the socket): refuse it here.
server.on('connect', (_req, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n'))
// Node closes an idle kept-alive connection after 5 s; a client that sends its next request at
// that moment gets a reset (a busy server's timer fires late, so the moment widens). Keep idle
// connections longer than a client or a proxy in front (nginx: 60 s) does, so they close first.
server.keepAliveTimeout = 65_000
server.listen(port, hostname, () => logLine('info', 'CMS listening', { host: hostname ?? '*', port }))

const stop = () => {
  server.close(() => process.exit(0))
  server.closeIdleConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
