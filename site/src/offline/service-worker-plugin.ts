/**
 * `virtual:service-worker`: the service worker (./service-worker.ts with what it imports from
 * core/), bundled and minified by esbuild into one classic script, as `source`. src/pages/sw.js.ts
 * serves it as /sw.js with each language's notes above it. A phone downloads it once per change.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'
import type { Plugin } from 'vite'

import { virtualModule } from '../lib/virtual-module'

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'service-worker.ts')

export const serviceWorker = (): Plugin =>
  virtualModule('drk:service-worker', 'virtual:service-worker', async () => {
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: 'iife', target: 'es2020', legalComments: 'none', logLevel: 'silent' })
    return `export const source = ${JSON.stringify(result.outputFiles[0]!.text)}`
  })
