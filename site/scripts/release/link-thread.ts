import { parentPort, workerData } from 'node:worker_threads'

import { fillFrom } from './assemble.ts'

/** assemble.ts `startLinking`'s thread: hard-links the served release into a folder of its own while the pages render. */
const { baseDir, linkedDir } = workerData as { baseDir: string; linkedDir: string }
parentPort!.postMessage(fillFrom(baseDir, linkedDir, []))
