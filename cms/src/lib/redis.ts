import { Redis } from 'ioredis'

/**
 * One Redis connection per process when REDIS_URL is set (several CMS instances share signup
 * limits and the signup-target cache through it); undefined otherwise, and state stays in the
 * process's memory. Kept on globalThis so that Next's separately bundled route modules share it.
 */
const state = globalThis as typeof globalThis & { __drkRedis?: { url: string; client: Redis } }

export function redis(url = process.env.REDIS_URL): Redis | undefined {
  if (!url) return undefined
  if (state.__drkRedis?.url !== url) {
    const client = new Redis(url, {
      // A signup should fail clearly rather than wait for a Redis that is away: commands fail
      // after a short retry instead of queuing without end.
      maxRetriesPerRequest: 2,
      connectTimeout: 5_000,
      // Keys of this project, apart from anything else kept in the same Redis database.
      keyPrefix: process.env.REDIS_KEY_PREFIX ?? 'drk:',
    })
    // ioredis reconnects by itself; without a listener an outage would crash the process.
    client.on('error', () => undefined)
    state.__drkRedis = { url, client }
  }
  return state.__drkRedis.client
}

/** Closes the connection (scripts and tests that end on their own). */
export async function closeRedis(): Promise<void> {
  const current = state.__drkRedis
  state.__drkRedis = undefined
  await current?.client.quit().catch(() => undefined)
}
