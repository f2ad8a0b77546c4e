'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'

import type { TranslationKey, Translations } from '../lib/translations'

/** What the attendance endpoints answer (attendance/endpoints.ts). */
interface Meeting {
  key: string
  kind: 'event' | 'activity'
  id: number | string
  date: string
  title: string
  startsAt: string
}
interface Person {
  id: number | string
  name: string
  participants: number
  companions: string[]
}
interface Recorded {
  attended: (number | string)[]
  headcount: number | null
  updatedAt: string
}
interface MeetingList {
  meeting: Meeting
  signups: Person[]
  record: Recorded | null
}
type Load<T> = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; value: T }
type Save = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved'; at: string } | { phase: 'failed'; message: string }

const errorMessage = async (response: Response, fallback: string) => {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return body?.errors?.[0]?.message ?? fallback
}

/** The query naming a meeting, as GET /api/attendance/meeting and the page's own address take it. */
const queryOf = (meeting: Pick<Meeting, 'kind' | 'id' | 'date'>) =>
  meeting.kind === 'event' ? `event=${encodeURIComponent(String(meeting.id))}` : `activity=${encodeURIComponent(String(meeting.id))}&date=${meeting.date}`

/** The meeting to open first: today's (the first still to begin, else the last begun), else the latest past one, else the next. */
function defaultMeeting(meetings: Meeting[], today: string): Meeting | undefined {
  const todays = meetings.filter((meeting) => meeting.date === today)
  if (todays.length) return todays.find((meeting) => new Date(meeting.startsAt) > new Date()) ?? todays[todays.length - 1]
  return [...meetings].reverse().find((meeting) => meeting.date < today) ?? meetings[0]
}

// Printed: only the list (no menu, header or buttons), black on white, every row kept whole.
// On a phone: the table fits 360 px, the checkboxes are large enough to hit with a thumb.
const styles = `
.attendance__table { border-collapse: collapse; width: 100%; }
.attendance__table th, .attendance__table td { padding: calc(var(--base) / 3) calc(var(--base) / 3); border-bottom: 1px solid var(--theme-elevation-150); text-align: start; vertical-align: middle; }
.attendance__table td.attendance__count, .attendance__table th.attendance__count { text-align: end; white-space: nowrap; }
.attendance__table input[type='checkbox'] { width: 1.5rem; height: 1.5rem; margin: 0; }
.attendance__name { font-weight: 600; overflow-wrap: anywhere; }
.attendance__companions { display: block; font-size: 0.875em; color: var(--theme-elevation-800); overflow-wrap: anywhere; }
.attendance__controls { display: flex; flex-wrap: wrap; gap: calc(var(--base) / 2); align-items: end; margin-block: var(--base); }
.attendance__field { display: flex; flex-direction: column; gap: 0.25rem; max-width: 100%; }
.attendance__field select, .attendance__field input { font: inherit; padding: 0.5rem; min-height: 2.75rem; max-width: 100%; color: var(--theme-text); background: var(--theme-input-bg); border: 1px solid var(--theme-elevation-400); border-radius: 4px; }
.attendance__field input { width: 8rem; }
.attendance__help { font-size: 0.875em; color: var(--theme-elevation-800); margin: 0; }
@media print {
  .nav, .app-header, .template-default__nav-toggler-wrapper, .template-default__nav-overlay, [data-print-hide] { display: none !important; }
  .template-default, .template-default__wrap { display: block !important; padding: 0 !important; margin: 0 !important; }
  .attendance { padding: 0 !important; color: #000; background: #fff; }
  .attendance__table th, .attendance__table td { border-bottom: 1px solid #000; color: #000; }
  .attendance__table tr { break-inside: avoid; }
  .attendance__print-count { display: inline !important; }
}
.attendance__print-count { display: none; }
`

/**
 * The meeting picker and the list of one meeting: a checkbox per person holding a place (their
 * name written as given, in any script: `dir="auto"` lets an Arabic name run right to left in
 * a Danish page), the headcount, and save. The address carries the meeting (?event= or
 * ?activity=&date=), so a reload or a printout shows the same list.
 */
