// The REST API's body size limits, in plain JavaScript: read by the CMS's own server
// (server.mjs, before Next) and by the route wrapper in bodyLimit.ts.
//
// API_JSON_BODY_LIMIT_BYTES (default 2 MB: a long page of rich text in eight languages is well
// under 1 MB), API_UPLOAD_BODY_LIMIT_BYTES (default 25 MB, multipart uploads) and
// API_XLIFF_BODY_LIMIT_BYTES (default 5 MB: a translator's XLIFF file for one language, sent as
// application/xliff+xml to /api/translations/import; the seed's whole text is well under 1 MB).

/** @returns {{ json: number, upload: number, xliff: number }} */
export const bodyLimits = () => ({
  json: Number(process.env.API_JSON_BODY_LIMIT_BYTES ?? 2_000_000),
  upload: Number(process.env.API_UPLOAD_BODY_LIMIT_BYTES ?? 25_000_000),
  xliff: Number(process.env.API_XLIFF_BODY_LIMIT_BYTES ?? 5_000_000),
})

/**
 * The limit for a body of this content type.
 * @param {string | null | undefined} contentType
 * @returns {number}
 */
export const bodyLimitForType = (contentType) => {
  const type = (contentType ?? '').toLowerCase()
  if (type.startsWith('multipart/')) return bodyLimits().upload
  if (type.startsWith('application/xliff+xml')) return bodyLimits().xliff
  return bodyLimits().json
}

/** @param {number} limit */
export const tooLargeMessage = (limit) => ({ errors: [{ message: `Request body too large (at most ${limit} bytes).` }] })
