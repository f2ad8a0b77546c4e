import type { TaskConfig } from 'payload'

/** Collections where autosave creates a draft as soon as someone opens "create new". */
const collections = [
  { slug: 'activities', title: 'title' },
  { slug: 'events', title: 'title' },
  { slug: 'activity-types', title: 'title' },
  { slug: 'target-groups', title: 'title' },
  { slug: 'pages', title: 'title' },
  { slug: 'departments', title: 'name' },
] as const

/** Opened and left this long ago: an editor who opened the form and is still reading has time. */
const abandonedAfterMs = 60 * 60_000
/** Opened and left: saved once on open, never edited after. */
const untouchedMs = 10_000

const hasText = (value: unknown): boolean =>
  typeof value === 'string' ? value.trim() !== '' : Boolean(value && typeof value === 'object' && Object.values(value).some(hasText))

/**
 * Autosave saves a new document the moment its form opens, so every abandoned "+ Nyt
 * arrangement" left an untitled draft in a volunteer's lists. Every ten minutes, delete drafts
 * that have no title in any language, were never edited after they were opened, and were opened
 * over an hour ago: nothing anyone wrote is lost.
 *
 * Autosave writes only versions, never the document row (Payload's draft saves), so the row of a
 * new draft keeps its empty title and its creation time however much is typed: each document is
 * read as its latest version (`draft: true`), which is what the editor sees.
 */
export const removeAbandonedDraftsTask: TaskConfig<{ input: Record<string, never>; output: { removed: number } }> = {
  slug: 'removeAbandonedDrafts',
  label: 'Remove abandoned empty drafts',
  outputSchema: [{ name: 'removed', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '*/10 * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const { payload } = req
    const cutoff = new Date(Date.now() - abandonedAfterMs).toISOString()
    let removed = 0
    for (const { slug, title } of collections) {
      const { docs } = await payload.find({
        collection: slug,
        draft: true,
        where: { and: [{ _status: { equals: 'draft' } }, { createdAt: { less_than: cutoff } }] },
        locale: 'all',
        pagination: false,
        depth: 0,
        req,
      })
      for (const doc of docs) {
        if (hasText((doc as unknown as Record<string, unknown>)[title])) continue
        const edited = new Date(doc.updatedAt).getTime() - new Date(doc.createdAt).getTime() > untouchedMs
        if (edited) continue
        await payload.delete({ collection: slug, id: doc.id, req, context: { skipRebuild: true } })
        removed++
      }
    }
    // Counts only: never titles or content in the log.
    if (removed) payload.logger.info(`Removed ${removed} abandoned empty drafts.`)
    return { output: { removed } }
  },
}
