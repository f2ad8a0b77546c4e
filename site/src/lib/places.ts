import type { SignupTargetText } from '../../../core/signups'
import { cmsURL } from './cms/client'

/** A listing's places as the CMS's availability endpoint gives them (counts only). */
export interface Availability {
  capacity: number | null
  placesLeft: number | null
  waiting: number
}

/**
 * Places left at build time, read from the CMS's public availability endpoint: once per listing
 * per build (its pages in 8 languages share the answer). The page's script refreshes the figure
 * in the browser; a signup never rebuilds the site. A CMS that does not answer leaves the figure
 * to the script (undefined), and never fails the build.
 */
const answers = new Map<SignupTargetText, Promise<Availability | undefined>>()

export function availabilityAtBuild(target: SignupTargetText): Promise<Availability | undefined> {
  let answer = answers.get(target)
  if (!answer) {
    answer = fetch(`${cmsURL}/api/signups/availability?targets=${encodeURIComponent(target)}`)
      .then(async (response) => (response.ok ? (((await response.json()) as { targets?: Record<string, Availability | null> }).targets?.[target] ?? undefined) : undefined))
      .catch(() => undefined)
    answers.set(target, answer)
  }
  return answer
}
