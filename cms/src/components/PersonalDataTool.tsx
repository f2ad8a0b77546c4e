'use client'

import { Button, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { SignupKind } from '../../../core/signups'
import { timeZone } from '../../../core/time'
import { isAdmin } from '../access/index'
import type { TranslationKey, Translations } from '../lib/translations'
import type { User } from '../payload-types'

/** One of the records an erasure removed, as DELETE /api/personal-data answers it (signups/personalData.ts). */
interface ErasedRecord {
  id: number | string
  kind?: SignupKind
  target: string | null
  department: string | null
  createdAt: string
}
interface Erased {
  signups: ErasedRecord[]
  childCertificates: ErasedRecord[]
}

/** Above the signups list, for admins only: a data subject's access and erasure requests. */
export function PersonalDataTool() {
  const { user } = useAuth<User>()
  const { config } = useConfig()
  const { i18n, t } = useTranslation<Translations, TranslationKey>()
  const router = useRouter()
  const [who, setWho] = useState('')
  const [result, setResult] = useState<string>()
  const [erased, setErased] = useState<Erased>()
  if (!isAdmin(user)) return null
  const dateLocale = i18n.language === 'en' ? 'en-GB' : 'da-DK'
  const where = (record: ErasedRecord) =>
    `${record.target ? t('personalData:forTarget', { target: record.target }) : ''}${record.department ? t('personalData:atDepartment', { department: record.department }) : ''}`
  const kind = (record: ErasedRecord) => (record.kind === 'volunteer' ? t('personalData:volunteerSignup') : t('personalData:participantSignup'))
  const query = () => {
    const value = who.trim()
    return value.includes('@') ? `email=${encodeURIComponent(value)}` : `phone=${encodeURIComponent(value)}`
  }
  const url = (extra = '') => `${config.serverURL}${config.routes.api}/personal-data?${query()}${extra}`
  const when = (value: string) => new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long', timeZone }).format(new Date(value))

  const download = async (format: 'json' | 'html') => {
    setResult(undefined)
    setErased(undefined)
    const response = await fetch(url(format === 'html' ? '&format=html' : ''), { credentials: 'include' })
    if (!response.ok) return setResult(t('personalData:failed', { error: ((await response.json()) as { error?: string }).error ?? response.status }))
    const blob = await response.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `personoplysninger.${format}`
    link.click()
    URL.revokeObjectURL(link.href)
  }
  const erase = async () => {
    setResult(undefined)
    setErased(undefined)
    if (!window.confirm(t('personalData:confirm', { who: who.trim() }))) return
    const response = await fetch(url(), { method: 'DELETE', credentials: 'include' })
    const body = (await response.json()) as { deleted?: { signups: number; childCertificates: number }; erased?: Erased; error?: string }
    if (!response.ok || !body.deleted) return setResult(t('personalData:failed', { error: body.error ?? response.status }))
    const { signups, childCertificates } = body.deleted
    setResult(
      signups + childCertificates === 0
        ? t('personalData:nothing', { who: who.trim() })
        : t('personalData:erased', {
            signups: t('personalData:signups', { count: signups }),
            certificates: t('personalData:certificates', { count: childCertificates }),
          }),
    )
    setErased(body.erased)
    // The list below is rendered on the server: fetch it again so the person is gone from it now.
    router.refresh()
  }

  return (
    <section data-personal-data-tool style={{ margin: 'var(--base) var(--gutter-h, var(--base)) calc(var(--base) * 1.5)', padding: 'var(--base)', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <h3 style={{ marginTop: 0 }}>{t('personalData:heading')}</h3>
      <p>{t('personalData:help')}</p>
      <label htmlFor="personal-data-who" style={{ display: 'block', marginBottom: 4 }}>
        {t('personalData:label')}
      </label>
      <input
        id="personal-data-who"
        type="text"
        value={who}
        onChange={(event) => setWho(event.target.value)}
        autoComplete="off"
        style={{ width: '100%', maxWidth: 420, padding: 8, marginBottom: 8 }}
      />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button buttonStyle="secondary" disabled={!who.trim()} onClick={() => download('html')}>
          {t('personalData:readable')}
        </Button>
        <Button buttonStyle="secondary" disabled={!who.trim()} onClick={() => download('json')}>
          {t('personalData:export')}
        </Button>
        <Button buttonStyle="error" disabled={!who.trim()} onClick={erase}>
          {t('personalData:erase')}
        </Button>
      </div>
      {result && (
        <div role="status" data-personal-data-result>
          <p>{result}</p>
          {erased && erased.signups.length + erased.childCertificates.length > 0 && (
            <ul data-personal-data-erased>
              {erased.signups.map((record) => (
                <li key={`signup-${record.id}`}>
                  {kind(record)}
                  {where(record)}, {t('personalData:received')} {when(record.createdAt)}
                </li>
              ))}
              {erased.childCertificates.map((record) => (
                <li key={`certificate-${record.id}`}>
                  {t('personalData:certificate')}
                  {where(record)}, {t('personalData:received')} {when(record.createdAt)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
