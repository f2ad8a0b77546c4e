import path from 'node:path'

/**
 * Where the CMS and the site are when nothing says otherwise, read the same way by the CMS, the
 * site's build, the release script and the start/build/test scripts. Ports 3000 and 4321 are the
 * documented local addresses; CMS_URL and SITE_URL win over the ports, and SITE_RELEASES_DIR
 * moves the releases (tests give each environment its own).
 *
 * Node runs this file directly from the scripts (stripping its types), so it imports nothing of
 * ours and only erasable TypeScript is used.
 */
type Env = Record<string, string | undefined>

export const defaultPorts = { cms: 3000, site: 4321 } as const

export const cmsPort = (env: Env = process.env): number => Number(env.CMS_PORT ?? defaultPorts.cms)
export const sitePort = (env: Env = process.env): number => Number(env.SITE_PORT ?? defaultPorts.site)

/** This machine at a port. */
export const localUrl = (port: number): string => `http://localhost:${port}`

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '')

/** The CMS's address (CMS_URL, else localhost at CMS_PORT), without a trailing slash. */
export const cmsUrl = (env: Env = process.env): string => withoutTrailingSlash(env.CMS_URL ?? localUrl(cmsPort(env)))

/** The public site's address (SITE_URL, else localhost at SITE_PORT), without a trailing slash. */
export const siteUrl = (env: Env = process.env): string => withoutTrailingSlash(env.SITE_URL ?? localUrl(sitePort(env)))

/** The folder of the site's releases (SITE_RELEASES_DIR, else `releases/` in the site's folder). */
export const releasesDir = (siteDir: string, env: Env = process.env): string => path.resolve(env.SITE_RELEASES_DIR ?? path.join(siteDir, 'releases'))
