/**
 * How a release is served, in one place: what is cached how long, the security headers, the
 * per-language 404 pages, and where the redirects come from. Every host is told the same from
 * here: `_headers` and `_redirects` (Netlify, Cloudflare Pages), the nginx server block
 * (`deploy/nginx/site.conf`, committed; `npm run nginx-conf -w site` writes it) with the
 * release's own part beside it (`headers.nginx.conf`), and `npm start`'s own server
 * (scripts/static-server.mjs reads the release's `_headers`).
 *
 * Node runs this file directly (stripping its types): erasable TypeScript, imports with `.ts`.
 */
import { localeCodes } from '../../../core/locales.ts'

/** What the release's pages reach beyond their own origin, and the inline scripts and styles they carry. */
export interface PagePolicy {
  /** Origins (scheme://host[:port]) the signup form posts to and the places script asks. */
  cmsOrigin: string
  /** Origin of the map's tiles; a `{s}` subdomain template becomes a `*.` wildcard. */
  tileOrigin: string
  /** `sha256-…` of each inline script and `<style>` element in the release's HTML. */
  scriptHashes: readonly string[]
  styleHashes: readonly string[]
}

const year = 365 * 24 * 60 * 60

/**
 * Anything not named below: HTML pages above all. Revalidated on every use (a cheap 304), so a
 * publish is live at once, as the admin promises. It is also what Netlify and Cloudflare Pages
 * send by themselves, which is why `_headers` need not say it (a second Cache-Control for the
 * same path would be joined to the first on Cloudflare).
 */
export const defaultCacheControl = 'public, max-age=0, must-revalidate'

/**
 * Cache classes by path prefix. The prefixes never overlap, so exactly one rule's Cache-Control
 * applies to any path on every host.
 */
export const cacheRules: readonly { prefix: string; cacheControl: string; why: string }[] = [
  // Astro names every bundled script, stylesheet and font subset by its content.
  { prefix: '/_astro/', cacheControl: `public, max-age=${year}, immutable`, why: 'named by their content' },
  // Pagefind names its index chunks by their content; pagefind.js and the entry file are not.
  ...['fragment', 'index', 'filter'].map((dir) => ({ prefix: `/pagefind/${dir}/`, cacheControl: `public, max-age=${year}, immutable`, why: 'search index chunks, named by their content' })),
  // Calendar apps poll feeds every few hours; open data is fetched by programs. A quarter of an
  // hour spares the host without leaving anyone far behind a publish.
  ...localeCodes.map((lang) => ({ prefix: `/${lang}/kalender/`, cacheControl: 'public, max-age=900', why: 'calendar feeds' })),
  { prefix: '/open-data/', cacheControl: 'public, max-age=900', why: 'open data (HSDS)' },
]

/** The Cache-Control of a path on every host. */
export function cacheControlFor(pathname: string): string {
  return cacheRules.find((rule) => pathname.startsWith(rule.prefix))?.cacheControl ?? defaultCacheControl
}

/** Sent with every answer, on every host. The Content-Security-Policy is the release's own (contentSecurityPolicy). */
export const securityHeaders = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  // "Near me" in the finder asks for the position; nothing else of the kind is used, by anyone.
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
} as const

/** Files at the release root that tell hosts how to serve it; no host hands them out. */
export const rulesFiles = ['_headers', '_redirects', 'redirects.nginx.conf', 'headers.nginx.conf'] as const

/** `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example`. */
export function originOf(url: string): string {
  const templated = url.replace(/\{s\}/g, 'subdomain-placeholder')
  const origin = new URL(templated).origin
  return origin.replace('subdomain-placeholder', '*')
}

/**
 * The policy: only the site's own files, plus exactly the CMS (forms, places figure) and the
 * tile server (map images). Scripts run only from files or by hash, never `unsafe-inline`;
 * `wasm-unsafe-eval` lets Pagefind's search compile its WebAssembly, which runs no script.
 * Inline `<style>` elements (the per-language @font-face, the finder's no-JavaScript rules) are
 * allowed by hash too; style attributes set by script (Leaflet positions its tiles so) are CSSOM
 * changes, which a policy does not govern.
 */
export function contentSecurityPolicy({ cmsOrigin, tileOrigin, scriptHashes, styleHashes }: PagePolicy): string {
  const quoted = (hashes: readonly string[]) => hashes.map((hash) => `'${hash}'`)
  const cms = cmsOrigin === '' ? [] : [cmsOrigin]
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...quoted(scriptHashes)].join(' '),
    ['style-src', "'self'", ...quoted(styleHashes)].join(' '),
    ['img-src', "'self'", 'data:', tileOrigin].join(' '),
    "font-src 'self'",
    ['connect-src', "'self'", ...cms].join(' '),
    ['form-action', "'self'", ...cms].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Every header a path gets, in the order hosts send them. */
export function headersFor(pathname: string, csp: string): Record<string, string> {
  return { 'Content-Security-Policy': csp, ...securityHeaders, 'Cache-Control': cacheControlFor(pathname) }
}

/** `_headers` (Netlify, Cloudflare Pages; scripts/static-server.mjs reads it too). */
export function headersFile(csp: string): string {
  const lines = ['# How to serve this release (made by site/scripts/release/serving-rules.ts; see docs/deploy.md).', '/*', `  Content-Security-Policy: ${csp}`]
  for (const [name, value] of Object.entries(securityHeaders)) lines.push(`  ${name}: ${value}`)
  for (const rule of cacheRules) lines.push(`# ${rule.why}`, `${rule.prefix}*`, `  Cache-Control: ${rule.cacheControl}`)
  return `${lines.join('\n')}\n`
}

