/**
 * What this CMS process does, from CMS_ROLE, so that several can share one database:
 *
 * - `all` (the default, one process): everything.
 * - `web`: the admin, the REST API and the signup endpoints; runs no jobs, so any number of them
 *   can sit behind a load balancer without two of them building the site at once.
 * - `worker`: runs the jobs queue (site builds, retention, reminders, scheduled publishing,
 *   removing abandoned drafts) and recovers builds a restart interrupted. Run exactly one.
 *
 * Queuing a job is a database write, so a `web` process queues (a publish asks for a build) and
 * the worker picks it up.
 */
export type CmsRole = 'all' | 'web' | 'worker'

const roles: readonly CmsRole[] = ['all', 'web', 'worker']

export function cmsRole(value = process.env.CMS_ROLE): CmsRole {
  const role = (value || 'all').trim().toLowerCase()
  if (!(roles as readonly string[]).includes(role)) {
    throw new Error(`CMS_ROLE must be one of ${roles.join(', ')} (got "${value}")`)
  }
  return role as CmsRole
}

/** Whether this process runs queued jobs: `all` and `worker` do, `web` never does. */
export const runsJobs = (role: CmsRole = cmsRole()) => role !== 'web'
