import type { Event } from '../../../cms/src/payload-types'
import { timeZone } from '../../../core/time'
import { formatDateTime, numberingSystem, type LocaleCode } from '../i18n'
import type { Localized } from './cms/localized'

/** "Saturday 5 December 2026, 10:00 – 12:00", or both full dates when it spans days. */
export function eventTimeText(lang: LocaleCode, event: Pick<Event, 'startsAt' | 'endsAt'>): { start: string; end?: string } {
  if (!event.endsAt) return { start: formatDateTime(lang, event.startsAt) }
  const sameDay = dayKey(event.startsAt) === dayKey(event.endsAt)
  return { start: formatDateTime(lang, event.startsAt), end: formatDateTime(lang, event.endsAt, sameDay ? 'time' : 'dateTime') }
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
const dayKey = (value: string) => dayFormat.format(new Date(value))

/** Upcoming events grouped by month in Copenhagen ("2026-12"), in date order, with the month's name in the reader's language. */
export function eventsByMonth<T extends Localized<Event>>(lang: LocaleCode, events: readonly T[]) {
  const monthName = new Intl.DateTimeFormat(lang, { timeZone, calendar: 'gregory', month: 'long', year: 'numeric', numberingSystem: numberingSystem(lang) })
  const groups = new Map<string, { key: string; label: string; events: T[] }>()
  for (const event of events) {
    const key = dayKey(event.startsAt).slice(0, 7)
    if (!groups.has(key)) groups.set(key, { key, label: monthName.format(new Date(event.startsAt)), events: [] })
    groups.get(key)!.events.push(event)
  }
  return [...groups.values()]
}
