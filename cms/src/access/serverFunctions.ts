import config from '@payload-config'
import { headers as nextHeaders } from 'next/headers'
import { createLocalReq, docAccessOperation, docAccessOperationGlobal, getPayload, type PayloadRequest } from 'payload'

import { ours } from '../lib/translations'
import { isTranslator } from './index'

type Target = { doc?: { relationTo?: unknown; value?: unknown }; global?: unknown }

/**
 * Payload's "schedule-publish" server function (behind "Planlæg") only checks that the user may
 * open the admin: a department editor could queue a publish or unpublish for another
 * department's document, or delete anyone's scheduled job by its (sequential) ID. Payload checks
 * the publish right only when *listing* the schedule. This asks the same of every call: the user
 * must be allowed to publish the document (or global) the job is for.
 * Returns the refusal in the user's admin language, or undefined when the call may go on.
 */
export async function refuseServerFunction(name: string, args: Record<string, unknown>): Promise<string | undefined> {
  if (name !== 'schedule-publish') return undefined
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await nextHeaders() })
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  const refusal = ours(req.t)('api:scheduleNotAllowed')
  // A translator's text goes live when they publish it themselves (access/translator.ts), never at a set time.
  if (!user || isTranslator(user)) return refusal

  let target: Target = args as Target
  if (args.deleteID !== undefined) {
    const job = await payload.db.findOne<{ id: number | string; taskSlug?: string; input?: Target }>({
      collection: 'payload-jobs',
      where: { id: { equals: args.deleteID } },
      req,
    })
    if (!job || job.taskSlug !== 'schedulePublish') return refusal
    target = job.input ?? {}
  }
  return (await mayPublish(target, req)) ? undefined : refusal
}

async function mayPublish({ doc, global }: Target, req: PayloadRequest): Promise<boolean> {
  const data = { _status: 'published' }
  if (doc && typeof doc.relationTo === 'string' && (typeof doc.value === 'string' || typeof doc.value === 'number')) {
    const collection = (req.payload.collections as Record<string, { config: Parameters<typeof docAccessOperation>[0]['collection']['config'] } | undefined>)[doc.relationTo]
    if (!collection) return false
    return Boolean((await docAccessOperation({ id: doc.value, collection, data, req })).update)
  }
  if (typeof global === 'string') {
    const globalConfig = req.payload.config.globals.find(({ slug }) => slug === global)
    if (!globalConfig) return false
    return Boolean((await docAccessOperationGlobal({ globalConfig, data, req })).update)
  }
  return false
}
