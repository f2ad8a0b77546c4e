'use client'
import { useAuth, useConfig, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useState } from 'react'

import { defaultLocale, locales } from '../../../core/locales'
import { translatorLocalesOf } from '../access/index'
import type { User } from '../payload-types'
import type { TranslationKey, Translations } from '../lib/translations'
import { MachineTranslateButton } from './TranslationActions'

const states = ['machine', 'outdated', 'reviewed'] as const
type State = (typeof states)[number] | 'missing'

/**
 * Sidebar: every language's state of this document, each with a link to edit it in that
 * language, and in a language other than Danish the machine translation of what it lacks, when
 * the provider translates into it. Read from the API, since the form holds one locale only.
 */
export function TranslationLocales() {
  const { config } = useConfig()
  const { code } = useLocale()
  const { id, collectionSlug, globalSlug, lastUpdateTime } = useDocumentInfo()
  const { i18n, t } = useTranslation<Translations, TranslationKey>()
  const [statuses, setStatuses] = useState<Record<string, unknown> | null>(null)
  const [machine, setMachine] = useState<Record<string, string | null>>({})
  const api = config.routes.api
  const docPath = collectionSlug ? (id === undefined || id === null ? null : `${api}/${collectionSlug}/${String(id)}`) : globalSlug ? `${api}/globals/${globalSlug}` : null
  const editPath = collectionSlug ? `${config.routes.admin}/collections/${collectionSlug}/${String(id)}` : `${config.routes.admin}/globals/${globalSlug ?? ''}`
  const { user } = useAuth<User>()
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  // A translator who opens a document (from a list, a link without a language) would land in
  // Danish, where all is read-only to them: they start in their first own language instead. A
  // Danish chosen on purpose (?locale=da, the language menu, the links below) stays.
  const ownFirst = translatorLocalesOf(user)[0]
  const landedInDanish = Boolean(ownFirst) && code === defaultLocale && !searchParams.get('locale')
  useEffect(() => {
    if (!landedInDanish || !ownFirst) return
    const query = new URLSearchParams(searchParams.toString())
    query.set('locale', ownFirst)
    router.replace(`${pathname}?${query.toString()}`)
  }, [landedInDanish, ownFirst, pathname, router, searchParams])

  useEffect(() => {
    if (!docPath) return
    let current = true
    void fetch(`${docPath}?locale=all&depth=0&draft=true`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ translationStatus?: Record<string, unknown> }>) : null))
      .then((doc) => current && setStatuses(doc?.translationStatus ?? {}))
    return () => {
      current = false
    }
  }, [docPath, lastUpdateTime])
  useEffect(() => {
    let current = true
    void fetch(`${api}/translations/overview?only=machine`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ machine: Record<string, string | null> }>) : null))
      .then((offer) => current && offer && setMachine(offer.machine))
    return () => {
      current = false
    }
  }, [api])
  if (!docPath) return null

  const stateOf = (locale: string): State => {
    const value = statuses?.[locale]
    return states.includes(value as (typeof states)[number]) ? (value as State) : 'missing'
  }
  const name = (locale: (typeof locales)[number]) => (i18n.language === 'en' ? locale.label : locale.labelDa)
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }} data-translation-locales>
      <h3 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{t('translationOverview:localesHeading')}</h3>
      {statuses === null ? (
        <p>{t('translationOverview:loadingStates')}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {locales.map((locale) => (
            <li key={locale.code} data-locale={locale.code} data-state={locale.code === defaultLocale ? 'original' : stateOf(locale.code)}>
              <a href={`${editPath}?locale=${locale.code}`} aria-current={locale.code === code ? 'true' : undefined} style={{ fontWeight: locale.code === code ? 700 : undefined }}>
                {name(locale)}
              </a>
              : {locale.code === defaultLocale ? t('translationOverview:original') : t(`translationOverview:${stateOf(locale.code)}`)}
            </li>
          ))}
        </ul>
      )}
      {code !== defaultLocale && machine[code] && (
        <MachineTranslateButton
          api={api}
          reload
          body={collectionSlug ? { collection: collectionSlug, id, locale: code } : { global: globalSlug, locale: code }}
          label={t('translationOverview:machineDocument')}
        />
      )}
    </div>
  )
}
