'use client'
import { Button, useConfig, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'
import { useState } from 'react'

import { timeZone } from '../../../core/time'
import type { TranslationKey, Translations } from '../lib/translations'

const staleAfterDays = 90

/** Sidebar field on an activity: when it was last confirmed, a stale warning, one click to confirm. */
export const ConfirmListing: DateFieldClientComponent = ({ path }) => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n, t } = useTranslation<Translations, TranslationKey>()
  const { value, setValue } = useField<string | null>({ path: path ?? 'lastConfirmedAt' })
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle')
  const language = i18n.language === 'en' ? 'en' : 'da'
  const stale = !value || Date.now() - new Date(value).getTime() > staleAfterDays * 86_400_000

  async function confirm() {
    setState('busy')
    try {
      const response = await fetch(`${config.routes.api}/activities/${id}/confirm`, { method: 'POST', credentials: 'include' })
      if (!response.ok) throw new Error(String(response.status))
      const { lastConfirmedAt } = (await response.json()) as { lastConfirmedAt: string }
      setValue(lastConfirmedAt, true)
      setState('done')
    } catch {
      setState('failed')
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }} data-confirm-listing>
      <div className="field-label">{t('confirmListing:label')}</div>
      <p>
        {value
          ? new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone }).format(new Date(value))
          : t('confirmListing:never')}
      </p>
      {stale && state !== 'done' && (
        <p role="status" style={{ color: 'var(--theme-warning-700, #a35f00)', fontWeight: 600 }} data-stale-warning>
          {t('confirmListing:stale', { days: staleAfterDays })}
        </p>
      )}
      {id !== undefined && (
        <Button buttonStyle="secondary" size="small" onClick={confirm} disabled={state === 'busy'}>
          {state === 'busy' ? t('confirmListing:confirming') : t('confirmListing:confirm')}
        </Button>
      )}
      {state === 'done' && <p role="status">{t('confirmListing:confirmed')}</p>}
      {state === 'failed' && <p role="alert">{t('confirmListing:failed')}</p>}
    </div>
  )
}
