import type { TaskConfig } from 'payload'

/** The retention periods, in months (SIGNUP_RETENTION_MONTHS, CERTIFICATE_RETENTION_MONTHS). */
export const retentionMonths = () => ({
  signups: Number(process.env.SIGNUP_RETENTION_MONTHS ?? 12),
  certificates: Number(process.env.CERTIFICATE_RETENTION_MONTHS ?? 6),
})

/** The same day `months` earlier; on a day the earlier month lacks (31 August → February), its last day. */
export function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date)
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay))
  return result
}

/**
 * Personal data is kept only as long as needed: a signup until 12 months after it was closed
 * (accepted, declined, withdrawn), a child-certificate record until 6 months after the volunteer
 * stopped. Runs daily; `now` lets a test (or an admin's dry run of the future) set the clock.
 * Signups have no versions, so deleting them leaves nothing in a version table.
 */
export const retentionTask: TaskConfig<{ input: { now?: string }; output: { signupsDeleted: number; certificatesDeleted: number } }> = {
  slug: 'personalDataRetention',
  label: 'Delete personal data past its retention period',
  inputSchema: [{ name: 'now', type: 'text' }],
  outputSchema: [
    { name: 'signupsDeleted', type: 'number' },
    { name: 'certificatesDeleted', type: 'number' },
  ],
  retries: 1,
  schedule: [{ cron: '45 3 * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const now = input?.now ? new Date(input.now) : new Date()
    if (Number.isNaN(now.getTime())) throw new Error('personalDataRetention: `now` is not a date')
    const months = retentionMonths()
    const signups = await payload.delete({
      collection: 'signups',
      where: { closedAt: { less_than: monthsBefore(now, months.signups).toISOString() } },
      overrideAccess: true,
      depth: 0,
      req,
    })
    const certificates = await payload.delete({
      collection: 'child-certificates',
      where: { stoppedAt: { less_than: monthsBefore(now, months.certificates).toISOString() } },
      overrideAccess: true,
      depth: 0,
      req,
    })
    const output = { signupsDeleted: signups.docs.length, certificatesDeleted: certificates.docs.length }
    const failed = signups.errors.length + certificates.errors.length
    // Counts only: never names or addresses in the log.
    payload.logger.info(
      `Retention: deleted ${output.signupsDeleted} signups closed over ${months.signups} months ago and ${output.certificatesDeleted} child-certificate records of volunteers who stopped over ${months.certificates} months ago${failed ? `; ${failed} could not be deleted` : ''}.`,
    )
    if (failed) throw new Error(`Retention: ${failed} records could not be deleted`)
    return { output }
  },
}