/** The page a missing path answers with: its language's, else the multilingual one. */
export const notFoundPages = {
  /** Astro writes `[lang]/404.astro` as `<lang>/404/index.html`; Cloudflare Pages looks for `<lang>/404.html`. */
  perLanguage: (lang: string) => `/${lang}/404.html`,
  fallback: '/404.html',
}

/**
 * `_redirects` lines after the release's own (old addresses, written by the Astro build): a
 * missing path under a language answers 404 with that language's page. Netlify applies them
 * only where no file exists; Cloudflare Pages skips them (no 404 status in its rules) and finds
 * the nearest `404.html` by itself, and scripts/static-server.mjs skips patterns.
 */
export function notFoundRedirects(): string[] {
  return localeCodes.map((lang) => `/${lang}/* ${notFoundPages.perLanguage(lang)} 404`)
}

/** A string as an nginx quoted value. */
const nginxQuoted = (value: string) => `"${value.replace(/["\\$]/g, (character) => `\\${character}`)}"`

/** The release's own part of the nginx configuration (http block): its Content-Security-Policy. */
export function nginxHeadersMap(csp: string): string {
  return [
    '# This release\'s Content-Security-Policy (made by site/scripts/release/serving-rules.ts), for deploy/nginx/site.conf.',
    'map $host $drk_content_security_policy {',
    `    default ${nginxQuoted(csp)};`,
    '}',
    '',
  ].join('\n')
}

export interface NginxSite {
  /** The served release, a path that a new release replaces (the `current` symlink). */
  root: string
  listen: string[]
  serverName: string
  /** Where the release's own nginx files are read from (default: the release itself; the e2e test adds a rule to a copy). */
  rulesDir?: string
}

export const productionNginxSite: NginxSite = { root: '/srv/drk/site/releases/current', listen: ['80', '[::]:80'], serverName: '_' }

/**
 * The nginx server block, for the `http` block (`/etc/nginx/conf.d/`). It includes two files of
 * the served release, so `nginx -s reload` after a release takes its redirects and policy.
 */
export function nginxSiteConf(site: NginxSite = productionNginxSite): string {
  const langs = localeCodes.join('|')
  const header = (name: string, value: string) => `    add_header ${name} ${value} always;`
  return [
    '# The public site (made by site/scripts/release/serving-rules.ts: `npm run nginx-conf -w site`; do not edit by hand).',
    '# Put it in the http block (e.g. /etc/nginx/conf.d/drk-site.conf) and run `nginx -s reload` after each release:',
    '# the two files included here are the served release\'s own (old addresses, its Content-Security-Policy).',
    `include ${site.rulesDir ?? site.root}/redirects.nginx.conf;`,
    `include ${site.rulesDir ?? site.root}/headers.nginx.conf;`,
    '',
    'map $uri $drk_cache_control {',
    `    default ${nginxQuoted(defaultCacheControl)};`,
    ...cacheRules.map((rule) => `    ~^${rule.prefix.replace(/[.]/g, '\\.')} ${nginxQuoted(rule.cacheControl)};`),
    '}',
    '',
    'server {',
    ...site.listen.map((address) => `    listen ${address};`),
    `    server_name ${site.serverName};`,
    `    root ${site.root};`,
    '    index index.html;',
    '    charset utf-8;',
    '    charset_types text/css text/javascript application/json application/xml text/plain text/calendar image/svg+xml;',
    // Missing pages are answered (the 404 pages); they are not server errors to log.
    '    log_not_found off;',
    '    server_tokens off;',
    // A directory without its slash gets `Location: /da/x/`, on this site, with the query kept.
    '    absolute_redirect off;',
    '',
    '    types {',
    '        text/html html;',
    '        text/css css;',
    '        text/javascript js mjs;',
    '        application/json json;',
    '        application/xml xml;',
    '        text/plain txt;',
    '        text/calendar ics;',
    '        image/svg+xml svg;',
    '        image/png png;',
    '        image/jpeg jpg jpeg;',
    '        image/webp webp;',
    '        image/avif avif;',
    '        image/x-icon ico;',
    '        font/woff2 woff2;',
    '        application/wasm wasm;',
    '    }',
    '    default_type application/octet-stream;',
    '',
    // Precompressed `.gz` files are served where a build wrote them, else text is compressed on the fly.
    '    gzip on;',
    '    gzip_static on;',
    '    gzip_vary on;',
    '    gzip_min_length 256;',
    '    gzip_types text/css text/javascript application/json application/xml text/plain text/calendar image/svg+xml;',
    '',
    header('Content-Security-Policy', '$drk_content_security_policy'),
    ...Object.entries(securityHeaders).map(([name, value]) => header(name, nginxQuoted(value))),
    header('Cache-Control', '$drk_cache_control'),
    '',
    // Old addresses of renamed pages and feeds: a real 301, before their redirect pages.
    '    if ($drk_redirect) {',
    '        return 301 $drk_redirect$is_args$args;',
    '    }',
    '',
    `    error_page 404 ${notFoundPages.fallback};`,
    // A named capture: a numbered one would be overwritten by the time the 404 happens.
    `    location ~ ^/(?<drk_lang>${langs})/ {`,
    '        error_page 404 /$drk_lang/404.html;',
    '    }',
    `    location ~ ^/(${rulesFiles.map((file) => file.replace(/[.]/g, '\\.')).join('|')})$ {`,
    '        return 404;',
    '    }',
    '}',
    '',
  ].join('\n')
}
