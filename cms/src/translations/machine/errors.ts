import type { TFunction } from '@payloadcms/translations'

import { ours, translations } from '../../lib/translations'

export type MachineTranslationFailure = keyof (typeof translations)['da']['machineTranslation']

type Values = Record<string, string | number>

/**
 * Why a machine translation job was refused or failed. Whatever the reason, the job returned
 * nothing, so nothing was written. `message` is Danish (the admin's default language);
 * `translated(req.t)` answers in the language of the admin or REST request.
 */
export class MachineTranslationError extends Error {
  readonly failure: MachineTranslationFailure
  readonly values: Values

  constructor(failure: MachineTranslationFailure, values: Values = {}, options?: { cause?: unknown }) {
    super(fill(translations.da.machineTranslation[failure], values), options)
    this.name = 'MachineTranslationError'
    this.failure = failure
    this.values = values
  }

  translated(t: TFunction<never>): string {
    return ours(t)(`machineTranslation:${this.failure}`, this.values)
  }

  /** The HTTP status an endpoint answers with: the caller's mistake, a limit, or the provider's failure. */
  get httpStatus(): number {
    switch (this.failure) {
      case 'notPublic':
      case 'sourceLocale':
        return 403
      case 'notConfigured':
      case 'unsupportedLocale':
      case 'tooLong':
        return 400
      case 'budgetExceeded':
      case 'quotaExceeded':
      case 'rateLimited':
        return 429
      case 'timeout':
        return 504
      default:
        return 502
    }
  }
}

function fill(text: string, values: Values): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
