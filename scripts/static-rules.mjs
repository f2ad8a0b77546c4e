// The rules files of a release, as scripts/static-server.mjs reads them: `_redirects` and
// `_headers` in the Netlify / Cloudflare Pages formats that the site build writes
// (site/scripts/release/serving-rules.ts). Only what is safe to honour is kept.

/** A rule's path: on this site (one leading `/`), printable ASCII, no backslash, no pattern (`*`, `:name`). */
const rulePath = /^\/(?![/\\])[\x21-\x7e]*$/
const patternOrTrick = /[\\*]|\/:/

/**
 * The exact-path rules of a `_redirects` file (the Netlify / Cloudflare Pages format the site
 * build writes: `from to 301`). Lines this server cannot honour safely are skipped: patterns,
 * status codes other than redirects, and any target that is not a path on this site, so no
 * rule can send a reader elsewhere. The first rule for a path wins, as on those hosts.
 *
 * @param {string} text
 * @returns {Map<string, { to: string, status: number }>}
 */
export function parseRedirectRules(text) {
  const rules = new Map()
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    if (!trimmed || trimmed.startsWith('#')) continue
    const [from, to, status = '302', ...rest] = trimmed.split(/\s+/)
    if (rest.length || !/^30[1278]$/.test(status)) continue
    if (!rulePath.test(from) || !rulePath.test(to) || patternOrTrick.test(from) || patternOrTrick.test(to)) continue
    if (!rules.has(from)) rules.set(from, { to, status: Number(status) })
  }
  return rules
}

/** Headers a rules file may not set: they describe the answer's framing, which is this server's. */
const framingHeaders = new Set(['content-length', 'content-type', 'content-encoding', 'transfer-encoding', 'connection', 'location', 'vary', 'set-cookie'])
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/**
 * The rules of a `_headers` file (the Netlify / Cloudflare Pages format the site build writes: a
 * path, `*` standing for any characters, then indented `Name: value` lines). Every rule whose
 * path matches applies, a later one's header replacing an earlier one's. Placeholders
 * (`:name`), `!` detach lines and headers about the answer's framing are skipped.
 *
 * @param {string} text
 * @returns {{ pattern: RegExp, headers: [string, string][] }[]}
 */
export function parseHeaderRules(text) {
  const rules = []
  let current
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      const from = line.trim()
      current = rulePath.test(from) && !/\/:|\\/.test(from) ? { pattern: new RegExp(`^${from.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`), headers: [] } : undefined
      if (current) rules.push(current)
      continue
    }
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (!current || colon === -1 || !headerName.test(name) || framingHeaders.has(name.toLowerCase()) || !/^[\x20-\x7e]*$/.test(value)) continue
    current.headers.push([name, value])
  }
  return rules
}

/** The headers the rules give a path (as written: the names' case is kept). */
export function headersFromRules(rules, pathname) {
  const headers = {}
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue
    for (const [name, value] of rule.headers) {
      for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key]
      headers[name] = value
    }
  }
  return headers
}
