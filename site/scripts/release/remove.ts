import { Worker } from 'node:worker_threads'

/**
 * Deletes folders in the background, in a thread of its own (remove-thread.ts), not in the pool
 * of threads the build's own file calls wait in. Resolves when they are gone (or could not be
 * removed: tidying never fails a build). The thread does not keep the process alive: a command
 * that ends first leaves the rest to the next prune.
 */
export function removeInBackground(dirs: string[]): Promise<void> {
  if (dirs.length === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./remove-thread.ts', import.meta.url), { workerData: { dirs } })
    worker.unref()
    worker.once('message', () => resolve())
    worker.once('error', () => resolve())
    worker.once('exit', () => resolve())
  })
}
