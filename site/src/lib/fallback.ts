import { defaultLocale } from '../../../core/locales'
import type { Localized } from './cms/localized'

/** `lang="da"` for a field that fell back to Danish, so screen readers and fonts switch language. */
export function fallbackLang(entry: Localized<object>, field: string): string | undefined {
  return entry.fallbackFields.includes(field) ? defaultLocale : undefined
}

export function fellBack(entry: Localized<object>, ...fields: string[]): boolean {
  return fields.some((field) => entry.fallbackFields.includes(field))
}
