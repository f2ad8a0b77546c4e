import { DefaultTemplate } from '@payloadcms/next/templates'
import { getTranslation, type I18nClient } from '@payloadcms/translations'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, ServerProps } from 'payload'

import { getLocale, type LocaleCode } from '../../../core/locales'
import { isDepartmentEditor } from '../access/index'
import type { TranslationKey, Translations } from '../lib/translations'
import {
  documentsOf,
  findEntity,
  isOverviewState,
  isTargetLocale,
  overviewStates,
  translatableEntities,
  translationOverview,
  workingLocales,
  type Entity,
  type OverviewState,
  type TargetLocale,
} from '../translations/overview'
import { MachineTranslateLocale, TranslationExport, TranslationImport } from './TranslationActions'

/** Where the overview lives in the admin (payload.config.ts registers the view under this path). */
export const overviewPath = '/oversaettelser'

type Label = Parameters<typeof getTranslation>[0]
type OurI18n = I18nClient<Translations, TranslationKey>

const cell = { padding: 'calc(var(--base) / 4) calc(var(--base) / 2)', borderBottom: '1px solid var(--theme-elevation-150)', textAlign: 'start', verticalAlign: 'top' } as const

const languageName = (locale: LocaleCode, i18n: OurI18n) => (i18n.language === 'en' ? getLocale(locale).label : getLocale(locale).labelDa)
const entityName = (entity: Entity, i18n: OurI18n) => {
  const text = getTranslation((entity.label ?? entity.slug) as Label, i18n as unknown as I18nClient)
  return typeof text === 'string' && text ? text : entity.slug
}

