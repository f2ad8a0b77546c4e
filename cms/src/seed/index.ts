import type { Payload, PayloadRequest, Where } from 'payload'

import { relationId } from '../../../core/relation'
import type { Activity } from '../payload-types'
import { defaultLocale, type LocaleCode } from '../../../core/locales'
import { type ContentDocument, type LocaleFile, readDemoDepartments, readDocuments, readNavigation } from './content'
import { markdownConverter, type RichText } from './markdown'
import { addDays, copenhagenTime } from './time'

/** Seeds and tests switch off side effects (site rebuilds, emails) with this request context. */
export const seedContext = { seeding: true, skipRebuild: true } as const

type SeededCollection = 'activity-types' | 'target-groups' | 'pages' | 'departments' | 'activities' | 'events'
type Data = Record<string, unknown>

export interface SeedOptions {
  /** Load content/demo/ too (departments, activities, events). Default: true. */
  demo?: boolean
  /** Start of "today" for the demo events' dates. */
  now?: Date
  log?: (message: string) => void
  req?: Partial<PayloadRequest>
}

export interface SeedReport {
  created: Record<string, number>
  translated: Record<string, number>
}

/**
 * Loads content/ into the database through the Local API. Idempotent: a document that exists
 * (same slug) is never overwritten, only its missing translations are filled in, so running it
 * again, or after editors changed things, loses nothing.
 */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const { demo = true, now = new Date(), log = () => {} } = options
  const toRichText = await markdownConverter(payload.config)
  const report: SeedReport = { created: {}, translated: {} }
  const count = (kind: 'created' | 'translated', collection: string) => {
    report[kind][collection] = (report[kind][collection] ?? 0) + 1
  }

  const findIdBySlug = async (collection: SeededCollection, slug: string) => {
    // A document an editor renamed still answers to its old slug: it is not made again (which
    // would also take its old address back from the redirect).
    const where: Where =
      collection === 'target-groups' ? { slug: { equals: slug } } : { or: [{ slug: { equals: slug } }, { previousSlugs: { in: [slug] } }] }
    const { docs } = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false })
    return docs[0]?.id
  }

  /** Creates the document in Danish if missing, then fills every translation still empty. */
  const upsert = async (
    collection: SeededCollection,
    slug: string,
    danishData: Data,
    translations: { locale: LocaleCode; data: Data }[] = [],
  ) => {
    let id = await findIdBySlug(collection, slug)
    if (id === undefined) {
      const created = await payload.create({
        collection,
        locale: defaultLocale,
        data: { ...danishData, slug, _status: 'published' } as never, // shapes differ per collection; Payload validates at runtime
        context: seedContext,
      })
      id = created.id
      count('created', collection)
    }
    for (const { locale, data } of translations) {
      const current = (await payload.findByID({ collection, id, locale, fallbackLocale: false, depth: 0 })) as unknown as Data
      if (current.title) continue // an editor (or an earlier seed) already wrote this language
      await payload.update({
        collection,
        id,
        locale,
        data: { ...data, _status: 'published' } as never,
        context: seedContext,
      })
      count('translated', collection)
    }
    return id
  }

  const localized = (file: LocaleFile, richTextField: string): Data => ({
    title: file.data.title,
    summary: file.data.summary,
    [richTextField]: toRichText(file.body) satisfies RichText,
    translationStatus: file.translationStatus,
  })
  const translationsOf = (document: ContentDocument, richTextField: string) =>
    document.translations.map((file) => ({ locale: file.locale, data: localized(file, richTextField) }))

  log('Målgrupper ...')
  const targetGroupIds = new Map<string, number | string>()
  for (const document of readDocuments('target-groups')) {
    const id = await upsert(
      'target-groups',
      document.slug,
      { ...localized(document.danish, 'description'), order: document.danish.data.order },
      translationsOf(document, 'description'),
    )
    targetGroupIds.set(document.slug, id)
  }

  log('Aktivitetstyper ...')
  const activityTypeIds = new Map<string, number | string>()
  for (const document of readDocuments('activity-types')) {
    const slugs = (document.danish.data.targetGroups ?? []) as string[]
    const targetGroups = slugs.map((slug) => {
      const id = targetGroupIds.get(slug)
      if (id === undefined) throw new Error(`content/activity-types/${document.slug}/da.md: unknown target group "${slug}"`)
      return id
    })
    const id = await upsert(
      'activity-types',
      document.slug,
      {
        ...localized(document.danish, 'description'),
        order: document.danish.data.order,
        worksWithChildren: document.danish.data.worksWithChildren === true,
        targetGroups,
      },
      translationsOf(document, 'description'),
    )
    activityTypeIds.set(document.slug, id)
  }

  log('Sider ...')
  const pageIds = new Map<string, number | string>()
  for (const document of readDocuments('pages')) {
    pageIds.set(document.slug, await upsert('pages', document.slug, localized(document.danish, 'body'), translationsOf(document, 'body')))
  }

  log('Indstillinger og navigation ...')
  await seedGlobals(payload, toRichText, pageIds)

  if (demo) {
    log('Demoafdelinger ...')
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
    for (const department of readDemoDepartments()) {
      const departmentId = await upsert('departments', department.slug, {
        name: department.name,
        description: toRichText(department.description),
        town: department.town,
        municipality: department.municipality,
        region: department.region,
        address: department.address,
        location: department.location,
        email: department.email,
        phone: department.phone,
        isDemo: true,
        translationStatus: 'original',
      })
      const typeId = (slug: string, owner: string) => {
        const id = activityTypeIds.get(slug)
        if (id === undefined) throw new Error(`content/demo/departments/${department.slug}.md: unknown activity type "${slug}" in ${owner}`)
        return id
      }
      for (const activity of department.activities) {
        await upsert('activities', activity.slug, {
          title: activity.title,
          summary: activity.summary,
          schedule: {
            byAppointment: activity.schedule.byAppointment ?? false,
            weekdays: activity.schedule.weekdays,
            frequency: activity.schedule.frequency ?? 'weekly',
            startTime: activity.schedule.start,
            endTime: activity.schedule.end,
          },
          languages: activity.languages as Activity['languages'],
          audience: activity.audience,
          targetGroups: activity.targetGroups?.map((slug) => {
            const id = targetGroupIds.get(slug)
            if (id === undefined) throw new Error(`content/demo/departments/${department.slug}.md: unknown target group "${slug}" in ${activity.slug}`)
            return id
          }),
          howToJoin: activity.howToJoin ?? 'just-come',
          capacity: activity.capacity ?? null,
          venue: activity.venue,
          address: activity.address,
          lastConfirmedAt: addDays(now, -(activity.confirmedDaysAgo ?? 0)).toISOString(),
          department: departmentId,
          activityType: typeId(activity.type, activity.slug),
          isDemo: true,
          translationStatus: 'original',
        })
      }
      for (const event of department.events) {
        const day = addDays(today, event.inDays)
        await upsert('events', event.slug, {
          title: event.title,
          summary: event.summary,
          startsAt: copenhagenTime(day, event.start).toISOString(),
          endsAt: event.end ? copenhagenTime(day, event.end).toISOString() : undefined,
          venue: event.venue,
          address: event.address,
          howToJoin: event.howToJoin ?? 'just-come',
          capacity: event.capacity ?? null,
          department: departmentId,
          activityType: event.type ? typeId(event.type, event.slug) : undefined,
          isDemo: true,
          translationStatus: 'original',
        })
      }
    }
  }
  return report
}

