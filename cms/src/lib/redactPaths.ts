import { repoRoot } from './paths'

/**
 * Server paths in text shown in the admin (build logs and errors): paths inside the project
 * become relative to it, any other absolute path keeps only its last part ("…/index.html"). They
 * told anyone reading the log where and as whom the CMS runs, and helped nobody fix content.
 * A URL's path ("http://host/api/x") is left alone: it follows ':', '/' or a word character.
 */
export function redactServerPaths(text: string, root = repoRoot): string {
  const withinProject = text.split(`${root}/`).join('').split(root).join('.')
  return withinProject.replace(/(?<![\w.:/~-])\/(?:[^\s/'"`:()[\]{}<>,;]+\/)+([^\s/'"`:()[\]{}<>,;]*)/g, (_path, last: string) => `…/${last}`)
}
