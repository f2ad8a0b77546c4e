import type { TaskConfig } from 'payload'

import { nextOccurrences } from '../../../core/schedule'
import { claimField, releaseField } from '../lib/claim'
import { isEmpty } from '../lib/where'
import type { Signup } from '../payload-types'
import { loadListing, type Listing } from './messages'
import { deliver, errorCode } from './notify'

/** Hours before an event, or an activity's first meeting, that the person is reminded (SIGNUP_REMINDER_HOURS). */
export const signupReminderHours = () => {
  const hours = Number(process.env.SIGNUP_REMINDER_HOURS ?? 24)
  return Number.isFinite(hours) && hours > 0 ? hours : 24
}

/** The meeting the reminder is for: the event, or the activity's first meeting after the person signed up. */
function firstMeeting(listing: Listing, signup: Signup): Date | undefined {
  if (listing.kind === 'event') return listing.startsAt
  return nextOccurrences(listing.schedule, { after: new Date(signup.createdAt), count: 1 })[0]?.start
}

/**
 * Every 10 minutes: a placed participant whose event (or whose activity's first meeting) starts
 * within SIGNUP_REMINDER_HOURS is reminded once, in their language, with their cancel link.
 * Not those waiting for a place, withdrawn or declined, and not those who signed up inside the
 * window (their confirmation just told them).
 *
 * Once per signup, across restarts, retries and two servers: before sending, the job claims the
 * signup by setting `reminderSentAt` in one conditional write (lib/claim.ts: only if it is still
 * empty). Whoever set it sends; a retry of this job, a second run or another process finds it
 * set and skips. If the send fails (the SMTP server or SMS gateway refused), the claim is given
 * back so the next run tries again. If the process dies between the claim and the send, that one
 * reminder is lost: at most once is the promise, because a reminder sent twice is worse than one
 * missed (the confirmation already has the date and the link).
 */
export const signupRemindersTask: TaskConfig<{ input: { now?: string }; output: { reminded: number; failed: number } }> = {
  slug: 'signupReminders',
  label: 'Remind people of the event or activity they signed up for',
  inputSchema: [{ name: 'now', type: 'text' }],
  outputSchema: [
    { name: 'reminded', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  retries: 2,
  schedule: [{ cron: '*/10 * * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const now = input?.now ? new Date(input.now) : new Date()
    const windowMs = signupReminderHours() * 3_600_000
    const { docs } = await payload.find({
      collection: 'signups',
      where: {
        and: [
          { kind: { equals: 'participant' } },
          // Holding a place: not waiting, and not a reopened signup that has not lined up again.
          { place: { equals: 'placed' } },
          { status: { not_in: ['withdrawn', 'declined'] } },
          isEmpty('reminderSentAt'),
          isEmpty('cancelledAt'),
          { or: [{ event: { exists: true } }, { activity: { exists: true } }] },
        ],
      },
      overrideAccess: true,
      depth: 0,
      pagination: false,
      req,
    })
    const listings = new Map<string, Promise<Listing | undefined>>()
    let reminded = 0
    let failed = 0
    for (const signup of docs) {
      if (!(signup.email || signup.phone)) continue
      const key = signup.event ? `event:${String(signup.event)}` : `activity:${String(signup.activity)}`
      if (!listings.has(key)) listings.set(key, loadListing(payload, signup))
      const listing = await listings.get(key)
      const start = listing && firstMeeting(listing, signup)
      if (!start || start <= now || start.getTime() - now.getTime() > windowMs) continue
      if (new Date(signup.createdAt).getTime() > start.getTime() - windowMs) continue
      if (!(await claimField(payload, { collection: 'signups', id: signup.id, field: 'reminderSentAt', at: now }))) continue
      try {
        await deliver(payload, signup, 'reminder', { now })
        reminded++
      } catch (error) {
        failed++
        payload.logger.error(`Signup ${signup.id}: the reminder could not be sent (${errorCode(error)}); it is tried again next time.`)
        await releaseField(payload, { collection: 'signups', id: signup.id, field: 'reminderSentAt' })
      }
    }
    payload.logger.info(`Signup reminders: ${reminded} sent, ${failed} failed.`)
    return { output: { reminded, failed } }
  },
}
