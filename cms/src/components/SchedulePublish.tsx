'use client'
import {
  Button,
  ConfigProvider,
  DatePicker,
  Drawer,
  PublishButton,
  toast,
  useConfig,
  useDocumentInfo,
  useDocumentTitle,
  useFormModified,
  useModal,
  useServerFunctions,
  useTranslation,
} from '@payloadcms/ui'
import type { ClientConfig } from 'payload'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'

import { timeZone } from '../../../core/time'
import { dateConventions, inputFormats } from '../fields/date'
import type { TranslationKey, Translations } from '../lib/translations'

/**
 * "Planlæg udgivelse" with the admin's own date rules. Payload's schedule drawer renders its date
 * picker without a format, so react-datepicker read "10.07.2027 10:00" with `new Date(text)`:
 * 7 October. This is the document's publish button as Payload draws it, minus Payload's schedule
 * item, plus a "Planlæg" button whose drawer reads and shows dates day-month (fields/date.ts).
 * The scheduling itself is Payload's (its server functions and its `schedulePublish` job).
 */

type Upcoming = { id: number | string; input: { type: 'publish' | 'unpublish'; locale?: string; timezone?: string }; waitUntil: string }

const whenFormat = (language: 'da' | 'en') =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  })

/** The config as the publish button sees it: this document's collection or global without Payload's schedule item. */
function withoutPayloadSchedule(config: ClientConfig, collectionSlug?: string, globalSlug?: string): ClientConfig {
  const strip = <T extends { slug: string; versions?: unknown }>(entity: T, slug?: string): T => {
    if (entity.slug !== slug) return entity
    const versions = entity.versions as { drafts?: false | Record<string, unknown> } | undefined
    if (!versions?.drafts) return entity
    return { ...entity, versions: { ...versions, drafts: { ...versions.drafts, schedulePublish: false } } }
  }
  return {
    ...config,
    collections: config.collections.map((collection) => strip(collection, collectionSlug)),
    globals: config.globals.map((global) => strip(global, globalSlug)),
  }
}

export function PublishWithSchedule(props: { label?: string }) {
  const { config, getEntityConfig } = useConfig()
  const { id, collectionSlug, globalSlug, hasPublishPermission } = useDocumentInfo()
  const modified = useFormModified()
  const { i18n, t } = useTranslation<Translations, TranslationKey>()
  const language = i18n.language === 'en' ? 'en' : 'da'
  const { toggleModal } = useModal()
  const drawerSlug = `drk-schedule-${collectionSlug ?? globalSlug}-${id ?? 'global'}`

  const entity = getEntityConfig(collectionSlug ? { collectionSlug } : { globalSlug: globalSlug! }) as { versions?: { drafts?: false | { autosave?: unknown; schedulePublish?: unknown } } } | null
  const drafts = entity?.versions?.drafts
  const scheduleEnabled = Boolean(drafts && drafts.schedulePublish)
  const hasAutosave = Boolean(drafts && drafts.autosave)
  // As Payload's own: a saved document (or a global) and nothing unsaved that autosave would not keep.
  const canSchedule = scheduleEnabled && hasPublishPermission && Boolean(globalSlug || (collectionSlug && id)) && (hasAutosave || !modified)

  const buttonConfig = useMemo(() => withoutPayloadSchedule(config, collectionSlug, globalSlug), [config, collectionSlug, globalSlug])

  return (
    <div className="drk-publish-with-schedule" style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }}>
      {canSchedule && (
        <Button buttonStyle="secondary" size="medium" className="drk-schedule-button" onClick={() => toggleModal(drawerSlug)} margin={false}>
          {t('schedulePublish:schedule')}
        </Button>
      )}
      <ConfigProvider config={buttonConfig}>
        <PublishButton {...props} />
      </ConfigProvider>
      {canSchedule && <ScheduleDrawer slug={drawerSlug} language={language} />}
    </div>
  )
}

