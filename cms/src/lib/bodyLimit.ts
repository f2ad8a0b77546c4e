/**
 * Request body size limits for the REST API. Payload reads a JSON body whole into memory
 * (`req.text()`) with no ceiling of its own, so a 10 MB login body was read, parsed and answered;
 * uploads (multipart) have their own, larger limit (both in bodyLimits.mjs). A body *declared*
 * too large is refused by the CMS's server (server.mjs) before Next sees it; this wrapper is the
 * second line, and the only one for bodies sent without a declared length.
 */
import { bodyLimitForType, tooLargeMessage } from './bodyLimits.mjs'

export function bodyLimitFor(request: Request): number {
  return bodyLimitForType(request.headers.get('content-type'))
}

/**
 * How deep a JSON body may nest. Payload's rich-text validation and the database adapter walk
 * a body recursively, and a document nested 3,000 deep overflowed the stack (500). The deepest
 * real rich text (lists in lists in a table) is a few dozen levels.
 */
export const maxJsonDepth = () => Number(process.env.API_JSON_MAX_DEPTH ?? 256)

/** Whether JSON text nests deeper than `limit` (brackets outside strings; no parse needed). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (inString) {
      if (char === 0x5c) index++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true
    } else if (char === 0x7d || char === 0x5d) depth--
  }
  return false
}

const tooDeep = (limit: number) => Response.json({ errors: [{ message: `Request body nested too deeply (at most ${limit} levels).` }] }, { status: 400 })

const isJson = (request: Request) => (request.headers.get('content-type') ?? '').toLowerCase().includes('json')

const tooLarge = (limit: number) =>
  Response.json(tooLargeMessage(limit), { status: 413, headers: { Connection: 'close' } })

/**
 * Wraps a route handler: a body declared larger than the limit is refused before it is read; a
 * body without a declared length (chunked) is read here, up to the limit, and handed on as a
 * plain request with that body (413 as soon as it goes over; the rest is not read).
 */
export function limitBody<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const limit = bodyLimitFor(request)
    const declared = request.headers.get('content-length')
    if (declared !== null && Number(declared) > limit) return tooLarge(limit)
    if (request.body && declared !== null && isJson(request)) {
      // Read here (at most the limit, declared above), and handed on unread to Payload.
      if (nestsDeeperThan(await request.clone().text(), maxJsonDepth())) return tooDeep(maxJsonDepth())
    }
    if (!request.body || declared !== null) return handler(request, context)
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel()
        return tooLarge(limit)
      }
      chunks.push(value)
    }
    const body = Buffer.concat(chunks)
    if (isJson(request) && nestsDeeperThan(body.toString('utf8'), maxJsonDepth())) return tooDeep(maxJsonDepth())
    const headers = new Headers(request.headers)
    headers.delete('transfer-encoding')
    headers.set('content-length', String(body.byteLength))
    return handler(new Request(request.url, { method: request.method, headers, body, signal: request.signal }), context)
  }
}