/** The nav link to the overview, after the collections and globals. */
export function TranslationsNavLink({ i18n, payload }: ServerProps) {
  const { t } = i18n as unknown as OurI18n
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}${overviewPath}`} data-translations-nav>
      <span className="nav__link-label">{t('translationOverview:nav')}</span>
    </a>
  )
}

/**
 * "Oversættelser": per collection, global and locale, how many documents are missing, machine
 * made, outdated or reviewed, counted over what the person may edit; a click on a number lists
 * those documents with a link to edit each in that language. Export and import for translators
 * and machine translation per language sit below.
 */
export async function TranslationsOverview(props: AdminViewServerProps) {
  const { initPageResult, searchParams } = props
  const { req, visibleEntities } = initPageResult
  const { payload, user } = req
  const admin = payload.config.routes.admin
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}${overviewPath}`)}`)
  const i18n = req.i18n as unknown as OurI18n
  const { t } = i18n
  const param = (name: string) => {
    const value = searchParams?.[name]
    return typeof value === 'string' ? value : undefined
  }

  const locale = param('locale')
  const state = param('state')
  const listed = param('collection') ? findEntity(payload, 'collection', param('collection')!) : param('global') ? findEntity(payload, 'global', param('global')!) : undefined
  const content =
    listed && isTargetLocale(locale) && workingLocales(user).includes(locale) && isOverviewState(state) ? (
      await documentList({ admin, entity: listed, i18n, locale, state, req })
    ) : (
      await matrix({ admin, i18n, req, api: payload.config.routes.api })
    )

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
      <main className="gutter--left gutter--right" style={{ paddingBlock: 'calc(var(--base) * 2)' }} data-translation-overview>
        <h1>{t('translationOverview:heading')}</h1>
        {content}
      </main>
    </DefaultTemplate>
  )
}

type Req = AdminViewServerProps['initPageResult']['req']

const stateLabel = (state: OverviewState, i18n: OurI18n) => i18n.t(`translationOverview:${state}`)

async function matrix({ admin, api, i18n, req }: { admin: string; api: string; i18n: OurI18n; req: Req }) {
  const { t } = i18n
  const overview = await translationOverview(req)
  // Only the languages the person works on (a translator their own): columns, machine actions, export and import.
  const columns = overview.locales
  const entities = new Map(translatableEntities(req.payload).map((entity) => [`${entity.kind}:${entity.slug}`, entity]))
  const href = (kind: string, slug: string, locale: TargetLocale, state: OverviewState) => `${admin}${overviewPath}?${kind}=${encodeURIComponent(slug)}&locale=${locale}&state=${state}`
  const budget = overview.budget
  return (
    <>
      <p>
        {t('translationOverview:intro')} {isDepartmentEditor(req.user) && t('translationOverview:introDepartment')}
      </p>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-translation-matrix>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                {t('translationOverview:content')}
              </th>
              {columns.map((locale) => (
                <th key={locale} scope="col" style={cell} lang={i18n.language}>
                  {languageName(locale, i18n)} ({locale})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => {
              const entity = entities.get(`${row.kind}:${row.slug}`)!
              return (
                <tr key={`${row.kind}:${row.slug}`} data-entity={row.slug}>
                  <th scope="row" style={cell}>
                    {entityName(entity, i18n)}
                  </th>
                  {columns.map((locale) => (
                    <td key={locale} style={cell} data-locale={locale}>
                      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                        {overviewStates.map((state) => (
                          <li key={state} data-state={state}>
                            {row.counts[locale][state] > 0 ? (
                              <a href={href(row.kind, row.slug, locale, state)}>
                                {stateLabel(state, i18n)}: <span data-count>{row.counts[locale][state]}</span>
                              </a>
                            ) : (
                              <span style={{ color: 'var(--theme-elevation-650)' }}>
                                {stateLabel(state, i18n)}: <span data-count>0</span>
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  ))}
                </tr>
              )
            })}
            <tr data-machine-row>
              <th scope="row" style={cell}>
                {t('translationOverview:machineRow')}
              </th>
              {columns.map((locale) => {
                const support = overview.machine[locale]
                return (
                  <td key={locale} style={cell} data-locale={locale} data-machine={support ?? 'none'}>
                    {support ? (
                      <>
                        <span>{support === 'markup' ? t('translationOverview:withMarkup') : t('translationOverview:textOnly')}</span>
                        <MachineTranslateLocale locale={locale} api={api} />
                      </>
                    ) : (
                      <span>{t('translationOverview:humanOnly')}</span>
                    )}
                  </td>
                )
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <p data-machine-provider>
        {overview.provider ? t('translationOverview:provider', { provider: overview.provider }) : t('translationOverview:noProvider')}{' '}
        {budget &&
          (budget.limit === null
            ? t('translationOverview:budgetUnlimited', { month: budget.month, used: budget.used.toLocaleString(i18n.language) })
            : t('translationOverview:budget', { month: budget.month, used: budget.used.toLocaleString(i18n.language), limit: budget.limit.toLocaleString(i18n.language) }))}
      </p>
      {/* Only the languages the person may exchange (a translator their own): another would only be refused. */}
      <TranslationExport api={api} locales={columns.map((code) => ({ code, name: languageName(code, i18n) }))} />
      <TranslationImport api={api} locales={Object.fromEntries(columns.map((code) => [code, languageName(code, i18n)]))} />
    </>
  )
}

async function documentList({ admin, entity, i18n, locale, req, state }: { admin: string; entity: Entity; i18n: OurI18n; locale: TargetLocale; req: Req; state: OverviewState }) {
  const { t } = i18n
  const docs = (await documentsOf(req, entity)).filter((doc) => doc.states[locale] === state)
  const language = languageName(locale, i18n)
  const editHref = (id: string | number | null) =>
    entity.kind === 'global' ? `${admin}/globals/${entity.slug}?locale=${locale}` : `${admin}/collections/${entity.slug}/${String(id)}?locale=${locale}`
  return (
    <section data-translation-documents>
      <p>
        <a href={`${admin}${overviewPath}`}>← {t('translationOverview:back')}</a>
      </p>
      <h2>{t('translationOverview:documentsHeading', { entity: entityName(entity, i18n), language, state: stateLabel(state, i18n) })}</h2>
      {docs.length === 0 ? (
        <p>{t('translationOverview:noDocuments')}</p>
      ) : (
        <ul>
          {docs.map((doc) => (
            <li key={String(doc.id ?? entity.slug)}>
              {doc.title} – <a href={editHref(doc.id)}>{t('translationOverview:edit', { language })}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
