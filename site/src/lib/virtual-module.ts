import type { Plugin } from 'vite'

/**
 * A Vite plugin that answers one `virtual:` module with the code `load` makes: the shape of the
 * site's build-time modules (virtual:font-faces, virtual:service-worker).
 */
export function virtualModule(name: string, moduleId: string, load: () => Promise<string>): Plugin {
  const resolvedId = `\0${moduleId}`
  return {
    name,
    resolveId: (id) => (id === moduleId ? resolvedId : undefined),
    load: (id) => (id === resolvedId ? load() : undefined),
  }
}
