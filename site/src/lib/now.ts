/**
 * The one "now" of a site build: next dates, which schedule period is in force, upcoming events
 * and the footer's "built at" all read it, so a build is consistent with itself.
 *
 * `SITE_NOW` (an ISO instant, e.g. 2027-08-17T08:00:00Z) sets it, for tests that check what the
 * site shows on a given day (a planned schedule change taking over); unset, it is the real time.
 */
export function siteNow(value = process.env.SITE_NOW): Date {
  if (!value) return new Date()
  const instant = new Date(value)
  if (Number.isNaN(instant.getTime())) throw new Error(`SITE_NOW is not a date and time: ${value}`)
  return instant
}

export const buildTime = siteNow()
