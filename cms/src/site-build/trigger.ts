import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  Endpoint,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { isEditorOrAdmin } from '../access/index'
import { ours } from '../lib/translations'

export const siteQueue = 'site'
export const buildTaskSlug = 'buildSite'

/** After the first change, wait this long before building, so a burst of edits becomes one build. */
const settleMs = () => Number(process.env.SITE_BUILD_SETTLE_MS ?? 500)

// One queue decision at a time in this process (hooks from parallel requests would race).
const state = globalThis as typeof globalThis & { __siteBuildRequests?: Promise<unknown> }

function describe(req: PayloadRequest | undefined, what: string): string {
  const who = req?.user ? req.user.name || req.user.email : 'systemet'
  return `${what} (${who})`
}

/**
 * Asks for a site rebuild. With SITE_BUILD_HOOK_URL set, calls that URL (Netlify, Cloudflare
 * Pages, CI) instead of building here. Otherwise coalesces: if a build is queued and not yet
 * started, it will include this change too; if one is running, exactly one more is queued.
 */
export function requestSiteBuild(payload: Payload, reason: string): Promise<void> {
  const next = (state.__siteBuildRequests ?? Promise.resolve()).then(() => queueBuild(payload, reason)).catch((error) => {
    payload.logger.error({ err: error, msg: 'Could not queue a site build' })
  })
  state.__siteBuildRequests = next
  return next
}

async function queueBuild(payload: Payload, reason: string): Promise<void> {
  const hook = process.env.SITE_BUILD_HOOK_URL
  if (hook) {
    const started = new Date()
    let error: string | undefined
    try {
      const response = await fetch(hook, { method: 'POST', signal: AbortSignal.timeout(15_000) })
      if (!response.ok) error = `Den eksterne byggetjeneste svarede ${response.status}. Siden er ikke opdateret.`
    } catch (cause) {
      error = `Den eksterne byggetjeneste kunne ikke nås (${cause instanceof Error ? cause.message : String(cause)}). Siden er ikke opdateret.`
    }
    await payload.create({
      collection: 'site-builds',
      data: { status: error ? 'failed' : 'hooked', trigger: reason, summary: reason, startedAt: started.toISOString(), finishedAt: new Date().toISOString(), error },
    })
    return
  }
  const { docs } = await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, limit: 1, depth: 0 })
  const queued = docs[0]
  if (queued) {
    await payload.update({ collection: 'site-builds', id: queued.id, data: { changes: (queued.changes ?? 1) + 1 }, depth: 0 })
    return
  }
  const record = await payload.create({ collection: 'site-builds', data: { status: 'queued', trigger: reason, summary: reason, changes: 1 } })
  await payload.jobs.queue({
    task: buildTaskSlug,
    queue: siteQueue,
    input: { buildId: String(record.id) },
    waitUntil: new Date(Date.now() + settleMs()),
  })
}

// Not `req.query.draft`: Payload parses the query in place (the string 'true' becomes the
// boolean true), and the Local API's `draft: true` has no query at all. Whether a save was a
// draft is read from the database instead (see rebuildAfterChange).
const skip = (context: Record<string, unknown>) => Boolean(context.skipRebuild) || process.env.SITE_AUTO_BUILD === 'false'

/** The collection's Danish name, as editors know it ("Aktivitet", not "activities"). */
function danishName(collection: { slug: string; labels?: { singular?: unknown } }): string {
  const label = collection.labels?.singular
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'da' in label) return String((label as { da: string }).da)
  return collection.slug
}

type Status = 'draft' | 'published' | undefined
const publicStatusKey = (slug: string, id: unknown) => `siteBuild:publicStatus:${slug}:${String(id)}`

/**
 * The status of the document row itself, which is what the public API (and so the site) reads.
 * A draft save (REST `?draft=true`, the admin's autosave, the Local API's `draft: true`) writes
 * only a new version and leaves this row alone; `previousDoc` is the latest *version*, which may
 * be a draft, so it cannot say whether the public saw the document.
 */
async function publicStatus(req: PayloadRequest, slug: CollectionSlug, id: unknown): Promise<Status> {
  const row = (await req.payload.db.findOne({ collection: slug, where: { id: { equals: id } }, req })) as { _status?: Status } | null
  return row?._status
}

/** Before an update: remember whether the public saw this document, for rebuildAfterChange. */
export const rememberPublicStatus: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context, collection }) => {
  if (operation === 'update' && originalDoc?.id !== undefined && !skip(context)) {
    context[publicStatusKey(collection.slug, originalDoc.id)] = await publicStatus(req, collection.slug, originalDoc.id)
  }
  return data
}

/**
 * Rebuilds when what the public sees changed: publishing, unpublishing (the published document
 * becoming a draft), or a change to a published document's published version. A draft save of a
 * published document (autosave included) changes nothing the public sees and rebuilds nothing.
 */
export const rebuildAfterChange: CollectionAfterChangeHook = async ({ doc, req, context, collection, operation }) => {
  if (skip(context)) return doc
  const before: Status = operation === 'create' ? undefined : (context[publicStatusKey(collection.slug, doc.id)] as Status)
  const now = await publicStatus(req, collection.slug, doc.id)
  // The row stayed published while the saved version is a draft: a draft save.
  const draftSave = now === 'published' && doc._status === 'draft'
  let verb: string | undefined
  if (now === 'published' && !draftSave) verb = context.confirmOnly ? 'Bekræftet' : 'Offentliggjort'
  else if (before === 'published' && now !== 'published') verb = 'Afpubliceret'
  if (verb) {
    const title = doc.title ?? doc.name ?? doc.slug ?? doc.id
    void requestSiteBuild(req.payload, describe(req, `${verb}: ${danishName(collection)} «${title}»`))
  }
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = ({ doc, req, context, collection }) => {
  if (skip(context)) return doc
  if (doc?._status === 'published') {
    void requestSiteBuild(req.payload, describe(req, `Slettet: ${danishName(collection)} «${doc.title ?? doc.name ?? doc.id}»`))
  }
  return doc
}

export const rebuildAfterGlobalChange: GlobalAfterChangeHook = ({ doc, req, context, global }) => {
  if (!skip(context)) void requestSiteBuild(req.payload, describe(req, `Ændret: ${global.slug}`))
  return doc
}

/** POST /api/site-builds/rebuild — the "rebuild now" button (editors and admins). */
export const rebuildEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    if (!isEditorOrAdmin(req.user)) return Response.json({ errors: [{ message: ours(req.t)('api:editorsOnlyRebuild') }] }, { status: 403 })
    await requestSiteBuild(req.payload, describe(req, 'Opdater nu'))
    return Response.json({ message: ours(req.t)('api:rebuilding') }, { status: 202 })
  },
}

/**
 * When the CMS starts, builds that were queued or running belonged to a process that is gone
 * (restart, crash, outage): record them as interrupted, and queue one fresh build if any change
 * was still waiting, so nothing published is left off the site.
 */
export async function recoverInterruptedBuilds(payload: Payload): Promise<void> {
  const { docs } = await payload.find({
    collection: 'site-builds',
    where: { status: { in: ['queued', 'running'] } },
    pagination: false,
    depth: 0,
  })
  if (!docs.length) return
  for (const build of docs) {
    await payload.update({
      collection: 'site-builds',
      id: build.id,
      depth: 0,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: 'CMS’et stoppede, mens opdateringen ventede eller kørte. Den offentlige side blev ikke ændret; en ny opdatering er sat i gang.',
      },
    })
  }
  await requestSiteBuild(payload, 'Genstart af CMS (afbrudt opdatering)')
}
