#!/usr/bin/env node
// The build worker (release/worker.ts): started by the CMS's build task, it stays up between
// publishes and builds releases with Astro already loaded. By hand, use release.mjs build.
import { runWorker } from './release/worker.ts'

await runWorker()
