// A small static file server for the built site: directory URLs get index.html, a directory
// without its trailing slash is redirected, unknown paths get the 404 page of the URL's language
// (or the root 404.html), and paths cannot leave the folder. The release's `_redirects` (old
// addresses of renamed pages and feeds) answer 301, and its `_headers` (security headers, the
// Content-Security-Policy, caching) are sent, as a production host reads them
// (site/scripts/release/serving-rules.ts makes both). Sends a precompressed `.gz` beside a file
// when there is one, else compresses text with gzip when the browser accepts it.
//
// It faces anonymous traffic, so no request may stop it: every path is checked before it
// reaches the file system, every file-system error is an answer (404/403), a read error ends
// that one response, and anything unexpected answers 500 without taking the process down.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import zlib from 'node:zlib'

import { cacheControlFor, rulesFiles } from '../site/scripts/release/serving-rules.ts'
import { headersFromRules, parseHeaderRules, parseRedirectRules } from './static-rules.mjs'

export { headersFromRules, parseHeaderRules, parseRedirectRules }

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ics': 'text/calendar; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
}
const compressible = /^(text\/|application\/(json|xml)|image\/svg)/

// File names longer than this (in UTF-8 bytes) cannot exist on the file systems we serve from.
const maxSegmentBytes = 255
const maxPathBytes = 4096
// Errors that mean "there is no such file for this path": answered 404, never thrown.
const notThere = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EINVAL', 'ELOOP', 'EISDIR', 'EILSEQ'])
const forbidden = new Set(['EACCES', 'EPERM'])
// A 404 under /<lang>/ is answered with that language's 404 page when the build wrote one.
const localePrefix = /^[a-z]{2,3}$/
// O_NONBLOCK: opening a FIFO or device that somehow sits in the folder must not hang a worker thread.
const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)

// A rules file larger than this is not one the site build wrote; it is not read.
const maxRulesBytes = 16 * 1024 * 1024

/** Parsed rules files per served folder and file, with the identity of the file they came from (a swapped release has another). */
const rulesCache = new Map()

/** The parsed rules file of the folder being served; `empty` when it has no such file or it cannot be read. */
async function releaseRules(rootDir, fileName, parse, empty) {
  let handle
  try {
    handle = await fs.promises.open(path.join(rootDir, fileName), openFlags)
    const stat = await handle.stat()
    if (!stat.isFile() || stat.size > maxRulesBytes) return empty
    const key = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`
    const cacheKey = `${rootDir}\0${fileName}`
    const cached = rulesCache.get(cacheKey)
    if (cached?.key === key) return cached.rules
    const rules = parse(await handle.readFile('utf8'))
    // One entry per served folder and file; a server is given one folder (tests make a few).
    if (rulesCache.size >= 16) rulesCache.clear()
    rulesCache.set(cacheKey, { key, rules })
    return rules
  } catch (error) {
    if (!notThere.has(error?.code)) logError(`${fileName} unreadable`, error)
    return empty
  } finally {
    await handle?.close().catch(() => {})
  }
}

const noRedirects = new Map()
const redirectRules = (rootDir) => releaseRules(rootDir, '_redirects', parseRedirectRules, noRedirects)

/**
 * What the release says to send with a path: its `_headers`, and serving-rules.ts's Cache-Control
 * where they name none (HTML's is what the hosts send by themselves, so the file leaves it out;
 * a release made before `_headers` existed gets all of it). `nosniff` always.
 */
async function releaseHeaders(rootDir, pathname) {
  const headers = headersFromRules(await releaseRules(rootDir, '_headers', parseHeaderRules, []), pathname)
  const named = new Set(Object.keys(headers).map((name) => name.toLowerCase()))
  if (!named.has('x-content-type-options')) headers['X-Content-Type-Options'] = 'nosniff'
  if (!named.has('cache-control')) headers['Cache-Control'] = cacheControlFor(pathname)
  return headers
}

/** The files that tell hosts how to serve the release are not handed out (as on those hosts). */
const rulesFileNames = new Set(rulesFiles)

/**
 * Splits a request target into its path (raw and decoded) and query, or says why it is refused.
 * Only origin-form targets (`/path?query`) are served. The raw path is kept because a redirect
 * must be built from what the browser sent, never from the decoded form: a decoded `%2f` or
 * `%0d%0a` in a `Location` is an open redirect or an invalid header.
 *
 * @param {string} target the request's `url` as the HTTP parser gave it
 * @returns {{ rawPath: string, search: string, segments: string[] } | { refused: 400 | 404 }}
 */
export function parseRequestTarget(target) {
  const end = target.search(/[?#]/)
  let rawPath = end === -1 ? target : target.slice(0, end)
  const search = end === -1 || target[end] === '#' ? '' : target.slice(end).split('#')[0]
  if (!rawPath.startsWith('/')) return { refused: 400 }
  // Printable ASCII only: browsers percent-encode everything else, and only printable ASCII is
  // safe to echo back in a header.
  if (!/^[\x21-\x7e]*$/.test(rawPath) || !/^[\x21-\x7e]*$/.test(search)) return { refused: 400 }
  // Encoded slashes and backslashes are how a path smuggles `//host` or `\host` into a redirect;
  // no file of the site needs them, and a raw backslash is a slash to some browsers.
  if (/%(2f|5c)/i.test(rawPath) || rawPath.includes('\\')) return { refused: 400 }
  // `//host/da` must not become `Location: //host/da/`: repeated slashes are one slash.
  rawPath = rawPath.replace(/\/{2,}/g, '/')
  let decoded
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { refused: 400 } // invalid percent-encoding or invalid UTF-8 (incl. lone surrogates)
  }
  // Control characters (NUL makes fs throw synchronously) and backslashes name no file of ours.
  if (/[\x00-\x1f\x7f\\]/.test(decoded)) return { refused: 400 }
  const segments = decoded.split('/').slice(1)
  // Browsers resolve dot segments before sending; only a hand-made request has them.
  if (segments.some((segment) => segment === '.' || segment === '..')) return { refused: 400 }
  if (Buffer.byteLength(decoded) > maxPathBytes || segments.some((segment) => Buffer.byteLength(segment) > maxSegmentBytes)) {
    return { refused: 404 }
  }
  return { rawPath, search, segments }
}

