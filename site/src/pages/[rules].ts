import type { APIRoute, GetStaticPaths } from 'astro'

import { nginxRedirectMap, redirectsFile, redirectsFileLines } from '../lib/redirect-rules'
import { siteRedirects } from '../lib/redirects'

/**
 * The redirect rules of the release, at its root, for the host that serves it: `_redirects`
 * (Netlify, Cloudflare Pages, and scripts/static-server.mjs) and `redirects.nginx.conf` (an
 * nginx `map`). Every old page and feed address of a renamed document answers 301 with the
 * current one (see lib/redirects.ts). Written in every build, partial ones included: the list
 * always covers every document.
 */
const files = {
  _redirects: redirectsFile,
  'redirects.nginx.conf': nginxRedirectMap,
}

export const getStaticPaths = (() => Object.keys(files).map((rules) => ({ params: { rules } }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params }) => {
  const write = files[params.rules as keyof typeof files]
  const redirects = await siteRedirects()
  if (params.rules === '_redirects') {
    const { leftOut } = redirectsFileLines(redirects)
    // The build's log (the admin shows it): whoever hosts on Cloudflare learns why an old feed address went quiet.
    if (leftOut) console.warn(`_redirects: ${leftOut} rules left out (Cloudflare Pages reads at most 2,000); old pages still lead on through their redirect pages, old calendar feed addresses over the limit do not.`)
  }
  return new Response(write(redirects), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
