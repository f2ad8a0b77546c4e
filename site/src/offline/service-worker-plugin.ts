/**
 * `virtual:service-worker`: the service worker (./service-worker.ts with what it imports from
 * core/), bundled and minified by esbuild into one classic script, as `source`. src/pages/sw.js.ts
 * serves it as /sw.js with each language's notes above it. A phone downloads it once per change.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'
import type { Plugin } from 'vite'

const virtualId = 'virtual:service-worker'
const resolvedVirtualId = `\0${virtualId}`
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'service-worker.ts')

export function serviceWorker(): Plugin {
  return {
    name: 'drk:service-worker',
    resolveId(id) {
      return id === virtualId ? resolvedVirtualId : undefined
    },
    async load(id) {
      if (id !== resolvedVirtualId) return undefined
      const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: 'iife', target: 'es2020', legalComments: 'none', logLevel: 'silent' })
      for (const file of result.outputFiles) this.addWatchFile?.(file.path)
      return `export const source = ${JSON.stringify(result.outputFiles[0]!.text)}`
    },
  }
}
