import type { APIRoute, GetStaticPaths } from 'astro'

import { nginxRedirectMap, redirectsFile } from '../lib/redirect-rules'
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
  return new Response(write(await siteRedirects()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