async function seedGlobals(
  payload: Payload,
  toRichText: (markdown: string) => RichText,
  pageIds: Map<string, number | string>,
) {
  const [danishSettings, ...settingsTranslations] = readSiteSettings()
  if (danishSettings) {
    const current = await payload.findGlobal({ slug: 'site-settings', locale: defaultLocale, fallbackLocale: false })
    if (!current.siteName) {
      await payload.updateGlobal({
        slug: 'site-settings',
        locale: defaultLocale,
        data: {
          siteName: String(danishSettings.data.siteName),
          tagline: danishSettings.data.tagline as string | undefined,
          homeIntro: toRichText(danishSettings.body),
          figures: danishSettings.data.figures as Record<string, number>,
          translationStatus: 'original',
        },
        context: seedContext,
      })
    }
    for (const file of settingsTranslations) {
      const existing = await payload.findGlobal({ slug: 'site-settings', locale: file.locale, fallbackLocale: false })
      if (existing.siteName) continue
      await payload.updateGlobal({
        slug: 'site-settings',
        locale: file.locale,
        data: {
          siteName: String(file.data.siteName),
          tagline: file.data.tagline as string | undefined,
          homeIntro: toRichText(file.body),
          translationStatus: file.translationStatus,
        },
        context: seedContext,
      })
    }
  }

  const navigation = await payload.findGlobal({ slug: 'navigation', locale: defaultLocale, depth: 0 })
  if (navigation.items?.length) return
  const { items } = readNavigation()
  const rows = items.map((item) => ({
    kind: item.kind as 'home' | 'activity-types' | 'departments' | 'page',
    page: item.page ? (pageIds.get(item.page) as number | undefined) : undefined,
    label: item.label[defaultLocale] ?? item.kind,
  }))
  const saved = await payload.updateGlobal({ slug: 'navigation', locale: defaultLocale, data: { items: rows }, context: seedContext })
  const locales = new Set(items.flatMap((item) => Object.keys(item.label))) as Set<LocaleCode>
  locales.delete(defaultLocale)
  for (const locale of locales) {
    await payload.updateGlobal({
      slug: 'navigation',
      locale,
      data: {
        items: (saved.items ?? []).map((row, index) => ({
          ...row,
          page: relationId(row.page) ?? null,
          label: items[index]?.label[locale] ?? row.label,
        })),
        // content/navigation.json's labels are machine translations, as the other content's are.
        translationStatus: 'machine',
      },
      context: seedContext,
    })
  }
}

function readSiteSettings(): LocaleFile[] {
  // site-settings is a single document: content/globals/site-settings/<locale>.md
  const [document] = readDocuments('globals').filter((entry) => entry.slug === 'site-settings')
  return document ? [document.danish, ...document.translations] : []
}
