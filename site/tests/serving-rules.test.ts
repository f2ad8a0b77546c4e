import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { inlineHashes, pageOrigins, releaseHashes, writeServingRules } from '../scripts/release/serving-files'
import {
  cacheControlFor,
  cacheRules,
  contentSecurityPolicy,
  defaultCacheControl,
  headersFile,
  headersFor,
  nginxSiteConf,
  originOf,
  securityHeaders,
} from '../scripts/release/serving-rules'

const sha256 = (text: string) => `sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}`
const policy = { cmsOrigin: 'https://cms.example.org', tileOrigin: 'https://tile.openstreetmap.org', scriptHashes: ['sha256-a'], styleHashes: ['sha256-b'] }
const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((directive) => directive.split(' ')).map(([name, ...values]) => [name!, values]))

describe('serving rules: one source for every host', () => {
  it('the committed nginx server block is what the generator makes (npm run nginx-conf -w site)', () => {
    const committed = fs.readFileSync(new URL('../../deploy/nginx/site.conf', import.meta.url), 'utf8')
    expect(committed).toBe(nginxSiteConf())
  })

  it('caches hashed files a year, feeds and open data a quarter of an hour, and revalidates everything else', () => {
    expect(cacheControlFor('/_astro/BaseLayout.Cx1.css')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/pagefind/fragment/da_1a2b.pf_fragment')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/pagefind/pagefind.js')).toBe(defaultCacheControl)
    expect(cacheControlFor('/ar/kalender/alle.ics')).toBe('public, max-age=900')
    expect(cacheControlFor('/open-data/hsds/services.json')).toBe('public, max-age=900')
    for (const page of ['/', '/da/', '/da/find/', '/ti/afdelinger/aarhus/', '/sitemap-index.xml']) expect(cacheControlFor(page), page).toBe(defaultCacheControl)
  })

  it('no two cache classes can match one path (Cloudflare would join their Cache-Control values)', () => {
    for (const rule of cacheRules) {
      for (const other of cacheRules) if (rule !== other) expect(rule.prefix.startsWith(other.prefix), `${rule.prefix} / ${other.prefix}`).toBe(false)
    }
  })

  it('the policy allows scripts only from files and by hash, and names exactly the CMS and the tile server', () => {
    const csp = directives(contentSecurityPolicy(policy))
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-a'"])
    expect(csp['style-src']).toEqual(["'self'", "'sha256-b'"])
    expect(csp['connect-src']).toEqual(["'self'", 'https://cms.example.org'])
    expect(csp['form-action']).toEqual(["'self'", 'https://cms.example.org'])
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org'])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'")
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
  })

  it('takes the origins from the addresses the pages use (lib/public-urls.ts)', () => {
    expect(pageOrigins({ CMS_URL: 'http://localhost:3100/' })).toEqual({ cmsOrigin: 'http://localhost:3100', tileOrigin: 'https://tile.openstreetmap.org' })
    expect(pageOrigins({ CMS_URL: 'http://cms:3000', PUBLIC_CMS_URL: 'https://cms.rodekors.dk/', PUBLIC_MAP_TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png' })).toEqual({
      cmsOrigin: 'https://cms.rodekors.dk',
      tileOrigin: 'https://*.tiles.example',
    })
    expect(originOf('https://tiles.example:8443/a/{z}/{x}/{y}.png')).toBe('https://tiles.example:8443')
  })

  it('hashes inline scripts and styles as the browser does, and not external scripts or data blocks', () => {
    const html = [
      '<script>location.replace("/da/")</script>',
      '<script type="module">import "/_astro/a.js"</script>',
      '<script type="module" src="/_astro/b.js"></script>',
      '<script type="application/ld+json">{"@type":"Organization"}</script>',
      "<script is:inline type='application/json' data-map-markers>[]</script>",
      '<style>@font-face{font-family:x}</style>',
      '<noscript><style>[data-needs-script]{display:none!important}</style></noscript>',
    ].join('\n')
    expect(inlineHashes(html)).toEqual({
      scripts: [sha256('location.replace("/da/")'), sha256('import "/_astro/a.js"')],
      styles: [sha256('@font-face{font-family:x}'), sha256('[data-needs-script]{display:none!important}')],
    })
  })

  it('`_headers` and the nginx server block say the same as headersFor (the built-in server reads `_headers`: cms/tests/static-server.int.spec.ts)', () => {
    const csp = contentSecurityPolicy(policy)
    const file = headersFile(csp)
    expect(file).toContain(`/*\n  Content-Security-Policy: ${csp}\n`)
    for (const [name, value] of Object.entries(securityHeaders)) expect(file).toContain(`\n  ${name}: ${value}\n`)
    for (const rule of cacheRules) expect(file).toContain(`\n${rule.prefix}*\n  Cache-Control: ${rule.cacheControl}\n`)
    expect(file).not.toContain(defaultCacheControl)
    expect(headersFor('/_astro/x.js', csp)).toEqual({ 'Content-Security-Policy': csp, ...securityHeaders, 'Cache-Control': 'public, max-age=31536000, immutable' })
    const conf = nginxSiteConf()
    for (const [name, value] of Object.entries(securityHeaders)) expect(conf).toContain(`add_header ${name} "${value}" always;`)
    for (const rule of cacheRules) expect(conf).toContain(`~^${rule.prefix.replace(/[.]/g, '\\.')} "${rule.cacheControl}";`)
    expect(conf).toContain(`default "${defaultCacheControl}";`)
  })
})

