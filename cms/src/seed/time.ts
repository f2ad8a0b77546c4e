import { copenhagenInstant } from '../../../core/time'

/** The local wall-clock time `hh:mm` on `date`'s (UTC) calendar day in Copenhagen, as an instant. */
export function copenhagenTime(date: Date, hhmm: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number)
  return copenhagenInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: hour ?? 0, minute: minute ?? 0, second: 0 })
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}
