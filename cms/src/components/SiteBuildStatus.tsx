import fs from 'node:fs'
import path from 'node:path'

import { Gutter } from '@payloadcms/ui'
import type { I18nClient } from '@payloadcms/translations'
import type { Payload } from 'payload'

import { releasesDir } from '../../../core/defaults'
import { repoRoot } from '../lib/paths'
import type { TranslationKey, Translations } from '../lib/translations'
import { plainBuildError } from '../site-build/notLive'
import { RebuildButton } from './RebuildButton'

interface Props {
  payload: Payload
  /** Payload's, with our texts (lib/translations.ts) merged in. */
  i18n: I18nClient<Translations, TranslationKey>
}

/** Above the list of builds: what the public sees now, and the "rebuild now" button. */
export async function SiteBuildStatus({ payload, i18n }: Props) {
  const { t } = i18n
  const releases = releasesDir(path.join(repoRoot, 'site'))
  let current: string | null = null
  try {
    current = path.basename(fs.readlinkSync(path.join(releases, 'current')))
  } catch {
    current = null
  }
  const [latest] = (await payload.find({ collection: 'site-builds', sort: '-createdAt', limit: 1, depth: 0 })).docs
  const hook = Boolean(process.env.SITE_BUILD_HOOK_URL)
  return (
    <Gutter>
    <section data-site-build-status style={{ marginBottom: 'var(--base)' }}>
      <p>
        {t('siteBuild:servedFrom')} <strong>{current ?? t('siteBuild:noRelease')}</strong>.
        {hook && t('siteBuild:externalBuild')}
      </p>
      {latest?.status === 'failed' && (
        <p role="alert" style={{ color: 'var(--theme-error-600, #b00020)' }}>
          {t('siteBuild:latestFailed')}
          {plainBuildError(latest.error)}
        </p>
      )}
      <RebuildButton label={t('siteBuild:rebuild')} done={t('siteBuild:rebuilding')} />
    </section>
    </Gutter>
  )
}
