import os from 'node:os'

import { repoRoot } from './paths'

/**
 * Server paths in text shown in the admin (build logs and errors): paths inside the project
 * become relative to it; a path under one of the server's own top-level folders (/tmp, /var,
 * /home, …) or one that climbs out with "../" keeps only its last part ("…/index.html"). They
 * told anyone reading the log where and as whom the CMS runs, and helped nobody fix content.
 * The site's own paths ("/da/afdelinger/herning/") and URLs are left alone: editors need them
 * to find what a message is about.
 */
const topFolder = (folder: string) => folder.split('/')[1] ?? ''
const serverFolders = [...new Set(['tmp', 'var', 'home', 'root', 'usr', 'opt', 'srv', 'etc', 'mnt', 'media', 'run', 'proc', 'sys', 'dev', 'work', 'private', 'Users', 'nix', topFolder(os.tmpdir()), topFolder(os.homedir())])]
  .filter((folder) => /^[\w.-]+$/.test(folder))
const segment = `[^\\s/'"\`:()[\\]{}<>,;]`
const serverPath = new RegExp(`(?<![\\w.:/~-])(?:/(?:${serverFolders.join('|')})(?=[/\\s]|$)|(?:\\.\\./)+${segment}+)((?:/${segment}+)*)/?`, 'g')

export function redactServerPaths(text: string, root = repoRoot): string {
  const withinProject = text.split(`${root}/`).join('').split(root).join('.')
  return withinProject.replace(serverPath, (_path, rest: string) => `…/${rest.split('/').at(-1) ?? ''}`)
}
