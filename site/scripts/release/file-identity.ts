import fs from 'node:fs'

/**
 * A file's identity (device, inode, size, time): what the release code remembers a file's
 * reading by. A partial build's unchanged files are hard links to the served release's, so they
 * have the same identity; a file written anew has another.
 */
export function fileIdentity(file: string): string {
  const stat = fs.statSync(file)
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`
}
