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
 * body without a length (chunked) is counted as the handler reads it, and the answer is 413 once
 * it goes over (the handler's own answer to the cut-off body is dropped).
 */
export function limitBody<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const limit = bodyLimitFor(request)
    const declared = request.headers.get('content-length')
    if (declared !== null && Number(declared) > limit) return tooLarge(limit)
    if (!request.body || declared !== null) return handler(request, context)
    let seen = 0
    let exceeded = false
    const counted = request.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength
          if (seen > limit) {
            exceeded = true
            controller.error(new Error('request body too large'))
          } else {
            controller.enqueue(chunk)
          }
        },
      }),
    )
    const limited = new Request(request, { body: counted, duplex: 'half' } as RequestInit)
    const response = await handler(limited, context)
    return exceeded ? tooLarge(limit) : response
  }
}
