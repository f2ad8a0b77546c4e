'use client'
import { getTranslation } from '@payloadcms/translations'
import { useConfig, useDocumentInfo, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
import type { ClientField, UIFieldClientComponent } from 'payload'

import { defaultLocale } from '../../../core/locales'
import type { TranslationKey, Translations } from '../lib/translations'

type Label = Parameters<typeof getTranslation>[0]

/** The fields a name can be found among: rows, collapsibles, unnamed tabs and groups show their fields in place. */
function inPlace(fields: ClientField[]): ClientField[] {
  return fields.flatMap((field) => {
    if (field.type === 'row' || field.type === 'collapsible') return inPlace(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ ...tab, type: 'group' } as ClientField] : inPlace(tab.fields)))
    if (field.type === 'group' && !('name' in field && field.name)) return inPlace(field.fields)
    return [field]
  })
}

/** A field path (`items.<row id>.label`) as the admin names it: "Menu items › Label". */
function labelOf(fields: ClientField[], path: string, translate: (label: Label) => string): string {
  const names: string[] = []
  let level = fields
  const segments = path.split('.')
  for (let index = 0; index < segments.length; index++) {
    const field = inPlace(level).find((candidate) => 'name' in candidate && candidate.name === segments[index])
    if (!field || !('name' in field)) break
    names.push(('label' in field && field.label ? translate(field.label as Label) : '') || field.name)
    if (field.type === 'array') index++ // the row's id
    level = 'fields' in field ? field.fields : []
  }
  return names.join(' › ') || path
}

/**
 * Sidebar, beside the translation status: in a language other than Danish, whether there is a
 * translation at all and which fields' Danish text changed after it was made.
 */
export const TranslationChanges: UIFieldClientComponent = () => {
  const { code } = useLocale()
  const { collectionSlug, globalSlug } = useDocumentInfo()
  const { getEntityConfig } = useConfig()
  const { i18n, t } = useTranslation<Translations, TranslationKey>()
  const hasStatus = Boolean(useFormFields(([fields]) => fields.translationStatus?.value))
  const sources = useFormFields(([fields]) => fields.translationSources?.value) as { changed?: unknown } | null | undefined
  if (code === defaultLocale) return null

  const changed = Array.isArray(sources?.changed) ? sources.changed.filter((path): path is string => typeof path === 'string') : []
  const entity = collectionSlug ? getEntityConfig({ collectionSlug }) : globalSlug ? getEntityConfig({ globalSlug }) : undefined
  const translate = (label: Label) => {
    const text = getTranslation(label, i18n)
    return typeof text === 'string' ? text : ''
  }
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }} data-translation-changes>
      {!hasStatus && <p>{t('translationState:missing')}</p>}
      {hasStatus && changed.length > 0 && (
        <>
          <p style={{ color: 'var(--theme-warning-700, #a35f00)', fontWeight: 600 }}>{t('translationState:changed')}</p>
          <ul>
            {changed.map((path) => (
              <li key={path}>{entity ? labelOf(entity.fields, path, translate) : path}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
