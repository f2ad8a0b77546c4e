/** The local wall-clock time `hh:mm` on `date` in Europe/Copenhagen, as a UTC instant. */
export function copenhagenTime(date: Date, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number)
  const guess = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hours ?? 0, minutes ?? 0)
  // Copenhagen is UTC+1 or UTC+2: read the offset at the guessed instant and correct by it.
  const offsetMinutes = utcOffsetMinutes(new Date(guess), 'Europe/Copenhagen')
  return new Date(guess - offsetMinutes * 60_000)
}

export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant)
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  const sign = match[1] === '-' ? -1 : 1
  return sign * (Number(match[2]) * 60 + Number(match[3]))
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}
