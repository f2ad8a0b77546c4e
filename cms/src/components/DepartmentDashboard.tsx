import type { Payload, PayloadRequest } from 'payload'

import { departmentIdsOf, isDepartmentEditor } from '../access/index'
import { isStale } from '../collections/Activities/confirm'
import { certificateStatuses, openCertificateStatuses } from '../collections/ChildCertificates/index'
import { isEmpty } from '../lib/where'

interface Props {
  payload: Payload
  user: PayloadRequest['user']
  i18n: { language: string }
}

const text = {
  da: {
    heading: 'Din lokalafdeling',
    page: 'Rediger afdelingens side',
    activities: 'Aktiviteter',
    events: 'Kommende arrangementer',
    stale: 'Skal bekræftes',
    staleHelp: 'Disse aktiviteter er ikke bekræftet i over 90 dage. Åbn dem og bekræft, at de stadig passer – eller ret dem.',
    none: 'Ingen endnu.',
    newActivity: '+ Ny aktivitet',
    newEvent: '+ Nyt arrangement',
    draft: 'kladde',
    confirmed: 'bekræftet',
    never: 'aldrig bekræftet',
    signups: 'Nye tilmeldinger',
    signupsHelp: 'Kontakt dem, og sæt status på tilmeldingen.',
    allSignups: 'Alle tilmeldinger',
    volunteer: 'frivillig',
    certificates: 'Børneattester at følge op på',
    certificatesHelp: 'Bestil attesten hos politiet med afdelingens MitID; den frivillige giver samtykke i Digital Post inden 14 dage.',
    renewals: 'Børneattester der skal fornyes inden 60 dage',
    renewBy: 'fornyes senest',
  },
  en: {
    heading: 'Your local branch',
    page: 'Edit the branch page',
    activities: 'Activities',
    events: 'Upcoming events',
    stale: 'Needs confirming',
    staleHelp: 'These activities have not been confirmed for more than 90 days. Open them and confirm they are still true – or correct them.',
    none: 'None yet.',
    newActivity: '+ New activity',
    newEvent: '+ New event',
    draft: 'draft',
    confirmed: 'confirmed',
    never: 'never confirmed',
    signups: 'New signups',
    signupsHelp: 'Contact them and set the signup’s status.',
    allSignups: 'All signups',
    volunteer: 'volunteer',
    certificates: 'Child certificates to follow up',
    certificatesHelp: 'Order the certificate from the police with the branch’s MitID; the volunteer consents in Digital Post within 14 days.',
    renewals: 'Child certificates to renew within 60 days',
    renewBy: 'renew by',
  },
}

/** A department editor lands here: their own department's listings, and what needs attention. */
export async function DepartmentDashboard({ payload, user, i18n }: Props) {
  if (!isDepartmentEditor(user)) return null
  const language = i18n.language === 'en' ? 'en' : 'da'
  const t = text[language]
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
    new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' }).format(new Date(value))

  return (
    <section data-department-dashboard style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2>
        {t.heading}: {departments.docs.map((department) => department.name).join(', ')}
      </h2>
      <p style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap' }}>
        {departments.docs.map((department) => (
          <a key={department.id} href={`${admin}/collections/departments/${department.id}`}>
            {t.page}
            {departments.docs.length > 1 ? ` (${department.name})` : ''}
          </a>
        ))}
        <a href={`${admin}/collections/activities/create`}>{t.newActivity}</a>
        <a href={`${admin}/collections/events/create`}>{t.newEvent}</a>
      </p>

      {stale.length > 0 && (
        <div data-stale-activities style={{ border: '2px solid var(--theme-warning-500, #e5a000)', padding: 'var(--base)', borderRadius: 4, marginBottom: 'var(--base)' }}>
          <h3>
            {t.stale} ({stale.length})
          </h3>
          <p>{t.staleHelp}</p>
          <ul>
            {stale.map((activity) => (
              <li key={activity.id}>
                <a href={`${admin}/collections/activities/${activity.id}`}>{activity.title}</a> –{' '}
                {activity.lastConfirmedAt ? `${t.confirmed} ${date(activity.lastConfirmedAt)}` : t.never}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>
        {t.signups} ({signups.totalDocs})
      </h3>
      {signups.docs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.signupsHelp}</p>
          <ul data-dashboard-signups>
            {signups.docs.map((signup) => (
              <li key={signup.id}>
                {date(signup.createdAt)}: <a href={`${admin}/collections/signups/${signup.id}`}>{signup.name}</a>
                {signup.kind === 'volunteer' ? ` (${t.volunteer})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${admin}/collections/signups`}>{t.allSignups}</a>
      </p>

      {certificates.docs.length > 0 && (
        <>
          <h3>
            {t.certificates} ({certificates.totalDocs})
          </h3>
          <p>{t.certificatesHelp}</p>
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
            {t.renewals} ({renewals.totalDocs})
          </h3>
          <ul>
            {renewals.docs.map((certificate) => (
              <li key={certificate.id}>
                <a href={`${admin}/collections/child-certificates/${certificate.id}`}>{certificate.volunteerName}</a> – {t.renewBy}{' '}
                {certificate.renewBy ? date(certificate.renewBy) : ''}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>
        {t.activities} ({activities.docs.length})
      </h3>
      {activities.docs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul data-dashboard-activities>
          {activities.docs.map((activity) => (
            <li key={activity.id}>
              <a href={`${admin}/collections/activities/${activity.id}`}>{activity.title}</a>
              {activity._status === 'draft' ? ` (${t.draft})` : ''}
            </li>
          ))}
        </ul>
      )}

      <h3>
        {t.events} ({events.docs.length})
      </h3>
      {events.docs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul data-dashboard-events>
          {events.docs.map((event) => (
            <li key={event.id}>
              {date(event.startsAt)}: <a href={`${admin}/collections/events/${event.id}`}>{event.title}</a>
              {event._status === 'draft' ? ` (${t.draft})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
