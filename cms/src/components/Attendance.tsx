import { DefaultTemplate } from '@payloadcms/next/templates'
import type { I18nClient } from '@payloadcms/translations'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, ServerProps } from 'payload'

import { canSeePersonalData } from '../access/personalData'
import { pickerDaysAhead, pickerDaysBack } from '../attendance/meetings'
import type { TranslationKey, Translations } from '../lib/translations'
import { AttendanceSheet } from './AttendanceSheet'

/** Where the attendance view lives in the admin (payload.config.ts registers it under this path). */
export const attendancePath = '/fremmoede'

type OurI18n = I18nClient<Translations, TranslationKey>

/** The nav link to "Fremmøde", for those who may see who signed up (department editors, admins). */
export function AttendanceNavLink({ i18n, payload, user }: ServerProps) {
  if (!canSeePersonalData(user)) return null
  const { t } = i18n as unknown as OurI18n
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}${attendancePath}`} data-attendance-nav>
      <span className="nav__link-label">{t('attendance:nav')}</span>
    </a>
  )
}

/**
 * "Fremmøde": pick a meeting (the department's events and activity dates near today), tick who
 * came, enter the headcount, save; on a phone or printed. The list and the save go through the
 * attendance endpoints (attendance/endpoints.ts), which check the department themselves.
 */
export async function AttendanceView(props: AdminViewServerProps) {
  const { initPageResult, searchParams } = props
  const { req, visibleEntities } = initPageResult
  const { payload, user } = req
  const admin = payload.config.routes.admin
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}${attendancePath}`)}`)
  const { t } = req.i18n as unknown as OurI18n
  const param = (name: string) => {
    const value = searchParams?.[name]
    return typeof value === 'string' ? value : undefined
  }
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={props.params}
      payload={payload}
      permissions={initPageResult.permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <main className="gutter--left gutter--right attendance" style={{ paddingBlock: 'calc(var(--base) * 2)' }} data-attendance>
        <h1>{t('attendance:heading')}</h1>
        {canSeePersonalData(user) ? (
          <AttendanceSheet
            api={payload.config.routes.api}
            initial={{ event: param('event'), activity: param('activity'), date: param('date') }}
            daysBack={pickerDaysBack}
            daysAhead={pickerDaysAhead}
          />
        ) : (
          <p role="alert">{t('attendance:forbidden')}</p>
        )}
      </main>
    </DefaultTemplate>
  )
}