function ScheduleDrawer({ slug, language }: { slug: string; language: 'da' | 'en' }) {
  const { config } = useConfig()
  const { id, collectionSlug, globalSlug } = useDocumentInfo()
  const { title } = useDocumentTitle()
  const { i18n, t } = useTranslation<Translations, TranslationKey>()
  const { isModalOpen } = useModal()
  const { getUpcomingScheduledPublish, schedulePublish } = useServerFunctions()
  const open = isModalOpen(slug)
  const [type, setType] = useState<'publish' | 'unpublish'>('publish')
  const [date, setDate] = useState<Date | null>(null)
  const [locale, setLocale] = useState('all')
  const [processing, setProcessing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [upcoming, setUpcoming] = useState<Upcoming[] | null>(null)
  const fieldId = useId()
  const conventions = dateConventions[language]
  const format = whenFormat(language)

  const locales = useMemo(
    () =>
      config.localization
        ? config.localization.locales.map(({ code, label }) => ({ code, label: typeof label === 'string' ? label : (label[i18n.language] ?? Object.values(label)[0] ?? code) }))
        : [],
    [config.localization, i18n.language],
  )
  const localeLabel = (code?: string) => (code ? (locales.find((entry) => entry.code === code)?.label ?? code) : t('schedulePublish:allLanguages'))

  const refresh = useCallback(async () => {
    const docs = (await getUpcomingScheduledPublish({ id, collectionSlug, globalSlug })) as Upcoming[]
    setUpcoming(docs)
  }, [getUpcomingScheduledPublish, id, collectionSlug, globalSlug])

  useEffect(() => {
    if (open) void refresh().catch(() => setUpcoming([]))
  }, [open, refresh])

  const save = async () => {
    setProblem(null)
    if (!date) return setProblem(t('schedulePublish:noDate'))
    if (date.getTime() <= Date.now()) return setProblem(t('schedulePublish:past'))
    setProcessing(true)
    try {
      const result = (await schedulePublish({
        type,
        date,
        doc: collectionSlug && id !== undefined ? { relationTo: collectionSlug, value: String(id) } : undefined,
        global: globalSlug || undefined,
        localeToPublish: type === 'publish' && locale !== 'all' ? locale : undefined,
      })) as { error?: string } | undefined
      if (result && 'error' in result && result.error) throw new Error(result.error)
      toast.success(t('schedulePublish:saved', { what: type === 'publish' ? t('schedulePublish:publish') : t('schedulePublish:unpublish'), when: format.format(date) }))
      setDate(null)
      await refresh()
    } catch {
      setProblem(t('schedulePublish:failed'))
    } finally {
      setProcessing(false)
    }
  }

  const remove = async (entry: Upcoming) => {
    try {
      const result = (await schedulePublish({ deleteID: entry.id })) as { error?: string } | undefined
      if (result && 'error' in result && result.error) throw new Error(result.error)
      toast.success(t('schedulePublish:removed'))
      await refresh()
    } catch {
      toast.error(t('schedulePublish:failed'))
    }
  }

  const heading = title ? `${t('schedulePublish:scheduleTitle')}: ${title}` : t('schedulePublish:scheduleTitle')
  return (
    <Drawer slug={slug} title={heading} className="drk-schedule">
      <div className="drk-schedule__body" style={{ display: 'grid', gap: 'var(--base)', maxWidth: '40rem', paddingBlock: 'var(--base)' }}>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-label">{t('schedulePublish:what')}</legend>
          {(['publish', 'unpublish'] as const).map((option) => (
            <label key={option} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginBlock: '0.25rem' }}>
              <input type="radio" name={`${fieldId}-type`} value={option} checked={type === option} disabled={processing} onChange={() => setType(option)} />
              {option === 'publish' ? t('schedulePublish:publish') : t('schedulePublish:unpublish')}
            </label>
          ))}
        </fieldset>

        <div>
          <label className="field-label" htmlFor={`${fieldId}-when`}>
            {t('schedulePublish:when')}
          </label>
          <p id={`${fieldId}-hint`} className="field-description" style={{ marginBlock: '0 0.5rem' }}>
            {t('schedulePublish:whenHint')}
          </p>
          <div className="drk-schedule__when">
            <DatePicker
              id={`${fieldId}-when-picker`}
              pickerAppearance="dayAndTime"
              displayFormat={`${conventions.date} ${conventions.time}`}
              timeFormat={conventions.time}
              timeIntervals={15}
              minDate={new Date()}
              placeholder={conventions.placeholder.dayAndTime}
              readOnly={processing}
              value={date ?? undefined}
              onChange={(value: Date | null) => setDate(value instanceof Date && !Number.isNaN(value.getTime()) ? value : null)}
              overrides={{ ...conventions.picker, id: `${fieldId}-when`, dateFormat: inputFormats('dayAndTime', language), ariaDescribedBy: `${fieldId}-hint` }}
            />
          </div>
          {date && (
            <p className="drk-schedule__reads" aria-live="polite" style={{ marginBlock: '0.5rem 0' }}>
              {format.format(date)}
            </p>
          )}
        </div>

        {type === 'publish' && locales.length > 0 && (
          <div>
            <label className="field-label" htmlFor={`${fieldId}-locale`}>
              {t('schedulePublish:languages')}
            </label>
            <select id={`${fieldId}-locale`} value={locale} disabled={processing} onChange={(event) => setLocale(event.target.value)} style={{ minHeight: '2.5rem', padding: '0 0.5rem' }}>
              <option value="all">{t('schedulePublish:allLanguages')}</option>
              {locales.map(({ code, label }) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        )}

        {problem && (
          <p role="alert" className="drk-schedule__problem" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
            {problem}
          </p>
        )}
        <div>
          <Button onClick={() => void save()} disabled={processing} margin={false}>
            {processing ? t('schedulePublish:saving') : t('schedulePublish:save')}
          </Button>
        </div>

        <section aria-labelledby={`${fieldId}-upcoming`}>
          <h3 id={`${fieldId}-upcoming`}>{t('schedulePublish:upcoming')}</h3>
          {upcoming && upcoming.length === 0 && <p>{t('schedulePublish:none')}</p>}
          {upcoming && upcoming.length > 0 && (
            <ul className="drk-schedule__upcoming" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.5rem' }}>
              {upcoming.map((entry) => (
                <li key={entry.id} style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
                  <strong>{entry.input.type === 'unpublish' ? t('schedulePublish:unpublish') : t('schedulePublish:publish')}</strong>
                  <span>{format.format(new Date(entry.waitUntil))}</span>
                  {entry.input.type === 'publish' && locales.length > 0 && <span>{localeLabel(entry.input.locale)}</span>}
                  <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void remove(entry)}>
                    {t('schedulePublish:remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Drawer>
  )
}
