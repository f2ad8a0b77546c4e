import type { I18nClient } from '@payloadcms/translations'
import type { Payload, PayloadRequest } from 'payload'

import { timeZone } from '../../../core/time'
import { departmentIdsOf, isDepartmentEditor } from '../access/index'
import { isStale } from '../collections/Activities/confirm'
import { certificateStatuses, openCertificateStatuses } from '../signups/ChildCertificates'
import type { TranslationKey, Translations } from '../lib/translations'
import { isEmpty } from '../lib/where'

interface Props {
  payload: Payload
  user: PayloadRequest['user']
  /** Payload's, with our texts (lib/translations.ts) merged in. */
  i18n: I18nClient<Translations, TranslationKey>
}

/** A department editor lands here: their own department's listings, and what needs attention. */
export async function DepartmentDashboard({ payload, user, i18n }: Props) {
  if (!isDepartmentEditor(user)) return null
  const language = i18n.language === 'en' ? 'en' : 'da'
  const { t } = i18n
  const admin = payload.config.routes.admin
  const ids = departmentIdsOf(user)
  const asUser = { overrideAccess: false, user, depth: 0, pagination: false, draft: true } as const
  // Personal data is read as the user too: the access rules limit it to their own department.
  const personal = { overrideAccess: false, user, depth: 0 } as const
  const in60Days = new Date(Date.now() + 60 * 86_400_000).toISOString()
  const [departments, activities, events, signups, certificates, renewals] = await Promise.all([
    payload.find({ collection: 'departments', ...asUser, where: { id: { in: ids } } }),
    payload.find({ collection: 'activities', ...asUser, sort: 'title' }),
    payload.find({ collection: 'events', ...asUser, sort: 'startsAt', where: { startsAt: { greater_than: new Date().toISOString() } } }),
    payload.find({ collection: 'signups', ...personal, limit: 10, sort: '-createdAt', where: { status: { equals: 'new' } } }),
    payload.find({
      collection: 'child-certificates',
      ...personal,
      limit: 20,
      sort: 'createdAt',
      where: { and: [{ status: { in: [...openCertificateStatuses] } }, isEmpty('stoppedAt')] },
    }),
    payload.find({
      collection: 'child-certificates',
      ...personal,
      limit: 20,
      sort: 'renewBy',
      where: { and: [{ status: { equals: 'cleared' } }, { renewBy: { less_than_equal: in60Days } }, isEmpty('stoppedAt')] },
    }),
  ])
  const statusLabel = (value: string) => certificateStatuses.find((status) => status.value === value)?.label[language] ?? value
  const stale = activities.docs.filter((activity) => isStale(activity.lastConfirmedAt))
  const date = (value: string) =>
    new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeZone }).format(new Date(value))

  return (
    <section data-department-dashboard style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2>
        {t('branchDashboard:heading')}: {departments.docs.map((department) => department.name).join(', ')}
      </h2>
      <p style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap' }}>
        {departments.docs.map((department) => (
          <a key={department.id} href={`${admin}/collections/departments/${department.id}`}>
            {t('branchDashboard:page')}
            {departments.docs.length > 1 ? ` (${department.name})` : ''}
          </a>
        ))}
        <a href={`${admin}/collections/activities/create`}>{t('branchDashboard:newActivity')}</a>
        <a href={`${admin}/collections/events/create`}>{t('branchDashboard:newEvent')}</a>
      </p>

      {stale.length > 0 && (
        <div data-stale-activities style={{ border: '2px solid var(--theme-warning-500, #e5a000)', padding: 'var(--base)', borderRadius: 4, marginBottom: 'var(--base)' }}>
          <h3>
            {t('branchDashboard:stale')} ({stale.length})
          </h3>
          <p>{t('branchDashboard:staleHelp')}</p>
          <ul>
            {stale.map((activity) => (
              <li key={activity.id}>
                <a href={`${admin}/collections/activities/${activity.id}`}>{activity.title}</a> –{' '}
                {activity.lastConfirmedAt ? `${t('branchDashboard:confirmed')} ${date(activity.lastConfirmedAt)}` : t('branchDashboard:never')}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>
        {t('branchDashboard:signups')} ({signups.totalDocs})
      </h3>
      {signups.docs.length === 0 ? (
        <p>{t('branchDashboard:none')}</p>
      ) : (
        <>
          <p>{t('branchDashboard:signupsHelp')}</p>
          <ul data-dashboard-signups>
            {signups.docs.map((signup) => (
              <li key={signup.id}>
                {date(signup.createdAt)}: <a href={`${admin}/collections/signups/${signup.id}`}>{signup.name}</a>
                {signup.kind === 'volunteer' ? ` (${t('branchDashboard:volunteer')})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${admin}/collections/signups`}>{t('branchDashboard:allSignups')}</a>
      </p>

      {certificates.docs.length > 0 && (
        <>
          <h3>
            {t('branchDashboard:certificates')} ({certificates.totalDocs})
          </h3>
          <p>{t('branchDashboard:certificatesHelp')}</p>
          <ul data-dashboard-certificates>
            {certificates.docs.map((certificate) => (
              <li key={certificate.id}>
                <a href={`${admin}/collections/child-certificates/${certificate.id}`}>{certificate.volunteerName}</a> – {statusLabel(certificate.status)}
              </li>
            ))}
          </ul>
        </>
      )}

      {renewals.docs.length > 0 && (
        <div data-dashboard-renewals style={{ border: '2px solid var(--theme-warning-500, #e5a000)', padding: 'var(--base)', borderRadius: 4, marginBottom: 'var(--base)' }}>
          <h3>
            {t('branchDashboard:renewals')} ({renewals.totalDocs})
          </h3>
          <ul>
            {renewals.docs.map((certificate) => (
              <li key={certificate.id}>
                <a href={`${admin}/collections/child-certificates/${certificate.id}`}>{certificate.volunteerName}</a> – {t('branchDashboard:renewBy')}{' '}
                {certificate.renewBy ? date(certificate.renewBy) : ''}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>
        {t('branchDashboard:activities')} ({activities.docs.length})
      </h3>
      {activities.docs.length === 0 ? (
        <p>{t('branchDashboard:none')}</p>
      ) : (
        <ul data-dashboard-activities>
          {activities.docs.map((activity) => (
            <li key={activity.id}>
              <a href={`${admin}/collections/activities/${activity.id}`}>{activity.title}</a>
              {activity._status === 'draft' ? ` (${t('branchDashboard:draft')})` : ''}
            </li>
          ))}
        </ul>
      )}

      <h3>
        {t('branchDashboard:events')} ({events.docs.length})
      </h3>
      {events.docs.length === 0 ? (
        <p>{t('branchDashboard:none')}</p>
      ) : (
        <ul data-dashboard-events>
          {events.docs.map((event) => (
            <li key={event.id}>
              {date(event.startsAt)}: <a href={`${admin}/collections/events/${event.id}`}>{event.title}</a>
              {event._status === 'draft' ? ` (${t('branchDashboard:draft')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