/** Opens a file, or answers why it is not there. Directories open too (to tell them apart). */
async function openFile(file) {
  let handle
  try {
    handle = await fs.promises.open(file, openFlags)
    return { handle, stat: await handle.stat() }
  } catch (error) {
    await handle?.close().catch(() => {})
    if (notThere.has(error?.code)) return { status: 404 }
    if (forbidden.has(error?.code)) return { status: 403 }
    throw error
  }
}

function plainAnswer(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' })
  response.end(text)
}

/** The 404 page in the URL's language when there is one, else the root 404.html; with the address whose headers it gets. */
async function openNotFoundPage(rootDir, segments) {
  const candidates = []
  // Astro writes the page `[lang]/404.astro` as <lang>/404/index.html (the release links it as <lang>/404.html too).
  if (segments.length > 1 && localePrefix.test(segments[0])) candidates.push({ file: path.join(rootDir, segments[0], '404', 'index.html'), urlPath: `/${segments[0]}/404.html` })
  candidates.push({ file: path.join(rootDir, '404.html'), urlPath: '/404.html' })
  for (const candidate of candidates) {
    const opened = await openFile(candidate.file)
    if (opened.handle && opened.stat.isFile()) return { ...opened, ...candidate }
    await opened.handle?.close()
  }
  return undefined
}

