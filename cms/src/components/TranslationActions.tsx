'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'

import type { TranslationKey, Translations } from '../lib/translations'

/** What POST /api/translations/machine answers (translations/machineActions.ts). */
interface MachineReport {
  documents: { slug: string; id: string | number | null; title: string; outcome: 'translated' | 'failed'; fields: string[]; error?: string }[]
  characters: number
  stopped?: string
}

type MachineState = { phase: 'idle' } | { phase: 'busy' } | { phase: 'done'; report: MachineReport } | { phase: 'failed'; message: string }

const errorMessage = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return body?.errors?.[0]?.message ?? `HTTP ${response.status}`
}

/** A machine translation run (one document or one language) and its result. */
export function MachineTranslateButton({ api, body, label, reload = false }: { api: string; body: Record<string, unknown>; label: string; reload?: boolean }) {
  const { t } = useTranslation<Translations, TranslationKey>()
  const router = useRouter()
  const [state, setState] = useState<MachineState>({ phase: 'idle' })
  const run = async () => {
    setState({ phase: 'busy' })
    try {
      const response = await fetch(`${api}/translations/machine`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) return setState({ phase: 'failed', message: await errorMessage(response) })
      const report = (await response.json()) as MachineReport
      setState({ phase: 'done', report })
      // The edit form holds the texts it loaded: it shows the translation only when loaded again.
      if (reload && report.documents.some((doc) => doc.outcome === 'translated' && doc.fields.length > 0)) window.location.reload()
      else router.refresh()
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }
  const translated = state.phase === 'done' ? state.report.documents.filter((doc) => doc.outcome === 'translated' && doc.fields.length > 0) : []
  const failed = state.phase === 'done' ? state.report.documents.filter((doc) => doc.outcome === 'failed') : []
  return (
    <div data-machine-action>
      <Button buttonStyle="secondary" size="small" disabled={state.phase === 'busy'} onClick={run}>
        {label}
      </Button>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && <p>{t('translationOverview:machineRunning')}</p>}
        {state.phase === 'done' && (
          <p data-machine-result>
            {translated.length === 0 && failed.length === 0
              ? t('translationOverview:machineNothing')
              : t('translationOverview:machineDone', { documents: translated.length, characters: state.report.characters })}
          </p>
        )}
      </div>
      {(state.phase === 'failed' || failed.length > 0 || (state.phase === 'done' && state.report.stopped)) && (
        <div role="alert" data-machine-errors>
          {state.phase === 'failed' && <p>{state.message}</p>}
          {state.phase === 'done' && state.report.stopped && <p>{t('translationOverview:machineStopped', { reason: state.report.stopped })}</p>}
          {failed.length > 0 && (
            <ul>
              {failed.map((doc) => (
                <li key={`${doc.slug}:${String(doc.id)}`}>{t('translationOverview:machineFailed', { title: doc.title, error: doc.error ?? '' })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

export function MachineTranslateLocale({ api, locale }: { api: string; locale: string }) {
  const { t } = useTranslation<Translations, TranslationKey>()
  return <MachineTranslateButton api={api} body={{ locale, bulk: true }} label={t('translationOverview:machineAll')} />
}

const exportStates = ['missing', 'machine', 'outdated', 'reviewed'] as const
const exportedByDefault = new Set<string>(['missing', 'machine', 'outdated'])

/**
 * A form that downloads a language's XLIFF from the export endpoint. Without script the browser
 * sends the ticked states as repeated `status` parameters; with it, as one comma-separated list.
 */
export function TranslationExport({ api, locales }: { api: string; locales: { code: string; name: string }[] }) {
  const { t } = useTranslation<Translations, TranslationKey>()
  const id = useId()
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const states = form.getAll('status').map(String)
    const query = new URLSearchParams({ locale: String(form.get('locale')), status: states.join(',') })
    window.location.assign(`${api}/translations/export?${query.toString()}`)
  }
  return (
    <section data-translation-export style={{ marginTop: 'calc(var(--base) * 2)' }}>
      <h2>{t('translationOverview:exportHeading')}</h2>
      <p>{t('translationOverview:exportHelp')}</p>
      <form method="get" action={`${api}/translations/export`} onSubmit={submit}>
        <p>
          <label htmlFor={`${id}-locale`}>{t('translationOverview:language')}</label>{' '}
          <select id={`${id}-locale`} name="locale" defaultValue="ti">
            {locales.map((locale) => (
              <option key={locale.code} value={locale.code}>
                {locale.name}
              </option>
            ))}
          </select>
        </p>
        <fieldset style={{ border: 0, padding: 0 }}>
          <legend>{t('translationOverview:statesToExport')}</legend>
          {exportStates.map((state) => (
            <label key={state} style={{ marginInlineEnd: 'var(--base)' }}>
              <input type="checkbox" name="status" value={state} defaultChecked={exportedByDefault.has(state)} /> {t(`translationOverview:${state}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="btn btn--style-primary btn--size-small">
            {t('translationOverview:exportButton')}
          </button>
        </p>
      </form>
    </section>
  )
}

/** What POST /api/translations/import answers (translations/exchange.ts ImportReport). */
interface ImportedUnit {
  id: string
  outcome: 'applied' | 'unchanged' | 'source-changed' | 'refused'
  reason?: string
  document?: string
  field?: string
  confirmed?: true
}
interface ImportReport {
  targetLanguage: string
  units: ImportedUnit[]
  counts?: Record<string, number>
}

const outcomeKey = { applied: 'applied', unchanged: 'unchanged', 'source-changed': 'sourceChanged', refused: 'refused' } as const
const needsAttention = (unit: ImportedUnit) => unit.outcome === 'source-changed' || unit.outcome === 'refused'
const head = { textAlign: 'start', paddingInlineEnd: 'var(--base)' } as const

/** The report's rows: each text named by its document and field as the CMS knows them, the unit id for reference. */
function ReportTable({ units }: { units: ImportedUnit[] }) {
  const { t } = useTranslation<Translations, TranslationKey>()
  return (
    <table style={{ borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th scope="col" style={head}>
            {t('translationOverview:document')}
          </th>
          <th scope="col" style={head}>
            {t('translationOverview:field')}
          </th>
          <th scope="col" style={head}>
            {t('translationOverview:outcome')}
          </th>
          <th scope="col" style={{ textAlign: 'start' }}>
            {t('translationOverview:reason')}
          </th>
        </tr>
      </thead>
      <tbody>
        {units.map((unit) => (
          <tr key={unit.id} data-outcome={unit.outcome} data-unit={unit.id}>
            <td style={{ paddingInlineEnd: 'var(--base)' }}>{unit.document ?? <code>{unit.id}</code>}</td>
            <td style={{ paddingInlineEnd: 'var(--base)' }}>{unit.field ?? (unit.document ? <code>{unit.id}</code> : '')}</td>
            <td style={{ paddingInlineEnd: 'var(--base)' }}>
              {t(`translationOverview:${outcomeKey[unit.outcome]}`)}
              {unit.confirmed && ` (${t('translationOverview:confirmed')})`}
            </td>
            <td>{unit.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Uploads a translated XLIFF file to the import endpoint and shows its report per unit. */
export function TranslationImport({ api, locales }: { api: string; locales: Record<string, string> }) {
  const { t } = useTranslation<Translations, TranslationKey>()
  const router = useRouter()
  const id = useId()
  const [state, setState] = useState<{ phase: 'idle' | 'busy' } | { phase: 'done'; report: ImportReport } | { phase: 'failed'; message: string }>({ phase: 'idle' })
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) return
    const query = form.get('confirmUnchanged') ? '?confirmUnchanged=1' : ''
    setState({ phase: 'busy' })
    try {
      const response = await fetch(`${api}/translations/import${query}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/xliff+xml' },
        body: await file.arrayBuffer(),
      })
      if (!response.ok) return setState({ phase: 'failed', message: await errorMessage(response) })
      setState({ phase: 'done', report: (await response.json()) as ImportReport })
      router.refresh()
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }
  const count = (report: ImportReport, outcome: keyof typeof outcomeKey) => report.counts?.[outcome] ?? report.units.filter((unit) => unit.outcome === outcome).length
  // What needs the importer's attention first, then what was applied; the unchanged folded away.
  const shown = (report: ImportReport) => [...report.units.filter(needsAttention), ...report.units.filter((unit) => unit.outcome === 'applied')]
  const unchanged = (report: ImportReport) => report.units.filter((unit) => unit.outcome === 'unchanged')
  return (
    <section data-translation-import style={{ marginTop: 'calc(var(--base) * 2)' }}>
      <h2>{t('translationOverview:importHeading')}</h2>
      <p>{t('translationOverview:importHelp')}</p>
      <form onSubmit={submit}>
        <p>
          <label htmlFor={`${id}-file`}>{t('translationOverview:file')}</label>{' '}
          <input id={`${id}-file`} type="file" name="file" accept=".xlf,.xliff,application/xliff+xml,application/xml,text/xml" required />
        </p>
        <p>
          <input id={`${id}-confirm`} type="checkbox" name="confirmUnchanged" value="1" aria-describedby={`${id}-confirm-help`} />{' '}
          <label htmlFor={`${id}-confirm`}>{t('translationOverview:confirmUnchanged')}</label>
          <br />
          <small id={`${id}-confirm-help`}>{t('translationOverview:confirmUnchangedHelp')}</small>
        </p>
        <p>
          <button type="submit" className="btn btn--style-primary btn--size-small" disabled={state.phase === 'busy'}>
            {t('translationOverview:importButton')}
          </button>
        </p>
      </form>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && <p>{t('translationOverview:importing')}</p>}
      </div>
      {state.phase === 'failed' && <p role="alert">{t('translationOverview:importFailed', { reason: state.message })}</p>}
      {state.phase === 'done' && (
        <div data-import-report>
          <h3>{t('translationOverview:reportHeading', { language: locales[state.report.targetLanguage] ?? state.report.targetLanguage })}</h3>
          <p>
            {t('translationOverview:counts', {
              applied: count(state.report, 'applied'),
              unchanged: count(state.report, 'unchanged'),
              sourceChanged: count(state.report, 'source-changed'),
              refused: count(state.report, 'refused'),
            })}
          </p>
          {shown(state.report).length > 0 && <ReportTable units={shown(state.report)} />}
          {unchanged(state.report).length > 0 && (
            <details data-unchanged style={{ marginTop: 'var(--base)' }}>
              <summary>{t('translationOverview:unchangedFolded', { count: unchanged(state.report).length })}</summary>
              <ReportTable units={unchanged(state.report)} />
            </details>
          )}
        </div>
      )}
    </section>
  )
}
