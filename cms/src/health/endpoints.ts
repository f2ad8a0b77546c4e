import type { Endpoint, Payload, PayloadHandler } from 'payload'

import { migrations } from '../migrations'

/**
 * Health checks for load balancers and monitoring: `GET /api/health` (the process answers; it
 * reads nothing) and `GET /api/health/ready` (ready to serve: 200, else 503). Public, so they say
 * nothing about people, versions or the server's paths: counts, states and ages only.
 */

const noStore = { 'Cache-Control': 'no-store' }

export const liveness: Endpoint = {
  path: '/health',
  method: 'get',
  handler: () => Response.json({ status: 'ok' }, { headers: noStore }),
}

type Check = 'ok' | 'failed'
export interface Readiness {
  status: 'ready' | 'not-ready'
  database: Check
  /** SQLite: every committed migration is applied ('pending' stops readiness). MongoDB has no migrations here. */
  migrations: { status: 'ok' | 'pending' | 'not-applicable' | 'unknown'; pending?: number }
  jobs: { queued: number; failed: number } | null
  siteBuild: { status: string; finishedSecondsAgo: number | null } | null
}

const isMongo = (payload: Payload) => payload.db.name === 'mongoose'

/**
 * The committed migrations (src/migrations/index.ts, which is what the CMS applies on start)
 * against the `payload-migrations` records. Payload marks a dev "push" with batch -1: not a
 * migration. On MongoDB the CMS has no migrations (Payload needs none for its schema).
 */
async function migrationState(payload: Payload): Promise<Readiness['migrations']> {
  if (isMongo(payload)) return { status: 'not-applicable' }
  const applied = await payload.find({ collection: 'payload-migrations', pagination: false, depth: 0, select: { name: true, batch: true } })
  const names = new Set(applied.docs.filter((doc) => doc.batch !== -1).map((doc) => doc.name))
  const pending = migrations.filter((migration) => !names.has(migration.name)).length
  return pending === 0 ? { status: 'ok' } : { status: 'pending', pending }
}

async function jobsDepth(payload: Payload): Promise<Readiness['jobs']> {
  const notCompleted = { completedAt: { exists: false } }
  const [queued, failed] = await Promise.all([
    payload.count({ collection: 'payload-jobs', where: { and: [notCompleted, { hasError: { not_equals: true } }] } }),
    payload.count({ collection: 'payload-jobs', where: { and: [notCompleted, { hasError: { equals: true } }] } }),
  ])
  return { queued: queued.totalDocs, failed: failed.totalDocs }
}

async function lastSiteBuild(payload: Payload, now: number): Promise<Readiness['siteBuild']> {
  const { docs } = await payload.find({ collection: 'site-builds', sort: '-createdAt', limit: 1, depth: 0, pagination: false, select: { status: true, finishedAt: true } })
  const build = docs[0]
  if (!build) return null
  const finished = build.finishedAt ? Date.parse(build.finishedAt) : NaN
  return { status: build.status, finishedSecondsAgo: Number.isFinite(finished) ? Math.max(0, Math.round((now - finished) / 1000)) : null }
}

/** Never throws: a part that fails is reported as failed, and the error goes to the log without its details. */
export async function readiness(payload: Payload, now = Date.now()): Promise<Readiness> {
  const attempt = async <T>(what: string, read: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
    try {
      return { ok: true, value: await read() }
    } catch (error) {
      payload.logger.error(`Health check: ${what} failed (${error instanceof Error ? error.name : 'error'}).`)
      return { ok: false }
    }
  }
  // The migrations read is the database check too: it is a real query on the database.
  const migrationsRead = await attempt('reading the migrations', () => migrationState(payload))
  const database: Check = migrationsRead.ok || (await attempt('reaching the database', () => payload.count({ collection: 'users' }))).ok ? 'ok' : 'failed'
  const [jobs, siteBuild] = await Promise.all([attempt('counting the jobs', () => jobsDepth(payload)), attempt('reading the last site build', () => lastSiteBuild(payload, now))])
  const migrationsState: Readiness['migrations'] = migrationsRead.ok ? migrationsRead.value : { status: 'unknown' }
  const ready = database === 'ok' && (migrationsState.status === 'ok' || migrationsState.status === 'not-applicable')
  return {
    status: ready ? 'ready' : 'not-ready',
    database,
    migrations: migrationsState,
    jobs: jobs.ok ? jobs.value : null,
    siteBuild: siteBuild.ok ? siteBuild.value : null,
  }
}

const readinessHandler: PayloadHandler = async (req) => {
  const state = await readiness(req.payload)
  return Response.json(state, { status: state.status === 'ready' ? 200 : 503, headers: noStore })
}

export const readinessEndpoint: Endpoint = { path: '/health/ready', method: 'get', handler: readinessHandler }

export const healthEndpoints: Endpoint[] = [liveness, readinessEndpoint]
