import type { PayloadRequest } from 'payload'

import { siteUrl } from '../../../core/defaults'
import { isLocaleCode, type LocaleCode } from '../../../core/locales'

export const maxBodyBytes = 16 * 1024

export { siteUrl as siteURL }
export const siteOrigin = () => new URL(siteUrl()).origin

/**
 * The site's forms post here from the site's origin; the CMS's own error page posts the form
 * again from the CMS's origin. Browsers always send Origin with a POST; without one, a Referer
 * from those origins will do.
 */
export function fromAllowedOrigin(req: PayloadRequest): boolean {
  const allowed = [siteOrigin(), new URL(req.payload.config.serverURL || req.url || siteUrl()).origin]
  const origin = req.headers.get('origin')
  if (origin) return allowed.includes(origin)
  const referer = req.headers.get('referer')
  if (!referer) return false
  try {
    return allowed.includes(new URL(referer).origin)
  } catch {
    return false
  }
}

export function wantsJson(req: PayloadRequest): boolean {
  return (req.headers.get('accept') ?? '').toLowerCase().includes('application/json')
}

/** Before the body is read: the form page's language from the Referer, then Accept-Language. */
export function requestLanguage(req: PayloadRequest): LocaleCode {
  try {
    const referer = new URL(req.headers.get('referer') ?? '')
    const first = referer.pathname.split('/')[1] ?? ''
    if (isLocaleCode(first)) return first
  } catch {
    // no or no usable Referer
  }
  for (const part of (req.headers.get('accept-language') ?? '').split(',')) {
    const code = part.split(';')[0]?.trim().toLowerCase().split('-')[0] ?? ''
    if (isLocaleCode(code)) return code
  }
  return 'da'
}

export class BodyTooLarge extends Error {}

/** The body as text, refusing it as soon as it is larger than maxBodyBytes (never buffering more). */
export async function readBody(req: PayloadRequest): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > maxBodyBytes) throw new BodyTooLarge()
  if (!req.body) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
}

export type ParsedBody = { ok: true; fields: Record<string, unknown> } | { ok: false }

/** A flat record of the body's fields; a repeated field name or anything but an object is refused. */
export function parseBody(contentType: 'json' | 'form', body: string): ParsedBody {
  if (contentType === 'form') {
    const fields: Record<string, unknown> = Object.create(null)
    for (const [key, value] of new URLSearchParams(body)) {
      if (Object.hasOwn(fields, key)) return { ok: false }
      fields[key] = value
    }
    return { ok: true, fields }
  }
  try {
    const value: unknown = JSON.parse(body)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false }
    return { ok: true, fields: value as Record<string, unknown> }
  } catch {
    return { ok: false }
  }
}

export function contentTypeOf(req: PayloadRequest): 'json' | 'form' | undefined {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json') return 'json'
  if (type === 'application/x-www-form-urlencoded') return 'form'
  return undefined
}
