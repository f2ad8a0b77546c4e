import type { CollectionBeforeChangeHook } from 'payload'

/** A børneattest is valid this many years after it was cleared (CERTIFICATE_VALID_YEARS). */
export const validYears = () => Number(process.env.CERTIFICATE_VALID_YEARS ?? 2)

function addYears(iso: string, years: number): string {
  const date = new Date(iso)
  date.setUTCFullYear(date.getUTCFullYear() + years)
  return date.toISOString()
}

const requested = new Set(['requested', 'consent-pending', 'cleared', 'needs-follow-up'])

/**
 * The dates follow the status: ordered → requestedAt, cleared → clearedAt and renewBy (cleared +
 * 2 years, unless someone set another date). A new renew-by date means a new reminder.
 */
export const certificateDates: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const now = new Date().toISOString()
  const next = { ...data }
  const status = next.status ?? originalDoc?.status
  const value = <T>(field: string): T | undefined => (field in next ? next[field] : originalDoc?.[field]) ?? undefined
  if (requested.has(status) && !value('requestedAt')) next.requestedAt = now
  if (status === 'cleared' && !value('clearedAt')) next.clearedAt = now
  const clearedAt = value<string>('clearedAt')
  const clearedChanged = clearedAt && clearedAt !== originalDoc?.clearedAt
  const renewByGiven = 'renewBy' in data && data.renewBy && data.renewBy !== originalDoc?.renewBy
  if (clearedAt && (!value('renewBy') || (clearedChanged && !renewByGiven))) next.renewBy = addYears(clearedAt, validYears())
  if (originalDoc && value('renewBy') !== originalDoc.renewBy) next.reminderSentAt = null
  return next
}
