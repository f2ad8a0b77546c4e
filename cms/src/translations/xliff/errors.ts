import type { TFunction } from '@payloadcms/translations'

import { ours, translations } from '../../lib/translations'

export type XliffErrorCode = keyof (typeof translations)['da']['xliff']
export type XliffErrorParams = Record<string, string | number>

/**
 * Why a file (from `readXliff`) or one unit (from `fromXliffInline`) is refused. `message` is
 * Danish, as the admin mostly speaks; `messageFor(req.t)` answers in the requester's admin language.
 */
export class XliffError extends Error {
  readonly code: XliffErrorCode
  readonly params: XliffErrorParams

  constructor(code: XliffErrorCode, params: XliffErrorParams = {}) {
    super(fill(translations.da.xliff[code], params))
    this.name = 'XliffError'
    this.code = code
    this.params = params
  }

  messageFor(t: TFunction<never>): string {
    return ours(t)(`xliff:${this.code}`, this.params)
  }
}

function fill(text: string, params: XliffErrorParams): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
