import type { Payload } from 'payload'

import type { SiteBuild } from '../payload-types'

/**
 * Which published changes are not on the public site because a build failed, derived from the
 * build records alone (no record of which documents each build carried is needed): a build reads
 * the CMS after it starts, so a document changed before a failed build started, and after the
 * last good build started, was in that failed build and is not live. It clears as soon as a
 * later build succeeds.
 */
export interface BuildFailure {
  /** What went wrong, in the build's own plain Danish, without server paths. */
  error: string
  /** Changes made after this (the last good build's start) and … */
  since?: string
  /** … up to this (the failed build's start) are not live. */
  until: string
  /** A new build is queued or running. */
  retrying: boolean
}

const startOf = (build: Pick<SiteBuild, 'startedAt' | 'createdAt'>) => build.startedAt ?? build.createdAt

/** Server paths mean nothing to an editor and say too much about the server: left out. */
export function plainBuildError(error: string | null | undefined): string {
  const text = (error ?? '')
    .replace(/file:\/\/\/?\S+/g, '…')
    .replace(/(?:^|(?<=[\s('"=:]))\/(?:home|root|tmp|work|usr|var|opt|srv|app|mnt|private|Users|workspace)\/[^\s'"),]*/g, '…')
    .replace(/[A-Z]:\\[^\s'"),]*/g, '…')
    .trim()
  const firstLines = text.split('\n').slice(0, 4).join('\n')
  const short = firstLines.length > 400 ? `${firstLines.slice(0, 400)}…` : firstLines
  return short || 'Opdateringen af siden fejlede.'
}

export async function pendingBuildFailure(payload: Payload): Promise<BuildFailure | null> {
  const { docs } = await payload.find({ collection: 'site-builds', sort: '-createdAt', limit: 50, depth: 0 })
  const lastGood = docs.find((build) => build.status === 'succeeded' || build.status === 'hooked')
  const failed = docs.find((build) => build.status === 'failed' && (!lastGood || startOf(build) > startOf(lastGood)))
  if (!failed) return null
  return {
    error: plainBuildError(failed.error),
    since: lastGood ? startOf(lastGood) : undefined,
    until: startOf(failed),
    retrying: docs.some((build) => build.status === 'queued' || build.status === 'running'),
  }
}

/** Whether a published document's change, made at `updatedAt`, was in the failed build. */
export const caughtBy = (failure: BuildFailure, updatedAt: string) =>
  (!failure.since || updatedAt > failure.since) && updatedAt <= failure.until