export function AttendanceSheet({ api, initial, daysBack, daysAhead }: { api: string; initial: { event?: string; activity?: string; date?: string }; daysBack: number; daysAhead: number }) {
  const { t, i18n } = useTranslation<Translations, TranslationKey>()
  const ids = useId()
  const [meetings, setMeetings] = useState<Load<{ today: string; meetings: Meeting[] }>>({ phase: 'loading' })
  const [selected, setSelected] = useState<string | undefined>(
    initial.event ? `event:${initial.event}` : initial.activity && initial.date ? `activity:${initial.activity}:${initial.date}` : undefined,
  )
  const [list, setList] = useState<Load<MeetingList> | undefined>(undefined)
  const [ticked, setTicked] = useState<Set<string>>(new Set())
  const [headcount, setHeadcount] = useState('')
  const [save, setSave] = useState<Save>({ phase: 'idle' })

  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK'
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Copenhagen', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
  const clock = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))

  useEffect(() => {
    let live = true
    fetch(`${api}/attendance/meetings`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(await errorMessage(response, t('attendance:failed')))
        const value = (await response.json()) as { today: string; meetings: Meeting[] }
        if (!live) return
        setMeetings({ phase: 'ready', value })
        setSelected((current) => current ?? defaultMeeting(value.meetings, value.today)?.key)
      })
      .catch((error: unknown) => live && setMeetings({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }))
    return () => {
      live = false
    }
  }, [api, t])

  const open = useCallback(
    async (key: string) => {
      const [kind, id, date] = key.split(':') as ['event' | 'activity', string, string | undefined]
      const query = queryOf({ kind, id, date: date ?? '' })
      window.history.replaceState(null, '', `${window.location.pathname}?${query}`)
      setList({ phase: 'loading' })
      setSave({ phase: 'idle' })
      try {
        const response = await fetch(`${api}/attendance/meeting?${query}`, { credentials: 'include' })
        if (!response.ok) return setList({ phase: 'failed', message: await errorMessage(response, t('attendance:failed')) })
        const value = (await response.json()) as MeetingList
        setList({ phase: 'ready', value })
        setTicked(new Set((value.record?.attended ?? []).map(String)))
        setHeadcount(value.record?.headcount === null || value.record?.headcount === undefined ? '' : String(value.record.headcount))
      } catch {
        setList({ phase: 'failed', message: t('attendance:failed') })
      }
    },
    [api, t],
  )

  useEffect(() => {
    if (selected) void open(selected)
  }, [selected, open])

  const toggle = (id: string, on: boolean) => {
    setTicked((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
    setSave({ phase: 'idle' })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (list?.phase !== 'ready') return
    const { meeting, signups } = list.value
    setSave({ phase: 'saving' })
    try {
      const response = await fetch(`${api}/attendance/record`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...(meeting.kind === 'event' ? { event: meeting.id } : { activity: meeting.id, date: meeting.date }),
          attended: signups.filter((person) => ticked.has(String(person.id))).map((person) => person.id),
          headcount: headcount.trim() === '' ? null : Number(headcount),
        }),
      })
      if (!response.ok) return setSave({ phase: 'failed', message: await errorMessage(response, t('attendance:failed')) })
      const { record } = (await response.json()) as { record: Recorded }
      setHeadcount(record.headcount === null ? '' : String(record.headcount))
      setList({ phase: 'ready', value: { ...list.value, record } })
      setSave({ phase: 'saved', at: record.updatedAt })
    } catch {
      setSave({ phase: 'failed', message: t('attendance:failed') })
    }
  }

  const today = meetings.phase === 'ready' ? meetings.value.today : undefined
  const choices = meetings.phase === 'ready' ? meetings.value.meetings : []
  // A meeting opened by its address may lie outside the picker's days: offer it all the same.
  const current = list?.phase === 'ready' ? list.value.meeting : undefined
  const options = current && !choices.some((meeting) => meeting.key === current.key) ? [current, ...choices] : choices
  const future = Boolean(current && today && current.date > today)

  return (
    <div data-attendance-sheet>
      <style>{styles}</style>
      <p data-print-hide>{t('attendance:intro')}</p>
      {meetings.phase === 'loading' && <p role="status">{t('attendance:loading')}</p>}
      {meetings.phase === 'failed' && <p role="alert">{meetings.message}</p>}
      {meetings.phase === 'ready' && options.length === 0 && <p>{t('attendance:noMeetings', { back: daysBack, ahead: daysAhead })}</p>}
      {options.length > 0 && (
        <div className="attendance__controls" data-print-hide>
          <div className="attendance__field">
            <label htmlFor={`${ids}-meeting`}>{t('attendance:meeting')}</label>
            <select id={`${ids}-meeting`} value={selected ?? ''} onChange={(event) => setSelected(event.target.value)} data-attendance-meeting>
              {options.map((meeting) => (
                <option key={meeting.key} value={meeting.key}>
                  {`${when(meeting.startsAt)} – ${meeting.title}`}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}

      {list?.phase === 'loading' && <p role="status">{t('attendance:loading')}</p>}
      {list?.phase === 'failed' && <p role="alert">{list.message}</p>}
      {list?.phase === 'ready' && (
        <form onSubmit={submit} data-attendance-form>
          <h2>
            {list.value.meeting.title} <span style={{ fontWeight: 'normal' }}>– {when(list.value.meeting.startsAt)}</span>
          </h2>
          <p data-print-hide data-attendance-recorded>
            {list.value.record ? t('attendance:recorded', { time: when(list.value.record.updatedAt) }) : t('attendance:notRecorded')}
          </p>
          {future && (
            <p role="status" data-attendance-future>
              {t('attendance:future')}
            </p>
          )}
          {list.value.signups.length === 0 ? (
            <p>{t('attendance:noSignups')}</p>
          ) : (
            <table className="attendance__table" data-attendance-list>
              <caption className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                {t('attendance:signedUp')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('attendance:came')}</th>
                  <th scope="col">{t('attendance:name')}</th>
                  <th scope="col" className="attendance__count">
                    {t('attendance:participants')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.value.signups.map((person) => {
                  const id = String(person.id)
                  const nameId = `${ids}-name-${id}`
                  return (
                    <tr key={id} data-signup={id}>
                      <td>
                        <input
                          type="checkbox"
                          id={`${ids}-came-${id}`}
                          aria-labelledby={nameId}
                          checked={ticked.has(id)}
                          disabled={future}
                          onChange={(event) => toggle(id, event.target.checked)}
                        />
                      </td>
                      <td>
                        <label htmlFor={`${ids}-came-${id}`} id={nameId} className="attendance__name" dir="auto" data-attendance-name>
                          {person.name}
                        </label>
                        {person.companions.length > 0 && (
                          <span className="attendance__companions">
                            {t('attendance:companions')}:{' '}
                            {person.companions.map((name, index) => (
                              <span key={index}>
                                {index > 0 && ', '}
                                <bdi>{name}</bdi>
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td className="attendance__count">{person.participants}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
          <div className="attendance__controls">
            <div className="attendance__field">
              <label htmlFor={`${ids}-headcount`}>{t('attendance:headcount')}</label>
              <input
                id={`${ids}-headcount`}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={headcount}
                disabled={future}
                aria-describedby={`${ids}-headcount-help`}
                onChange={(event) => {
                  setHeadcount(event.target.value)
                  setSave({ phase: 'idle' })
                }}
                data-attendance-headcount
              />
              <p id={`${ids}-headcount-help`} className="attendance__help" data-print-hide>
                {t('attendance:headcountHelp')}
              </p>
            </div>
          </div>
          <div className="attendance__controls" data-print-hide>
            <Button type="submit" buttonStyle="primary" disabled={future || save.phase === 'saving'}>
              {save.phase === 'saving' ? t('attendance:saving') : t('attendance:save')}
            </Button>
            <Button type="button" buttonStyle="secondary" onClick={() => window.print()}>
              {t('attendance:print')}
            </Button>
          </div>
          <div role="status" aria-live="polite" data-attendance-status>
            {save.phase === 'saved' && <p>{t('attendance:saved', { time: clock(save.at) })}</p>}
          </div>
          {save.phase === 'failed' && (
            <p role="alert" data-attendance-error>
              {save.message}
            </p>
          )}
        </form>
      )}
    </div>
  )
}
