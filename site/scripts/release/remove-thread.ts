import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'

/**
 * remove.ts's thread: deletes folders with synchronous calls of its own. Node's asynchronous
 * `fs.promises.rm` queues one task per file in the pool of threads that every asynchronous file
 * call of the process shares: a release being deleted (215,000 files at 10× scale) held back the
 * next build's own file calls for 25 s.
 */
for (const dir of (workerData as { dirs: string[] }).dirs) {
  try {
    fs.rmSync(dir, { recursive: true, force: true })
  } catch {
    // Tidying: what is left is removed next time (releases.ts prune).
  }
}
parentPort!.postMessage('done')
