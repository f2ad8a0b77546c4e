/**
 * The sitemap's language versions of each page (`<xhtml:link rel="alternate" hreflang>`), as
 * @astrojs/sitemap's `i18n` option writes them, grouped in one pass. The option itself compares
 * every page's address with every other's: 9 s of a 10× build's 5 minutes, growing with the
 * square of the pages. Same links, same order: the pages sorted as the plugin sorts them, a
 * language's link only where two or more language versions exist.
 */

interface SitemapItem {
  url: string
  links?: { url: string; lang: string }[]
}

export interface SitemapAlternates {
  /** The sitemap's `filter`: passes `accept`'s answer on, remembering the pages it lets in. */
  filter: (url: string) => boolean
  /** The sitemap's `serialize`: each page with its language versions. */
  serialize: <T extends SitemapItem>(item: T) => T
  /** Forgets the pages listed: a new build begins (the build worker runs many in one process). */
  reset: () => void
}

export function sitemapAlternates(siteUrl: string, localeCodes: readonly string[], defaultLocale: string, accept: (url: string) => boolean): SitemapAlternates {
  const base = new URL('/', siteUrl).href
  const languages = new Set(localeCodes)
  let listed: string[] = []
  let groups: Map<string, { url: string; lang: string }[]> | undefined
  /** The page's language and its path within it (parseI18nUrl of @astrojs/sitemap). */
  const parse = (url: string): { locale: string; path: string } | undefined => {
    if (!url.startsWith(base)) return undefined
    let rest = url.slice(base.length)
    if (!rest || rest === '/') return { locale: defaultLocale, path: '/' }
    if (rest[0] !== '/') rest = `/${rest}`
    const locale = rest.split('/')[1]!
    if (languages.has(locale)) return { locale, path: rest.slice(1 + locale.length) || '/' }
    return { locale: defaultLocale, path: rest }
  }
  const reset = () => {
    listed = []
    groups = undefined
  }
  return {
    reset,
    filter(url) {
      // A new build in the same process (the build worker): the last one's pages are done with.
      if (groups) reset()
      const keep = accept(url)
      if (keep) listed.push(url)
      return keep
    },
    serialize(item) {
      if (!groups) {
        groups = new Map()
        for (const url of [...listed].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
          const parsed = parse(url)
          if (!parsed) continue
          let group = groups.get(parsed.path)
          if (!group) groups.set(parsed.path, (group = []))
          group.push({ url, lang: parsed.locale })
        }
      }
      const parsed = parse(item.url)
      const links = parsed && groups.get(parsed.path)
      return links && links.length > 1 ? { ...item, links } : item
    },
  }
}
