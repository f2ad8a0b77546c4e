/**
 * Request body size limits for the REST API. Payload reads a JSON body whole into memory
 * (`req.text()`) with no ceiling of its own, so a 10 MB login body was read, parsed and answered;
 * uploads (multipart) have their own, larger limit.
 * API_JSON_BODY_LIMIT_BYTES (default 2 MB: a long page of rich text in eight languages is well
 * under 1 MB) and API_UPLOAD_BODY_LIMIT_BYTES (default 25 MB).
 */
export const bodyLimits = () => ({
  json: Number(process.env.API_JSON_BODY_LIMIT_BYTES ?? 2_000_000),
  upload: Number(process.env.API_UPLOAD_BODY_LIMIT_BYTES ?? 25_000_000),
})

export function bodyLimitFor(request: Request): number {
  const type = request.headers.get('content-type') ?? ''
  return type.toLowerCase().startsWith('multipart/') ? bodyLimits().upload : bodyLimits().json
}

const tooLarge = (limit: number) =>
  Response.json({ errors: [{ message: `Request body too large (at most ${limit} bytes).` }] }, { status: 413, headers: { Connection: 'close' } })

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
    const headers = new Headers(request.headers)
    headers.delete('transfer-encoding')
    headers.set('content-length', String(body.byteLength))
    return handler(new Request(request.url, { method: request.method, headers, body, signal: request.signal }), context)
  }
}
