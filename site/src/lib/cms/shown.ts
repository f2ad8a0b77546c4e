import { relationId } from '../../../../core/relation'
import { buildSettings, writeOmissions } from '../../../../core/release'
import { cms, explainCmsError } from './client'
import { fetchStamps, type DocumentStamp, type PublicCollection } from './localized'

/**
 * What a published document needs published besides itself to be shown on the site. A listing
 * whose department page is unpublished (or an activity whose type is) would link to a page that
 * does not exist: it is left out of this build, and the build log says so ("Udeladt: …"), so one
 * department's state never stops every department's changes from going live.
 */
const requirements: Partial<Record<PublicCollection, { field: string; collection: PublicCollection; why: string }[]>> = {
  activities: [
    { field: 'department', collection: 'departments', why: 'dens lokalafdeling er ikke offentliggjort' },
    { field: 'activityType', collection: 'activity-types', why: 'dens aktivitetstype er ikke offentliggjort' },
  ],
  events: [{ field: 'department', collection: 'departments', why: 'dets lokalafdeling er ikke offentliggjort' }],
}

const danishName: Record<PublicCollection, string> = {
  activities: 'Aktiviteten',
  events: 'Arrangementet',
  departments: 'Lokalafdelingen',
  'activity-types': 'Aktivitetstypen',
  'target-groups': 'Målgruppen',
  pages: 'Siden',
}

export interface Omission {
  collection: PublicCollection
  id: string
  title: string
  why: string
}

/**
 * The stamps of the published documents that can be shown, and the ones left out with why.
 * Documents left out count as unpublished for the loader: they leave the content store, and
 * come back (as new) once what they need is published again.
 */
export async function showableStamps(collection: PublicCollection): Promise<{ stamps: DocumentStamp[]; omitted: Omission[] }> {
  const needs = requirements[collection] ?? []
  const stamps = await fetchStamps(collection, needs.map(({ field }) => field))
  if (!needs.length) return { stamps, omitted: [] }
  const published = new Map<PublicCollection, Set<string>>()
  for (const { collection: other } of needs) {
    if (!published.has(other)) published.set(other, new Set((await fetchStamps(other)).map(({ id }) => String(id))))
  }
  const kept: DocumentStamp[] = []
  const left: { stamp: DocumentStamp; why: string }[] = []
  for (const stamp of stamps) {
    const unmet = needs.find(({ field, collection: other }) => {
      const id = relationId(stamp.relations?.[field])
      // An optional relationship left empty needs nothing.
      return id !== null && id !== undefined && !published.get(other)?.has(String(id))
    })
    if (unmet) left.push({ stamp, why: unmet.why })
    else kept.push({ id: stamp.id, updatedAt: stamp.updatedAt })
  }
  const titles = new Map<string, string>()
  if (left.length) {
    try {
      const { docs } = await cms.find({ collection, depth: 0, pagination: false, limit: 0, locale: 'da', where: { id: { in: left.map(({ stamp }) => stamp.id) } }, select: { title: true } as never })
      for (const doc of docs as unknown as { id: string | number; title?: string }[]) titles.set(String(doc.id), doc.title ?? '')
    } catch (error) {
      throw explainCmsError(error, collection)
    }
  }
  const omitted = left.map(({ stamp, why }) => ({ collection, id: String(stamp.id), title: titles.get(String(stamp.id)) || `#${stamp.id}`, why }))
  return { stamps: kept, omitted }
}

/** One line of the build log's "Udeladt:" list, in plain Danish. */
export const omissionText = ({ collection, title, why }: Omission) => `${danishName[collection]} «${title}» vises ikke: ${why}.`

/** For the release code (core/release.ts): what this build left out, one record per collection. */
export function recordOmissions(collection: PublicCollection, omitted: Omission[]) {
  const settings = buildSettings()
  if (settings) writeOmissions(settings.changesDir, collection, omitted.map(omissionText))
}
