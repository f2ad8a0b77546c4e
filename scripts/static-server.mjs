// A small static file server for the built site: directory URLs get index.html, a directory
// without its trailing slash is redirected, unknown paths get 404.html, and paths cannot leave
// the folder. Compresses text with gzip when the browser accepts it.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

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

/** `getRoot` is called per request, so the served folder can be swapped while running. */
export function createStaticServer(getRoot) {
  return http.createServer((request, response) => {
    const rootDir = path.resolve(typeof getRoot === 'function' ? getRoot() : getRoot)
    let pathname
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    } catch {
      response.writeHead(400).end('Bad request')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    let file = path.join(rootDir, pathname)
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      response.writeHead(403).end()
      return
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false })
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const location = `${pathname}/${new URL(request.url ?? '/', 'http://localhost').search}`
        response.writeHead(301, { Location: location }).end()
        return
      }
      file = path.join(file, 'index.html')
      stat = fs.statSync(file, { throwIfNoEntry: false })
    }
    let status = 200
    if (!stat?.isFile()) {
      status = 404
      file = path.join(rootDir, '404.html')
      stat = fs.statSync(file, { throwIfNoEntry: false })
      if (!stat) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
        return
      }
    }
    const type = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    const headers = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.includes(`${path.sep}_astro${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    const gzip = compressible.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
    if (gzip) {
      headers['Content-Encoding'] = 'gzip'
      headers.Vary = 'Accept-Encoding'
    }
    response.writeHead(status, headers)
    if (request.method === 'HEAD') {
      response.end()
      return
    }
    const stream = fs.createReadStream(file)
    ;(gzip ? stream.pipe(zlib.createGzip()) : stream).pipe(response)
  })
}

export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, () => resolve(server))
  })
}
