'use client'

import { Button, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** One of the records an erasure removed, as DELETE /api/personal-data answers it (signups/personalData.ts). */
interface ErasedRecord {
  id: number | string
  kind?: 'participant' | 'volunteer'
  target: string | null
  department: string | null
  createdAt: string
}
interface Erased {
  signups: ErasedRecord[]
  childCertificates: ErasedRecord[]
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

const text = {
  da: {
    heading: 'En persons oplysninger: se eller slet',
    help: 'Når en person beder om at se eller få slettet sine oplysninger: skriv deres e-mailadresse eller telefonnummer. "Læsevenlig udgave" giver alt, vi har om dem (tilmeldinger og børneattester), som en side på dansk, de kan læse og printe; "Datafil (JSON)" giver det samme som en fil, de kan tage med til et andet system. Send dem gerne begge. "Slet alt" sletter det hele på én gang.',
    label: 'E-mail eller telefon',
    readable: 'Læsevenlig udgave',
    export: 'Datafil (JSON)',
    erase: 'Slet alt',
    confirm: 'Slet alle tilmeldinger og børneattester for {who}? Det kan ikke fortrydes.',
    signups: (count: number) => plural(count, 'tilmelding', 'tilmeldinger'),
    certificates: (count: number) => plural(count, 'børneattest', 'børneattester'),
    erased: 'Slettet: {signups} og {certificates}.',
    nothing: 'Der var ingen tilmeldinger eller børneattester for {who}.',
    signup: (record: ErasedRecord) =>
      `Tilmelding ${record.kind === 'volunteer' ? 'som frivillig' : 'som deltager'}${record.target ? ` til «${record.target}»` : ''}${record.department ? ` hos ${record.department}` : ''}`,
    certificate: (record: ErasedRecord) => `Børneattest${record.target ? ` til «${record.target}»` : ''}${record.department ? ` hos ${record.department}` : ''}`,
    received: 'modtaget',
    failed: 'Det lykkedes ikke: {error}',
    dateLocale: 'da-DK',
  },
  en: {
    heading: 'One person’s data: see or erase',
    help: 'When someone asks to see or erase their data: enter their email address or phone number. "Readable copy" gives everything we hold about them (signups and child certificates) as a page in Danish they can read and print; "Data file (JSON)" gives the same as a file they can take to another system. Send them both. "Erase all" deletes all of it in one go.',
    label: 'Email or phone',
    readable: 'Readable copy',
    export: 'Data file (JSON)',
    erase: 'Erase all',
    confirm: 'Erase all signups and child certificates for {who}? This cannot be undone.',
    signups: (count: number) => plural(count, 'signup', 'signups'),
    certificates: (count: number) => plural(count, 'child certificate', 'child certificates'),
    erased: 'Erased: {signups} and {certificates}.',
    nothing: 'There were no signups or child certificates for {who}.',
    signup: (record: ErasedRecord) =>
      `Signup ${record.kind === 'volunteer' ? 'as a volunteer' : 'as a participant'}${record.target ? ` for “${record.target}”` : ''}${record.department ? ` at ${record.department}` : ''}`,
    certificate: (record: ErasedRecord) => `Child certificate${record.target ? ` for “${record.target}”` : ''}${record.department ? ` at ${record.department}` : ''}`,
    received: 'received',
    failed: 'That did not work: {error}',
    dateLocale: 'en-GB',
  },
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))

/** Above the signups list, for admins only: a data subject's access and erasure requests. */
export function PersonalDataTool() {
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const [who, setWho] = useState('')
  const [result, setResult] = useState<string>()
  const [erased, setErased] = useState<Erased>()
  if ((user as { role?: string } | null)?.role !== 'admin') return null
  const t = text[i18n.language === 'en' ? 'en' : 'da']
  const query = () => {
    const value = who.trim()
    return value.includes('@') ? `email=${encodeURIComponent(value)}` : `phone=${encodeURIComponent(value)}`
  }
  const url = (extra = '') => `${config.serverURL}${config.routes.api}/personal-data?${query()}${extra}`
  const when = (value: string) => new Intl.DateTimeFormat(t.dateLocale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(value))

  const download = async (format: 'json' | 'html') => {
    setResult(undefined)
    setErased(undefined)
    const response = await fetch(url(format === 'html' ? '&format=html' : ''), { credentials: 'include' })
    if (!response.ok) return setResult(fill(t.failed, { error: ((await response.json()) as { error?: string }).error ?? response.status }))
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
    if (!window.confirm(fill(t.confirm, { who: who.trim() }))) return
    const response = await fetch(url(), { method: 'DELETE', credentials: 'include' })
    const body = (await response.json()) as { deleted?: { signups: number; childCertificates: number }; erased?: Erased; error?: string }
    if (!response.ok || !body.deleted) return setResult(fill(t.failed, { error: body.error ?? response.status }))
    const { signups, childCertificates } = body.deleted
    setResult(
      signups + childCertificates === 0
        ? fill(t.nothing, { who: who.trim() })
        : fill(t.erased, { signups: t.signups(signups), certificates: t.certificates(childCertificates) }),
    )
    setErased(body.erased)
    // The list below is rendered on the server: fetch it again so the person is gone from it now.
    router.refresh()
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
        <Button buttonStyle="secondary" disabled={!who.trim()} onClick={() => download('html')}>
          {t.readable}
        </Button>
        <Button buttonStyle="secondary" disabled={!who.trim()} onClick={() => download('json')}>
          {t.export}
        </Button>
        <Button buttonStyle="error" disabled={!who.trim()} onClick={erase}>
          {t.erase}
        </Button>
      </div>
      {result && (
        <div role="status" data-personal-data-result>
          <p>{result}</p>
          {erased && erased.signups.length + erased.childCertificates.length > 0 && (
            <ul data-personal-data-erased>
              {erased.signups.map((record) => (
                <li key={`signup-${record.id}`}>
                  {t.signup(record)}, {t.received} {when(record.createdAt)}
                </li>
              ))}
              {erased.childCertificates.map((record) => (
                <li key={`certificate-${record.id}`}>
                  {t.certificate(record)}, {t.received} {when(record.createdAt)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
