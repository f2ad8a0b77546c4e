import fs from 'node:fs'
import path from 'node:path'

import { Gutter } from '@payloadcms/ui'
import type { Payload } from 'payload'

import { repoRoot } from '../lib/paths'
import { plainBuildError } from '../site-build/notLive'
import { RebuildButton } from './RebuildButton'

interface Props {
  payload: Payload
  i18n: { language: string }
}

/** Above the list of builds: what the public sees now, and the "rebuild now" button. */
export async function SiteBuildStatus({ payload, i18n }: Props) {
  const da = i18n.language !== 'en'
  const releasesDir = path.resolve(process.env.SITE_RELEASES_DIR ?? path.join(repoRoot, 'site', 'releases'))
  let current: string | null = null
  try {
    current = path.basename(fs.readlinkSync(path.join(releasesDir, 'current')))
  } catch {
    current = null
  }
  const [latest] = (await payload.find({ collection: 'site-builds', sort: '-createdAt', limit: 1, depth: 0 })).docs
  const hook = Boolean(process.env.SITE_BUILD_HOOK_URL)
  return (
    <Gutter>
    <section data-site-build-status style={{ marginBottom: 'var(--base)' }}>
      <p>
        {da ? 'Den offentlige side vises fra udgivelsen' : 'The public site is served from release'} <strong>{current ?? (da ? '(ingen endnu)' : '(none yet)')}</strong>.
        {hook && (da ? ' Bygges af den eksterne byggetjeneste (SITE_BUILD_HOOK_URL).' : ' Built by the external build service (SITE_BUILD_HOOK_URL).')}
      </p>
      {latest?.status === 'failed' && (
        <p role="alert" style={{ color: 'var(--theme-error-600, #b00020)' }}>
          {da ? 'Seneste opdatering fejlede: ' : 'The latest build failed: '}
          {plainBuildError(latest.error)}
        </p>
      )}
      <RebuildButton label={da ? 'Opdater siden nu' : 'Rebuild now'} done={da ? 'Siden bliver opdateret – se listen herunder.' : 'The site is being rebuilt – see the list below.'} />
    </section>
    </Gutter>
  )
}
