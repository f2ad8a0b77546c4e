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

const dayMs = 86_400_000
/** Opened and left: saved once on open, never edited after. */
const untouchedMs = 10_000

/**
 * Autosave saves a new document the moment its form opens, so every abandoned "+ Ny aktivitet"
 * left an untitled draft in a volunteer's list. Once a day, delete drafts that have no title,
 * were never edited after they were opened, and are over a day old: nothing anyone wrote is lost.
 */
export const removeAbandonedDraftsTask: TaskConfig<{ input: Record<string, never>; output: { removed: number } }> = {
  slug: 'removeAbandonedDrafts',
  label: 'Remove abandoned empty drafts',
  outputSchema: [{ name: 'removed', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '30 3 * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const { payload } = req
    const cutoff = new Date(Date.now() - dayMs).toISOString()
    let removed = 0
    for (const { slug, title } of collections) {
      const { docs } = await payload.find({
        collection: slug,
        where: { and: [{ _status: { equals: 'draft' } }, { [title]: { exists: false } }, { createdAt: { less_than: cutoff } }] },
        locale: 'da',
        pagination: false,
        depth: 0,
        req,
      })
      for (const doc of docs) {
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
