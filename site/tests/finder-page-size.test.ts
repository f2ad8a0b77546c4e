// The finder page's first round trip does not grow with the number of activities: its filters,
// first results and links (the parts lib/finder.ts's data fills in) are rendered here from the
// demo content and from ten and a hundred times as many departments, activities and events
// (each department in a municipality of its own, as the 10× bench data has them), and their
// compressed size is compared. The page's frame (header, footer) does not depend on listings.
import zlib from 'node:zlib'

import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { describe, expect, it } from 'vitest'

import FinderBrowse from '../src/components/FinderBrowse.astro'
import FinderFilters from '../src/components/FinderFilters.astro'
import FinderPaged from '../src/components/FinderPaged.astro'
import { useTranslations, type LocaleCode } from '../src/i18n'
import { finderPageSize } from '../src/lib/finder-card'
import { finderCards, finderIndex } from '../src/lib/finder-cards'
import { expandFinderIndex } from '../src/lib/finder-index'
import { finderDataFrom } from '../src/lib/finder'
import { activities, content, departments, events, localized, now } from './fixtures'

const regions = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const

/** The demo content, and `times` more copies of each department (in a new municipality), its activities and events. */
function scaled(lang: LocaleCode, times: number) {
  const base = content(lang)
  const copies = Array.from({ length: times }, (_, n) => n + 1)
  const departmentCopies = copies.flatMap((n) =>
    Object.values(departments).map((department, index) =>
      localized({ ...department, id: 10_000 * n + department.id, slug: `${department.slug}-${n}`, name: `${department.name} ${n}`, municipality: `Benchkommune ${n}-${index}`, region: regions[n % regions.length]! }, lang),
    ),
  )
  const copyOf = (n: number, departmentId: number) => 10_000 * n + departmentId
  return {
    ...base,
    departments: [...base.departments, ...departmentCopies],
    activities: [...base.activities, ...copies.flatMap((n) => Object.values(activities).map((activity) => localized({ ...activity, id: 10_000 * n + activity.id, slug: `${activity.slug}-${n}`, department: copyOf(n, activity.department as number) }, lang)))],
    events: [...base.events, ...copies.flatMap((n) => Object.values(events).map((event) => localized({ ...event, id: 10_000 * n + event.id, slug: `${event.slug}-${n}`, department: copyOf(n, event.department as number) }, lang)))],
  }
}

async function finderBytes(lang: LocaleCode, times: number) {
  const data = finderDataFrom(lang, scaled(lang, times) as ReturnType<typeof content>, now)
  const t = useTranslations(lang)
  const cards = finderCards(lang, t, data.entries, data.events)
  const container = await AstroContainer.create()
  const locals = { lang, t }
  const html = [
    await container.renderToString(FinderFilters, { props: { data, indexed: { total: cards.length } }, locals }),
    await container.renderToString(FinderPaged, { props: { cards }, locals }),
    await container.renderToString(FinderBrowse, { props: { data, region: 'regions' }, locals }),
  ].join('')
  return { gzip: zlib.gzipSync(html, { level: 9 }).length, listings: cards.length, municipalities: data.municipalities.length, html, index: finderIndex(lang, t, data) }
}

describe('the finder page', () => {
  for (const lang of ['da', 'ti'] as const) {
    // Rendering 100× the demo content takes seconds on a busy machine: not what is measured.
    it(`${lang}: the same size with 10× and 100× the listings and municipalities`, { timeout: 60_000 }, async () => {
      const real = await finderBytes(lang, 0)
      const tenfold = await finderBytes(lang, 10)
      const hundredfold = await finderBytes(lang, 100)
      expect(hundredfold.listings).toBeGreaterThan(100 * real.listings)
      expect(hundredfold.municipalities).toBeGreaterThan(100)
      // Names and numbers differ (a longer count, other first results): a few dozen bytes, not a list.
      expect(tenfold.gzip).toBeLessThan(real.gzip + 200)
      expect(hundredfold.gzip).toBeLessThan(real.gzip + 200)
      expect(hundredfold.html.match(/data-finder-item=/g)).toHaveLength(finderPageSize)
      // What the page leaves out is in the index.
      expect(expandFinderIndex(hundredfold.index)).toHaveLength(hundredfold.listings)
      expect(hundredfold.index.m).toHaveLength(hundredfold.municipalities)
    })
  }
})
