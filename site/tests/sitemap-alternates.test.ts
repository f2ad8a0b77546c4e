import { describe, expect, it } from 'vitest'

// The plugin's own generator (not exported by its package), to compare against.
import { generateSitemap } from '../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js'
import { sitemapAlternates } from '../src/lib/sitemap-alternates'

const site = 'https://integration.example.org'

interface Item {
  url: string
  links?: { url: string; lang: string }[]
}
/** The plugin's entry for a page (it must have one). */
const entry = (items: Item[], url: string): Item => {
  const found = items.find((item) => item.url === url)
  if (!found) throw new Error(`no entry for ${url}`)
  return found
}
const locales = ['da', 'en', 'ar', 'ti']

describe('the sitemap’s language versions', () => {
  it('are those @astrojs/sitemap’s i18n option writes, in its order, for pages in one, some or all languages', () => {
    const pages = [
      ...locales.flatMap((lang) => [`${site}/${lang}/`, `${site}/${lang}/find/side-10/`, `${site}/${lang}/find/side-2/`, `${site}/${lang}/afdelinger/aarhus/`]),
      `${site}/da/kun-dansk/`,
      `${site}/en/only-english/`,
      `${site}/ar/afdelinger/odense/`,
      `${site}/ti/afdelinger/odense/`,
      `${site}/feed.xml`,
      `${site}/da/404/`,
    ].reverse()
    const accepted = (url: string) => !url.endsWith('/404/')
    const alternates = sitemapAlternates(site, locales, 'da', accepted)
    const listed = pages.filter((url) => alternates.filter(url))
    expect(listed).toEqual(pages.filter(accepted))
    const ours = generateSitemap(listed, `${site}/`, {}).map((item: Item) => alternates.serialize(item))
    const plugin: Item[] = generateSitemap(listed, `${site}/`, { i18n: { defaultLocale: 'da', locales: Object.fromEntries(locales.map((code) => [code, code])) } })
    expect(ours).toEqual(plugin)
    // Something to compare: pages with four, two and no language versions.
    expect(entry(plugin, `${site}/ar/find/side-10/`).links).toHaveLength(4)
    expect(entry(plugin, `${site}/ti/afdelinger/odense/`).links?.map((link) => link.lang)).toEqual(['ar', 'ti'])
    expect(entry(plugin, `${site}/da/kun-dansk/`).links).toBeUndefined()
  })

  it('starts afresh for the next build in the same process', () => {
    const alternates = sitemapAlternates(site, locales, 'da', () => true)
    for (const url of [`${site}/da/x/`, `${site}/en/x/`]) alternates.filter(url)
    expect(alternates.serialize<Item>({ url: `${site}/da/x/` }).links).toHaveLength(2)
    // A second build lists only the Danish page.
    alternates.filter(`${site}/da/x/`)
    expect(alternates.serialize<Item>({ url: `${site}/da/x/` }).links).toBeUndefined()
    // A build that stopped before its sitemap was written: the next one begins with reset (astro:config:done).
    for (const url of [`${site}/da/y/`, `${site}/en/y/`]) alternates.filter(url)
    alternates.reset()
    alternates.filter(`${site}/da/y/`)
    expect(alternates.serialize<Item>({ url: `${site}/da/y/` }).links).toBeUndefined()
  })
})
