import type { Endpoint, PayloadRequest } from 'payload'

import { XliffError } from './xliff/index'
import { ExchangeError, exportTranslations, importTranslations, parseExportFilters } from './exchange'

/**
 * The XLIFF exchange for scripts and the admin's overview (issue 14, item 3):
 * GET /api/translations/export?locale=ti[&status=missing,machine,outdated][&collection=activities]
 * answers the file as a download; POST /api/translations/import with the file as the body
 * (Content-Type: application/xliff+xml, optional ?locale=ti to insist on the language) answers
 * the report per unit. Who may: `mayTranslate` (access/index.ts).
 */

const noStore = { 'Cache-Control': 'no-store' }

function refusal(req: PayloadRequest, error: unknown): Response {
  if (error instanceof ExchangeError) return Response.json({ errors: [{ message: error.messageFor(req.t) }] }, { status: error.status, headers: noStore })
  if (error instanceof XliffError) return Response.json({ errors: [{ message: error.messageFor(req.t), code: error.code }] }, { status: 400, headers: noStore })
  throw error
}

/** Copenhagen's date, as the file's name tells when it was made. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date())

export const exportTranslationsEndpoint: Endpoint = {
  path: '/translations/export',
  method: 'get',
  handler: async (req) => {
    try {
      const locale = req.searchParams.get('locale') ?? ''
      const filters = parseExportFilters(req.searchParams.get('status'), req.searchParams.get('collection'))
      const { xliff } = await exportTranslations({ payload: req.payload, actor: req.user ?? null, locale, ...filters })
      return new Response(xliff, {
        headers: {
          ...noStore,
          'Content-Type': 'application/xliff+xml; charset=utf-8',
          'Content-Disposition': `attachment; filename="drk-${locale}-${today()}.xlf"`,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch (error) {
      return refusal(req, error)
    }
  },
}

export const importTranslationsEndpoint: Endpoint = {
  path: '/translations/import',
  method: 'post',
  handler: async (req) => {
    try {
      const body = req.text ? await req.text() : ''
      if (!req.user) throw new ExchangeError(401, 'loginRequired')
      if (body.trim() === '') throw new ExchangeError(400, 'emptyBody')
      const locale = req.searchParams.get('locale') || undefined
      const report = await importTranslations({ payload: req.payload, actor: req.user, xliff: body, locale, t: req.t })
      return Response.json(report, { headers: noStore })
    } catch (error) {
      return refusal(req, error)
    }
  },
}

export const translationEndpoints = [exportTranslationsEndpoint, importTranslationsEndpoint]
