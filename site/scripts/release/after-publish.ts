import { execFile } from 'node:child_process'

/**
 * SITE_AFTER_PUBLISH: a shell command run after each new release is served, e.g.
 * `sudo /usr/sbin/nginx -s reload` (nginx reads a release's Content-Security-Policy and redirect
 * map only on reload, deploy/nginx/site.conf) or a CDN purge. It gets RELEASE (the release's name)
 * and RELEASE_DIR. The release is served already, so a failing command does not fail the build:
 * its outcome goes into the build log, for the admin to see.
 */
export function afterPublish(releaseDir: string, release: string, log: (line: string) => void, command = process.env.SITE_AFTER_PUBLISH): Promise<boolean | null> {
  if (!command?.trim()) return Promise.resolve(null)
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { env: { ...process.env, RELEASE: release, RELEASE_DIR: releaseDir }, timeout: 60_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim().split('\n').slice(-5).join(' | ')
      if (error) log(`SITE_AFTER_PUBLISH failed (${error.killed ? 'stopped after 60 s' : `exit code ${error.code}`})${output ? `: ${output}` : ''}. The new release is served.`)
      else log(`SITE_AFTER_PUBLISH done${output ? `: ${output}` : ''}.`)
      resolve(!error)
    })
  })
}
