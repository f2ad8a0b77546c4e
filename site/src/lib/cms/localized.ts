import type { Config } from '../../../../cms/src/payload-types'
import { defaultLocale, locales, type LocaleCode } from '../../../../core/locales'
import { cms, explainCmsError } from './client'

type Collections = Config['collections']
export type PublicCollection = 'activity-types' | 'target-groups' | 'departments' | 'activities' | 'events' | 'pages'
export type PublicGlobal = 'site-settings' | 'navigation'

/**
 * A document as one locale's reader sees it: fields missing in that locale are filled from
 * Danish, and `fallbackFields` names them so the page can mark them `lang="da"` with a notice.
 */
export type Localized<T> = T & {
  locale: LocaleCode
  fallbackFields: string[]
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/** Fills what `translation` lacks from `danish`, one top-level field at a time. */
export function withDanishFallback<T extends object>(translation: T | undefined, danish: T, locale: LocaleCode): Localized<T> {
  const fallbackFields: string[] = []
  const own = (translation ?? {}) as Record<string, unknown>
  const merged = { ...danish, ...own } as Record<string, unknown>
  for (const [field, danishValue] of Object.entries(danish)) {
    if (field === 'translationStatus') continue
    // REST leaves an untranslated field out (or null) when asked for no fallback.
    if (isEmpty(own[field]) && !isEmpty(danishValue)) {
      merged[field] = danishValue
      if (locale !== defaultLocale) fallbackFields.push(field)
    }
  }
  return { ...(merged as T), locale, fallbackFields }
}

/**
 * Published documents of a collection in every locale (all of them, or only those with the
 * given IDs). Each locale is read with no fallback (so a missing translation shows up as
 * missing), then completed from Danish here. Relationships stay IDs (depth 0): pages join
 * them against the same localized data.
 */
export async function fetchLocalized<S extends PublicCollection>(
  collection: S,
  { ids }: { ids?: (string | number)[] } = {},
): Promise<Localized<Collections[S]>[]> {
  try {
    const byLocale = await Promise.all(
      locales.map(async ({ code }) => {
        const result = await cms.find({
          collection,
          locale: code,
          // The SDK drops `false`; REST's documented "no fallback" value is the string 'none'.
          fallbackLocale: (code === defaultLocale ? undefined : 'none') as LocaleCode | undefined,
          depth: 0,
          pagination: false,
          limit: 0,
          ...(ids ? { where: { id: { in: ids } } } : {}),
        })
        return [code, result.docs as Collections[S][]] as const
      }),
    )
    const danish = byLocale.find(([code]) => code === defaultLocale)?.[1] ?? []
    return byLocale.flatMap(([code, docs]) => {
      const translated = new Map(docs.map((doc) => [doc.id, doc]))
      return danish.map((doc) => withDanishFallback(translated.get(doc.id), doc, code))
    })
  } catch (error) {
    throw explainCmsError(error, collection)
  }
}

export interface DocumentStamp {
  id: string | number
  updatedAt: string
  /** The relationships asked for (`fields`), as IDs. */
  relations?: Record<string, unknown>
}

/**
 * ID and last change of every published document: one small request, to see what changed.
 * `fields` adds relationships (IDs) the caller needs to decide whether a document can be shown.
 */
export async function fetchStamps(collection: PublicCollection, fields: string[] = []): Promise<DocumentStamp[]> {
  try {
    const result = await cms.find({
      collection,
      depth: 0,
      pagination: false,
      limit: 0,
      select: Object.fromEntries(['updatedAt', ...fields].map((field) => [field, true])) as never,
    })
    return (result.docs as unknown as (Record<string, unknown> & DocumentStamp)[]).map((doc) => ({
      id: doc.id,
      updatedAt: doc.updatedAt,
      ...(fields.length ? { relations: Object.fromEntries(fields.map((field) => [field, doc[field]])) } : {}),
    }))
  } catch (error) {
    throw explainCmsError(error, collection)
  }
}

export async function fetchLocalizedGlobal<S extends PublicGlobal>(slug: S): Promise<Localized<Config['globals'][S]>[]> {
  try {
    const danish = (await cms.findGlobal({ slug, locale: defaultLocale, depth: 0 })) as Config['globals'][S]
    return Promise.all(
      locales.map(async ({ code }) => {
        if (code === defaultLocale) return withDanishFallback(danish, danish, code)
        const translated = (await cms.findGlobal({
          slug,
          locale: code,
          fallbackLocale: 'none' as LocaleCode,
          depth: 0,
        })) as Config['globals'][S]
        return withDanishFallback(translated, danish, code)
      }),
    )
  } catch (error) {
    throw explainCmsError(error, slug)
  }
}
