#!/usr/bin/env node
// Atomic site releases: `node site/scripts/release.mjs build [--result <file>] | rollback | status`.
// The code is in release/ (TypeScript, run by Node directly): cli.ts, build.ts and one module per
// step; the shapes passed between the build, the release code and the CMS are core/release.ts.
import { main } from './release/cli.ts'

process.exit(await main(process.argv.slice(2)))
