/**
 * The site's lazy chunks (the finder's filters, the map's drawing code) are fetched on a tap, never
 * on a first visit. Vite wraps each dynamic import() in a helper that preloads the chunk's own
 * imports beside it (`build.modulePreload`); that helper is a chunk of its own, 0.7 KiB
 * compressed, which every page with such an import loads on its first visit, before anything is
 * tapped. This plugin turns the preloading off (Vite then lists only stylesheets for the helper)
 * and gives Vite a helper that only adds those stylesheets, then imports the chunk. The cost: a
 * lazy chunk's own imports are fetched after it, one round trip later, after the tap.
 */
import type { Plugin } from 'vite'

// Vite's own names (vite/src/node/plugins/importAnalysisBuild.ts): the helper's module and export.
const preloadHelperId = '\0vite/preload-helper.js'

export function lazyChunksWithoutPreload(): Plugin {
  let base = '/'
  return {
    name: 'drk:lazy-chunks-without-preload',
    // Before Vite's own import-analysis plugin, which would load its helper for the same id.
    enforce: 'pre',
    config: () => ({ build: { modulePreload: false } }),
    configResolved(config) {
      base = config.base
    },
    resolveId(id) {
      return id === preloadHelperId ? id : undefined
    },
    load(id) {
      if (id !== preloadHelperId) return undefined
      // `deps`: the stylesheets the chunk needs ("_astro/x.css", relative to the base), added as
      // <link>s and waited for, as Vite's helper does; then the chunk itself.
      const code = `export const __vitePreload = (load, deps) => Promise.all((deps || []).map((dep) => {
  const href = ${JSON.stringify(base)} + dep
  if (document.querySelector('link[rel="stylesheet"][href="' + href + '"]')) return
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = href
  document.head.append(link)
  return new Promise((resolve, reject) => { link.onload = resolve; link.onerror = () => reject(new Error('Unable to load ' + href)) })
})).then(() => load())`
      return { code, moduleSideEffects: false }
    },
  }
}
