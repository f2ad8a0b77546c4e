/**
 * Old addresses of renamed documents. A document keeps the slugs it had (`previousSlugs`, kept
 * by the CMS); every address of the site made from slugs — a page or a calendar feed — then
 * answers at its old forms too, by a redirect to the current one. Chains do not arise: an old
 * slug leads straight to the current address, however often the document was renamed.
 *
 * No Astro imports here (lib/redirects.ts gathers the site's addresses), so it is unit-tested
 * on its own.
 */

/** A document as far as its addresses are concerned. */
export interface Named {
  id: string | number
  slug: string
  previousSlugs?: readonly string[] | null
  updatedAt?: string | null
}

/** One address of the site that exists in this build, made from the slugs of one or more documents. */
export interface Address {
  /** The documents whose slugs make the path, in the order `path` takes them (a department, then its activity). */
  documents: readonly Named[]
  path: (...slugs: string[]) => string
  /** Tags of the documents the address shows (lib/partial.ts). */
  tags?: readonly (string | undefined)[]
}

export interface Redirect {
  from: string
  to: string
  tags: string[]
}

/** What a slug made by the CMS looks like; anything else (a hand-edited database) makes no redirect. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The slugs a document answers to: its own first, then the ones it had. */
function slugsOf(document: Named): string[] {
  const previous = (document.previousSlugs ?? []).filter((slug) => slug !== document.slug && slugPattern.test(slug))
  return [document.slug, ...new Set(previous)]
}

/**
 * The department in an activity's page address, with the slugs of the departments the activity
 * moved from (`previousDepartmentSlugs`, kept by the CMS) as its old forms: the page it had under
 * each leads to the current one. Only for that activity's address: the department's own pages
 * are not moved.
 */
export function withDepartmentsLeft(department: Named, left: readonly string[] | null | undefined): Named {
  if (!left?.length) return department
  return { ...department, previousSlugs: [...(department.previousSlugs ?? []), ...left] }
}

/** Every way to pick one slug per document. */
const combinations = (lists: string[][]): string[][] => lists.reduce<string[][]>((all, list) => all.flatMap((picked) => list.map((slug) => [...picked, slug])), [[]])

const lastChange = (address: Address) => address.documents.reduce((latest, document) => ((document.updatedAt ?? '') > latest ? (document.updatedAt ?? '') : latest), '')

/**
 * The redirects of the given addresses, sorted by old path. An old path that is an address of
 * this build (another document took the slug) or one of `fixed` (sections such as
 * `aktiviteter/`) is never redirected: what is there now wins. When two documents once had the
 * same slug, the one changed last (the one that gave it up last) gets the old address.
 */
export function redirectsFrom(addresses: readonly Address[], fixed: Iterable<string> = []): Redirect[] {
  const current = new Set([...fixed, ...addresses.map((address) => address.path(...address.documents.map((document) => document.slug)))])
  const redirects = new Map<string, Redirect>()
  const newestFirst = [...addresses].sort((a, b) => lastChange(b).localeCompare(lastChange(a)))
  for (const address of newestFirst) {
    if (!address.documents.some((document) => document.previousSlugs?.length)) continue
    const to = address.path(...address.documents.map((document) => document.slug))
    const tags = (address.tags ?? []).filter((tag): tag is string => Boolean(tag))
    for (const slugs of combinations(address.documents.map(slugsOf))) {
      const from = address.path(...slugs)
      if (current.has(from) || redirects.has(from)) continue
      redirects.set(from, { from, to, tags })
    }
  }
  return [...redirects.values()].sort((a, b) => a.from.localeCompare(b.from))
}

/** A path the rules files may carry: absolute on this site, printable ASCII, no whitespace. */
const safePath = (path: string) => /^\/(?![/\\])[\x21-\x7e]*$/.test(path)

/**
 * Cloudflare Pages reads at most 2,000 static rules from `_redirects`, each at most 1,000
 * characters (developers.cloudflare.com/pages/configuration/redirects/). Netlify has no such
 * limit; nginx's map (below) none either.
 */
export const redirectsFileLimits = { rules: 2000, lineLength: 1000 }

/**
 * `_redirects` as Netlify and Cloudflare Pages read it: `from to 301`, one a line. Cloudflare
 * applies a rule even where a file exists; Netlify serves the file (the redirect page) unless a
 * rule is forced with `301!`, which Cloudflare refuses, so the plain form is written.
 *
 * Over Cloudflare's limit (some hundred renames: each gives a rule per language and feed), the
 * feeds' rules are kept first: a calendar app follows only an HTTP redirect, while an old page
 * also has its redirect page (lib/redirects.ts), which still leads on. The file says how many
 * were left out, and so does the build's log (pages/[rules].ts).
 */
export function redirectsFile(redirects: readonly { from: string; to: string }[], limits = redirectsFileLimits): string {
  const { lines, leftOut } = redirectsFileLines(redirects, limits)
  return [
    '# Old addresses of renamed pages and calendar feeds (made by the site build; see README, "Production").',
    ...(leftOut ? [`# ${leftOut} rules left out: Cloudflare Pages reads at most ${limits.rules} rules of at most ${limits.lineLength} characters. Old pages still lead on through their redirect pages.`] : []),
    ...lines,
    '',
  ].join('\n')
}

/** The lines of `_redirects` (in the order given), and how many were left out for Cloudflare's limits. */
export function redirectsFileLines(redirects: readonly { from: string; to: string }[], limits = redirectsFileLimits): { lines: string[]; leftOut: number } {
  const usable = redirects.filter(({ from, to }) => safePath(from) && safePath(to)).map(({ from, to }) => `${from} ${to} 301`)
  const fitting = usable.filter((line) => line.length <= limits.lineLength)
  const isFeed = (line: string) => line.split(' ')[0]!.endsWith('.ics')
  const kept = new Set(fitting.length <= limits.rules ? fitting : [...fitting.filter(isFeed), ...fitting.filter((line) => !isFeed(line))].slice(0, limits.rules))
  return { lines: usable.filter((line) => kept.has(line)), leftOut: usable.length - kept.size }
}

/**
 * The same rules as an nginx `map` (include it in the `http` block; in the `server` block:
 * `if ($drk_redirect) { return 301 $drk_redirect$is_args$args; }`).
 */
export function nginxRedirectMap(redirects: readonly { from: string; to: string }[]): string {
  const lines = redirects.filter(({ from, to }) => safePath(from) && safePath(to) && !/[;"'{}$]/.test(from + to)).map(({ from, to }) => `    ${from} ${to};`)
  return [
    '# Old addresses of renamed pages and calendar feeds (made by the site build; see README, "Production").',
    '# http { include redirects.nginx.conf; }   server { if ($drk_redirect) { return 301 $drk_redirect$is_args$args; } }',
    'map $uri $drk_redirect {',
    '    default "";',
    ...lines,
    '}',
    '',
  ].join('\n')
}
