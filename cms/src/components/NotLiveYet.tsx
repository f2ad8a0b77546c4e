import type { I18nClient } from '@payloadcms/translations'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import type { ReactNode } from 'react'

import { relationId } from '../../../core/relation'
import { departmentIdsOf, isDepartmentEditor, isLoggedIn } from '../access/index'
import type { TranslationKey, Translations } from '../lib/translations'
import { caughtBy, pendingBuildFailure, type BuildFailure } from '../site-build/notLive'

/** The public content collections, with the field that names each document. */
const publicCollections = [
  { slug: 'activities', title: 'title' },
  { slug: 'events', title: 'title' },
  { slug: 'departments', title: 'name' },
  { slug: 'activity-types', title: 'title' },
  { slug: 'target-groups', title: 'title' },
  { slug: 'pages', title: 'title' },
] as const
type PublicSlug = (typeof publicCollections)[number]['slug']

const box = { border: '2px solid var(--theme-error-500, #b00020)', padding: 'var(--base)', borderRadius: 4, marginBottom: 'var(--base)' } as const

interface Props {
  payload: Payload
  user: PayloadRequest['user']
  /** Payload's, with our texts (lib/translations.ts) merged in. */
  i18n: I18nClient<Translations, TranslationKey>
}

function FailureText({ failure, t }: { failure: BuildFailure; t: I18nClient<Translations, TranslationKey>['t'] }) {
  return (
    <>
      <q data-build-error style={{ display: 'block', whiteSpace: 'pre-line', margin: 'calc(var(--base) / 2) 0' }}>
        {failure.error}
      </q>
      <span>{failure.retrying ? t('notLiveYet:retrying') : t('notLiveYet:retry')}</span>
    </>
  )
}

/**
 * On the dashboard, for everyone who publishes: the published changes a failed build kept off
 * the public site. Read as the user, so a department editor sees only their own documents.
 */
export async function NotLiveYetDashboard({ payload, user, i18n }: Props) {
  if (!isLoggedIn(user)) return null
  const { t } = i18n
  const admin = payload.config.routes.admin
  // A department editor's own department page unpublished (by an admin, say): none of its listings are shown.
  const hiddenDepartments = isDepartmentEditor(user)
    ? (
        await payload.find({
          collection: 'departments',
          where: { and: [{ id: { in: departmentIdsOf(user) } }, { _status: { not_equals: 'published' } }] },
          overrideAccess: false,
          user,
          depth: 0,
          pagination: false,
        })
      ).docs
    : []
  const failure = await pendingBuildFailure(payload)
  let waiting: { slug: PublicSlug; id: string; title: string }[] = []
  if (failure) {
    const changed = { updatedAt: { less_than_equal: failure.until, ...(failure.since ? { greater_than: failure.since } : {}) } }
    const lists = await Promise.all(
      publicCollections.map(async ({ slug, title }) => {
        const { docs } = await payload.find({
          collection: slug,
          where: { and: [{ _status: { equals: 'published' } }, changed] },
          overrideAccess: false,
          user,
          depth: 0,
          limit: 20,
          sort: '-updatedAt',
          select: { [title]: true, updatedAt: true } as never,
        })
        return (docs as unknown as Record<string, unknown>[]).map((doc) => ({ slug, id: String(doc.id), title: String(doc[title] ?? doc.id) }))
      }),
    )
    waiting = lists.flat()
  }
  if (!hiddenDepartments.length && !(failure && waiting.length)) return null
  return (
    <section data-not-live-yet style={box}>
      <h3>{t('notLiveYet:heading')}</h3>
      {hiddenDepartments.map((department) => (
        <p key={department.id} data-department-hidden>
          <a href={`${admin}/collections/departments/${department.id}`}>{department.name}</a>: {t('notLiveYet:departmentPageHidden')}
        </p>
      ))}
      {failure && waiting.length > 0 && (
        <>
          <p>{t('notLiveYet:intro')}</p>
          <ul>
            {waiting.map((doc) => (
              <li key={`${doc.slug}:${doc.id}`}>
                <a href={`${admin}/collections/${doc.slug}/${doc.id}`}>{doc.title}</a>
              </li>
            ))}
          </ul>
          <p>
            <FailureText failure={failure} t={t} />
          </p>
        </>
      )}
    </section>
  )
}

type DocumentProps = Props & { id?: number | string; collectionSlug: PublicSlug }

/** At the top of a document: why its published version is not on the public site (yet). */
export async function NotLiveYetDocument({ payload, user, i18n, id, collectionSlug }: DocumentProps) {
  if (id === undefined || id === null || !isLoggedIn(user)) return null
  const { t } = i18n
  // The document as the public API has it (the published row), read as the user.
  const doc = (await payload
    .findByID({ collection: collectionSlug as CollectionSlug, id, overrideAccess: false, user, depth: 0, disableErrors: true })
    .catch(() => null)) as { _status?: string; updatedAt?: string; department?: unknown; activityType?: unknown } | null
  if (!doc || doc._status !== 'published' || !doc.updatedAt) return null

  // One short line in the document's control bar, the whole explanation when it is opened.
  const reasons: { short: string; full: ReactNode }[] = []
  // A listing is left out of the site while what it belongs to is unpublished (site/src/lib/cms/shown.ts).
  const unpublished = async (collection: 'departments' | 'activity-types', value: unknown) => {
    const relatedId = relationId(value)
    if (relatedId === null || relatedId === undefined) return false
    const related = (await payload.findByID({ collection, id: relatedId, depth: 0, disableErrors: true })) as { _status?: string } | null
    return related?._status !== 'published'
  }
  const what = collectionSlug === 'events' ? t('notLiveYet:thisEvent') : t('notLiveYet:thisActivity')
  if ((collectionSlug === 'events' || collectionSlug === 'activities') && (await unpublished('departments', doc.department))) {
    reasons.push({ short: t('notLiveYet:shortDepartment'), full: `${what} ${t('notLiveYet:departmentHidden')}` })
  } else if (collectionSlug === 'activities' && (await unpublished('activity-types', doc.activityType))) {
    reasons.push({ short: t('notLiveYet:shortType'), full: `${what} ${t('notLiveYet:typeHidden')}` })
  }
  const failure = await pendingBuildFailure(payload)
  if (failure && caughtBy(failure, doc.updatedAt)) reasons.push({ short: t('notLiveYet:shortFailed'), full: <FailureText failure={failure} t={t} /> })
  if (!reasons.length) return null
  return (
    <details data-not-live-yet role="status" style={{ position: 'relative', alignSelf: 'center' }}>
      <summary style={{ cursor: 'pointer', color: 'var(--theme-error-600, #b00020)', fontWeight: 600, maxWidth: '22rem' }}>
        {t('notLiveYet:notLive')}
        {reasons.map(({ short }) => short).join('; ')}
      </summary>
      <div style={{ ...box, position: 'absolute', insetInlineEnd: 0, top: '100%', zIndex: 20, width: '28rem', maxWidth: '80vw', background: 'var(--theme-elevation-0, #fff)', boxShadow: '0 4px 12px rgba(0,0,0,0.15)' }}>
        {reasons.map(({ full }, index) => (
          <p key={index} style={{ margin: 0 }}>
            {full}
          </p>
        ))}
      </div>
    </details>
  )
}