describe('serving rules: written into a release', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  function release(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serving-rules-'))
    dirs.push(dir)
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), text)
    }
    return dir
  }

  it('writes _headers, headers.nginx.conf, the 404 rules once after the old addresses, and <lang>/404.html', () => {
    const dir = release({
      'index.html': '<script>go()</script>',
      'da/index.html': '<style>a{}</style><script>go()</script>',
      'da/404/index.html': '<html lang="da">404',
      'ar/404/index.html': '<html lang="ar">404',
      _redirects: '# old addresses\n/da/gammel/ /da/ny/ 301\n',
    })
    const env = { CMS_URL: 'http://localhost:3100' }
    const first = writeServingRules(dir, env)
    expect(first).toMatchObject({ scriptHashes: 1, styleHashes: 1 })
    expect(first.csp).toContain(`script-src 'self' 'wasm-unsafe-eval' '${sha256('go()')}'`)
    expect(fs.readFileSync(path.join(dir, '_headers'), 'utf8')).toContain(`Content-Security-Policy: ${first.csp}\n`)
    expect(fs.readFileSync(path.join(dir, 'headers.nginx.conf'), 'utf8')).toContain(`default "${first.csp}";`)
    writeServingRules(dir, env)
    const redirects = fs.readFileSync(path.join(dir, '_redirects'), 'utf8')
    expect(redirects.match(/^\/da\/\* \/da\/404\.html 404$/gm)).toHaveLength(1)
    expect(redirects.indexOf('/da/gammel/')).toBeLessThan(redirects.indexOf('/da/*'))
    expect(redirects.match(/^\/da\/gammel\/ \/da\/ny\/ 301$/gm)).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, 'ar/404.html'), 'utf8')).toBe('<html lang="ar">404')
    expect(fs.existsSync(path.join(dir, 'en/404.html'))).toBe(false)
  })

  it('never writes into a file a partial build shares with the served release', () => {
    const served = release({ 'da/index.html': '<script>old()</script>', 'da/404/index.html': 'old 404' })
    writeServingRules(served, {})
    const before = fs.readFileSync(path.join(served, '_headers'), 'utf8')
    const next = release({ 'da/index.html': '<script>new()</script>', 'da/404/index.html': 'new 404' })
    // As assemble.ts does: files the new build lacks are hard links to the served release's.
    for (const file of ['_headers', 'headers.nginx.conf', 'da/404.html']) fs.linkSync(path.join(served, file), path.join(next, file))
    writeServingRules(next, {})
    expect(fs.readFileSync(path.join(served, '_headers'), 'utf8')).toBe(before)
    expect(fs.readFileSync(path.join(served, 'da/404.html'), 'utf8')).toBe('old 404')
    expect(fs.readFileSync(path.join(next, 'da/404.html'), 'utf8')).toBe('new 404')
    expect(releaseHashes(next).scriptHashes).toEqual([sha256('new()')])
  })
})
