import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { da } from '@payloadcms/translations/languages/da'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type CollectionAfterChangeHook, type CollectionAfterDeleteHook, type CollectionConfig } from 'payload'
import sharp from 'sharp'

import { cmsUrl } from '../../core/defaults'
import { defaultLocale, locales } from '../../core/locales'
import { Activities } from './collections/Activities/index'
import { Attendance } from './attendance/Attendance'
import { ActivityTypes } from './collections/ActivityTypes'
import { Departments } from './collections/Departments'
import { Events } from './collections/Events'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { TargetGroups } from './collections/TargetGroups'
import { Users } from './auth/Users'
import { Navigation } from './globals/Navigation'
import { SiteSettings } from './globals/SiteSettings'
import { isEditorOrAdmin, isLoggedIn } from './access/index'
import { hardenAccess } from './access/sanitized'
import { translatable, translatableGlobal } from './access/translator'
import { databaseAdapter, payloadSecret } from './lib/database'
import { cmsLogger } from './lib/logger'
import { cmsRole, runsJobs } from './lib/role'
import { mediaStorage } from './lib/storage'
import { removeAbandonedDraftsTask } from './collections/removeAbandonedDrafts'
import { SiteBuilds } from './site-build/SiteBuilds'
import { buildSiteTask } from './site-build/task'
import { rebuildAfterChange, rebuildAfterDelete, rebuildAfterGlobalChange, recoverInterruptedBuilds, rememberPublicStatus, siteQueue } from './site-build/trigger'
import { repoRoot } from './lib/paths'
import { translations } from './lib/translations'
import { ChildCertificates } from './signups/ChildCertificates'
import { Signups } from './signups/Signups'
import { SignupPlaces } from './signups/SignupPlaces'
import { emailAdapter, emailDestination } from './lib/email/adapter'
import { certificateRemindersTask } from './signups/certificateReminders'
import { signupRemindersTask } from './signups/signupReminders'
import { retentionTask } from './signups/retention'
import { erasePersonalData, exportPersonalData } from './signups/personalData'
import { forgetSignupTargetsAfterChange, forgetSignupTargetsAfterDelete } from './signups/targets'
import { placeWaitingAfterCapacityChange } from './signups/places'
import { TranslationUsage } from './translations/machine/budget'
import { translationEndpoints } from './translations/endpoints'
import { healthEndpoints } from './health/endpoints'

const cmsDir = path.join(repoRoot, 'cms')
// CORS and CSRF compare origins: "https://example.org/" or a path would never match a browser's Origin.
const origin = (url: string) => new URL(url).origin
const serverURL = cmsUrl()

/** The collection with these hooks run after its own afterChange and afterDelete hooks. */
function withHooks(collection: CollectionConfig, afterChange: CollectionAfterChangeHook, afterDelete: CollectionAfterDeleteHook): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}

/** Public content: publishing, unpublishing or deleting it rebuilds the site. */
const rebuildsTheSite = (collection: CollectionConfig) => {
  const withRebuild = withHooks(collection, rebuildAfterChange, rebuildAfterDelete)
  // Last, so it reads the row as it is just before the write.
  return {
    ...withRebuild,
    hooks: { ...withRebuild.hooks, beforeChange: [...(withRebuild.hooks?.beforeChange ?? []), rememberPublicStatus] },
    admin: {
      ...withRebuild.admin,
      components: {
        ...withRebuild.admin?.components,
        // "Ikke live endnu: …" when a failed build (or an unpublished department) keeps it off the site.
        edit: {
          ...withRebuild.admin?.components?.edit,
          beforeDocumentControls: [{ path: '/components/NotLiveYet#NotLiveYetDocument', serverProps: { collectionSlug: collection.slug } }],
          // "Planlæg" reads dates day-month (Payload's own schedule drawer read 10.07.2027 as 7 October).
          ...(hasSchedulePublish(collection) && { PublishButton: '/components/SchedulePublish#PublishWithSchedule' }),
        },
      },
    },
  }
}

function hasSchedulePublish(collection: CollectionConfig): boolean {
  const drafts = typeof collection.versions === 'object' ? collection.versions.drafts : undefined
  return typeof drafts === 'object' && Boolean(drafts.schedulePublish)
}

/** What a signup can be for (or belongs to): a change forgets the signup endpoint's cached targets. */
const signupTargetSlugs = new Set<string>([ActivityTypes.slug, Departments.slug, Activities.slug, Events.slug])
const forgetsSignupTargets = (collection: CollectionConfig) =>
  signupTargetSlugs.has(collection.slug) ? withHooks(collection, forgetSignupTargetsAfterChange, forgetSignupTargetsAfterDelete) : collection

/** Listings with places: raising the number of places moves the waiting list up (signups/places.ts). */
const movesTheWaitingList = (collection: CollectionConfig) =>
  collection.slug === Activities.slug || collection.slug === Events.slug
    ? { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), placeWaitingAfterCapacityChange] } }
    : collection