async function serve(rootDir, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const target = parseRequestTarget(request.url ?? '/')
  if ('refused' in target) {
    plainAnswer(response, target.refused, target.refused === 400 ? 'Bad request' : 'Not found')
    return
  }
  const { rawPath, search, segments } = target
  // Before the files: an old page address has a redirect page too (for hosts without rules),
  // and the rule, a real 301, is what calendar apps and search engines follow. `/old` finds
  // the rule of `/old/` in one step.
  const rules = await redirectRules(rootDir)
  const rule = rules.get(rawPath) ?? (rawPath.endsWith('/') ? undefined : rules.get(`${rawPath}/`))
  if (rule) {
    response.writeHead(rule.status, { ...(await releaseHeaders(rootDir, rawPath)), Location: rule.to.includes('?') ? rule.to : `${rule.to}${search}` }).end()
    return
  }
  let file = path.join(rootDir, ...segments)
  if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
    plainAnswer(response, 403, 'Forbidden')
    return
  }
  // Open first, then look at what was opened: a release swapped in between cannot make the
  // stat and the read disagree, because both use the same open file.
  let opened = segments.length === 1 && rulesFileNames.has(segments[0]) ? { status: 404 } : await openFile(file)
  if (opened.handle && opened.stat.isFile() && rawPath.endsWith('/')) {
    // `/page.html/` names a folder that does not exist, as the file system would say.
    await opened.handle.close()
    opened = { status: 404 }
  }
  if (opened.handle && opened.stat.isDirectory()) {
    await opened.handle.close()
    if (!rawPath.endsWith('/')) {
      // rawPath is printable ASCII, starts with exactly one `/` and holds no (encoded) slash or
      // backslash tricks, so the Location stays on this site.
      response.writeHead(301, { ...(await releaseHeaders(rootDir, rawPath)), Location: `${rawPath}/${search}` }).end()
      return
    }
    file = path.join(file, 'index.html')
    opened = await openFile(file)
  }
  if (opened.status === 403) {
    plainAnswer(response, 403, 'Forbidden')
    return
  }
  let status = 200
  // The headers are those of the path whose file is sent: a missing `/_astro/x.js` gets the 404 page's, not a year's caching.
  let servedPath = rawPath
  if (!opened.handle || !opened.stat.isFile()) {
    await opened.handle?.close()
    status = 404
    opened = await openNotFoundPage(rootDir, segments)
    if (!opened) {
      plainAnswer(response, 404, 'Not found')
      return
    }
    file = opened.file
    servedPath = opened.urlPath
  }
  let { handle } = opened
  const type = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  const headers = { ...(await releaseHeaders(rootDir, servedPath)), 'Content-Type': type }
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
  // A precompressed file beside it (as nginx's gzip_static sends), else compressed here.
  const precompressed = acceptsGzip && compressible.test(type) ? await openFile(`${file}.gz`) : { status: 404 }
  if (precompressed.handle && precompressed.stat.isFile()) {
    await handle.close()
    handle = precompressed.handle
  } else {
    await precompressed.handle?.close()
  }
  const sendsGzip = handle === precompressed.handle
  // A validator, so a page revalidated on every visit (max-age=0) costs a 304, not the page
  // again. A partial build hard-links unchanged files, so their tag survives a new release.
  const { size, mtimeMs } = await handle.stat()
  headers.ETag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${sendsGzip ? '-gz' : ''}"`
  if (status === 200 && String(request.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(headers.ETag)) {
    await handle.close()
    if (compressible.test(type)) headers.Vary = 'Accept-Encoding'
    delete headers['Content-Type']
    response.writeHead(304, headers).end()
    return
  }
  const gzip = !sendsGzip && acceptsGzip && compressible.test(type)
  if (compressible.test(type)) headers.Vary = 'Accept-Encoding'
  if (gzip || sendsGzip) headers['Content-Encoding'] = 'gzip'
  // The reader may have gone while the file was being looked up.
  if (request.method === 'HEAD' || response.destroyed) {
    await handle.close()
    if (!response.destroyed) response.writeHead(status, headers).end()
    return
  }
  response.writeHead(status, headers)
  const stages = [handle.createReadStream(), ...(gzip ? [zlib.createGzip()] : []), response]
  pipeline(stages, (error) => {
    // The status line is already sent: a read error (the disk, a file cut short) can only end
    // this response early. pipeline has destroyed every stage, so the client sees an incomplete
    // body instead of a complete-looking wrong one, and the file is closed.
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') logError('read error while sending a file', error)
  })
}

/** Logs what failed without the request's path or the file name (they can carry personal data). */
function logError(what, error) {
  const code = error && typeof error === 'object' && 'code' in error ? ` ${error.code}` : ''
  const name = error instanceof Error ? error.name : typeof error
  const frames = error instanceof Error && error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''
  console.error(`static server: ${what}: ${name}${code}${frames}`)
}

/** The request handler, for `http.createServer`. `getRoot` is called per request. */
export function createStaticHandler(getRoot) {
  return (request, response) => {
    let rootDir
    try {
      rootDir = path.resolve(typeof getRoot === 'function' ? getRoot() : getRoot)
    } catch (error) {
      logError('no site folder', error)
      plainAnswer(response, 500, 'Internal server error')
      return
    }
    serve(rootDir, request, response).catch((error) => {
      logError('unexpected error', error)
      if (!response.headersSent) plainAnswer(response, 500, 'Internal server error')
      else response.destroy()
    })
  }
}

/** `getRoot` is called per request, so the served folder can be swapped while running. */
export function createStaticServer(getRoot) {
  const server = http.createServer(createStaticHandler(getRoot))
  // Idle kept-alive connections outlive a client's (see cms/server.mjs): no reset when the
  // client's next request meets the server's 5-second close.
  server.keepAliveTimeout = 65_000
  return server
}

export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, () => resolve(server))
  })
}
