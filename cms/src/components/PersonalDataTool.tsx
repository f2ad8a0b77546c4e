'use client'

import { Button, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

const text = {
  da: {
    heading: 'En persons oplysninger: se eller slet',
    help: 'Når en person beder om at se eller få slettet sine oplysninger: skriv deres e-mailadresse eller telefonnummer. "Hent" giver alt, vi har om dem (tilmeldinger og børneattester), som en JSON-fil. "Slet alt" sletter det hele på én gang.',
    label: 'E-mail eller telefon',
    export: 'Hent (JSON)',
    erase: 'Slet alt',
    confirm: 'Slet alle tilmeldinger og børneattester for {who}? Det kan ikke fortrydes.',
    erased: 'Slettet: {signups} tilmeldinger og {certificates} børneattester.',
    failed: 'Det lykkedes ikke: {error}',
  },
  en: {
    heading: 'One person’s data: see or erase',
    help: 'When someone asks to see or erase their data: enter their email address or phone number. "Download" gives everything we hold about them (signups and child certificates) as a JSON file. "Erase all" deletes all of it in one go.',
    label: 'Email or phone',
    export: 'Download (JSON)',
    erase: 'Erase all',
    confirm: 'Erase all signups and child certificates for {who}? This cannot be undone.',
    erased: 'Erased: {signups} signups and {certificates} child certificates.',
    failed: 'That did not work: {error}',
  },
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))

/** Above the signups list, for admins only: a data subject's access and erasure requests. */
export function PersonalDataTool() {
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const [who, setWho] = useState('')
  const [result, setResult] = useState<string>()
  if ((user as { role?: string } | null)?.role !== 'admin') return null
  const t = text[i18n.language === 'en' ? 'en' : 'da']
  const query = () => {
    const value = who.trim()
    return value.includes('@') ? `email=${encodeURIComponent(value)}` : `phone=${encodeURIComponent(value)}`
  }
  const url = () => `${config.serverURL}${config.routes.api}/personal-data?${query()}`

  const download = async () => {
    setResult(undefined)
    const response = await fetch(url(), { credentials: 'include' })
    if (!response.ok) return setResult(fill(t.failed, { error: ((await response.json()) as { error?: string }).error ?? response.status }))
    const blob = await response.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = 'personoplysninger.json'
    link.click()
    URL.revokeObjectURL(link.href)
  }
  const erase = async () => {
    setResult(undefined)
    if (!window.confirm(fill(t.confirm, { who: who.trim() }))) return
    const response = await fetch(url(), { method: 'DELETE', credentials: 'include' })
    const body = (await response.json()) as { deleted?: { signups: number; childCertificates: number }; error?: string }
    setResult(response.ok && body.deleted ? fill(t.erased, { signups: body.deleted.signups, certificates: body.deleted.childCertificates }) : fill(t.failed, { error: body.error ?? response.status }))
  }

  return (
    <section data-personal-data-tool style={{ margin: 'var(--base) var(--gutter-h, var(--base)) calc(var(--base) * 1.5)', padding: 'var(--base)', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <h3 style={{ marginTop: 0 }}>{t.heading}</h3>
      <p>{t.help}</p>
      <label htmlFor="personal-data-who" style={{ display: 'block', marginBottom: 4 }}>
        {t.label}
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
        <Button buttonStyle="secondary" disabled={!who.trim()} onClick={download}>
          {t.export}
        </Button>
        <Button buttonStyle="error" disabled={!who.trim()} onClick={erase}>
          {t.erase}
        </Button>
      </div>
      {result && (
        <p role="status" data-personal-data-result>
          {result}
        </p>
      )}
    </section>
  )
}