export default buildConfig({
  serverURL,
  secret: payloadSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  admin: {
    user: Users.slug,
    // Gravatar would send a hash of each user's e-mail address to a third party.
    avatar: 'default',
    meta: { titleSuffix: ' – Røde Kors Integration' },
    importMap: { baseDir: path.join(cmsDir, 'src') },
    dateFormat: 'd. MMMM yyyy HH:mm',
    components: {
      // A department editor lands on their own department's listings and what needs attention.
      // Published changes a failed site build kept off the public site, for whoever made them.
      beforeDashboard: ['/components/NotLiveYet#NotLiveYetDashboard', '/components/DepartmentDashboard#DepartmentDashboard'],
      // "Oversættelser": each language's state of the public content (translations/overview.ts).
      // "Fremmøde": who came to a meeting, for a department's editors and admins (attendance/).
      afterNavLinks: ['/components/TranslationsOverview#TranslationsNavLink', '/components/Attendance#AttendanceNavLink'],
      views: {
        translations: { Component: '/components/TranslationsOverview#TranslationsOverview', path: '/oversaettelser', exact: true },
        attendance: { Component: '/components/Attendance#AttendanceView', path: '/fremmoede', exact: true },
      },
    },
  },
  // The admin speaks Danish unless a user picks English; our own texts are in lib/translations.ts.
  i18n: {
    supportedLanguages: { da, en },
    fallbackLanguage: 'da',
    translations,
  },
  localization: {
    locales: locales.map(({ code, labelDa, label, dir }) => ({
      code,
      label: { da: labelDa, en: label },
      rtl: dir === 'rtl',
    })),
    defaultLocale,
    fallback: true,
  },
  collections: [
    ...[ActivityTypes, TargetGroups, Departments, Activities, Events, Pages].map(translatable).map(rebuildsTheSite).map(forgetsSignupTargets).map(movesTheWaitingList),
    Media,
    Users,
    SiteBuilds,
    // The machine translation budget's counter (translations/machine/).
    TranslationUsage,
    // Personal data: never public, never in the site build (access/personalData.ts).
    Signups,
    SignupPlaces,
    ChildCertificates,
    // Who came to each meeting (attendance/): personal data too.
    Attendance,
  ],
  // An admin's export and erasure of everything held about one person; the translation overview,
  // machine translation and the XLIFF exchange with translators (translations/); health checks
  // for load balancers (health/).
  endpoints: [exportPersonalData, erasePersonalData, ...translationEndpoints, ...healthEndpoints],
  // Over SMTP_URL, or into data/outbox/ when it is not set.
  email: emailAdapter(),
  globals: [SiteSettings, Navigation].map(translatableGlobal).map((global) => ({
    ...global,
    hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), rebuildAfterGlobalChange] },
  })),
  // The CMS's own origin only: the site's origin is allowed on the signup endpoints alone, which
  // send their own CORS headers (signups/endpoint.ts), so a script on the site gets no API access.
  cors: [origin(serverURL)],
  csrf: [origin(serverURL)],
  typescript: {
    outputFile: path.join(cmsDir, 'src', 'payload-types.ts'),
    autoGenerate: false,
  },
  // Access rules are written and tested for REST and the Local API; GraphQL stays off.
  graphQL: { disable: true },
  jobs: {
    // Runs scheduled publish/unpublish on the long-running CMS server (next start).
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 20 },
      // Site builds start within a second of their settle time; one at a time.
      { cron: '* * * * * *', queue: siteQueue, limit: 1 },
    ],
    tasks: [buildSiteTask, removeAbandonedDraftsTask, retentionTask, certificateRemindersTask, signupRemindersTask],
    // Only the long-running CMS server runs queued jobs (scripts and tests share this config), and
    // of several instances only the worker (CMS_ROLE, lib/role.ts): a publish makes one build.
    shouldAutoRun: () => process.env.NEXT_RUNTIME === 'nodejs' && process.env.DISABLE_JOBS !== 'true' && runsJobs(),
    access: { run: ({ req: { user } }) => isEditorOrAdmin(user), queue: ({ req: { user } }) => isLoggedIn(user), cancel: ({ req: { user } }) => isEditorOrAdmin(user) },
  },
  // Uploads in S3-compatible object storage when S3_BUCKET is set, else on the local disk.
  plugins: mediaStorage(),
  telemetry: false,
  // JSON lines with the request's ID on the CMS server; never personal data (lib/logLine.mjs).
  logger: cmsLogger(),
  onInit: async (payload) => {
    // Only the CMS server that runs builds (not scripts such as the seed, which share this config,
    // nor a `web` instance, which would mark the worker's running build as interrupted).
    if (process.env.NEXT_RUNTIME === 'nodejs' && runsJobs()) await recoverInterruptedBuilds(payload)
    if (process.env.NEXT_RUNTIME === 'nodejs') payload.logger.info(emailDestination())
    if (process.env.NEXT_RUNTIME === 'nodejs') payload.logger.info(`CMS_ROLE ${cmsRole()}; signup limits and cache ${process.env.REDIS_URL ? 'shared through Redis' : 'in this process'}`)
  },
  // Document locks and session fields are added by Payload while sanitizing: their access is set after.
}).then(hardenAccess)
