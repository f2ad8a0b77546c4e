import { Worker } from 'node:worker_threads'

/** Folders this process is deleting now: a prune that comes while a thread is at one leaves it to that thread. */
const removing = new Set<string>()

/**
 * Deletes folders in the background, in a thread of its own (remove-thread.ts), not in the pool
 * of threads the build's own file calls wait in. Resolves when they are gone (or could not be
 * removed: tidying never fails a build, and never rejects). The thread does not keep the process
 * alive: a command that ends first leaves the rest to the next prune.
 */
export function removeInBackground(dirs: string[]): Promise<void> {
  const mine = dirs.filter((dir) => !removing.has(dir))
  if (mine.length === 0) return Promise.resolve()
  for (const dir of mine) removing.add(dir)
  return new Promise<void>((resolve) => {
    const done = () => {
      for (const dir of mine) removing.delete(dir)
      resolve()
    }
    try {
      const worker = new Worker(new URL('./remove-thread.ts', import.meta.url), { workerData: { dirs: mine } })
      worker.unref()
      worker.once('message', done)
      worker.once('error', done)
      worker.once('exit', done)
    } catch {
      // No thread to be had (out of memory, too many threads): the next prune tries again.
      done()
    }
  })
}
