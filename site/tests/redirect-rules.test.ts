import { describe, expect, it } from 'vitest'

import { nginxRedirectMap, redirectsFile, redirectsFileLines, redirectsFrom, withDepartmentsLeft, type Address, type Named } from '../src/lib/redirect-rules'

// The same shapes as lib/paths.ts's routes, without Astro (this file runs under plain Vitest).
const department = (slug: string) => `afdelinger/${slug}/`
const activity = (departmentSlug: string, slug: string) => `afdelinger/${departmentSlug}/${slug}/`
const activityFeed = (slug: string) => `kalender/aktivitet/${slug}.ics`
const page = (slug: string) => `${slug}/`

const doc = (id: number, slug: string, previousSlugs: string[] = [], updatedAt = '2026-11-01T10:00:00.000Z'): Named => ({ id, slug, previousSlugs, updatedAt })
const at = (documents: Named[], path: Address['path'], tags: string[] = []): Address => ({ documents, path, tags })
const pairs = (addresses: Address[], fixed: string[] = []) => redirectsFrom(addresses, fixed).map(({ from, to }) => [from, to])

describe('redirects of renamed documents', () => {
  it('a renamed activity: its page and its feed lead from the old slug to the new', () => {
    const aarhus = doc(1, 'aarhus')
    const cafe = doc(7, 'lektiecafe-brabrand', ['aarhus-lektiecafe'])
    expect(pairs([at([aarhus], department), at([aarhus, cafe], activity), at([cafe], activityFeed)])).toEqual([
      ['afdelinger/aarhus/aarhus-lektiecafe/', 'afdelinger/aarhus/lektiecafe-brabrand/'],
      ['kalender/aktivitet/aarhus-lektiecafe.ics', 'kalender/aktivitet/lektiecafe-brabrand.ics'],
    ])
  })

  it('a renamed department takes its activities’ pages along, with every mix of old and new slugs', () => {
    const aarhus = doc(1, 'aarhus-vest', ['aarhus'])
    const cafe = doc(7, 'cafe-ny', ['cafe'])
    expect(pairs([at([aarhus], department), at([aarhus, cafe], activity)])).toEqual([
      ['afdelinger/aarhus-vest/cafe/', 'afdelinger/aarhus-vest/cafe-ny/'],
      ['afdelinger/aarhus/', 'afdelinger/aarhus-vest/'],
      ['afdelinger/aarhus/cafe-ny/', 'afdelinger/aarhus-vest/cafe-ny/'],
      ['afdelinger/aarhus/cafe/', 'afdelinger/aarhus-vest/cafe-ny/'],
    ])
  })

  it('an activity moved to another department: its page under the old one leads to the new, the old department’s own pages stay', () => {
    const vest = doc(1, 'aarhus-vest')
    const aarhus = doc(2, 'aarhus')
    const cafe = doc(7, 'lektiecafe', ['cafe'])
    const other = doc(8, 'sprogcafe')
    const addresses = [at([vest], department), at([aarhus], department), at([withDepartmentsLeft(aarhus, ['aarhus-vest']), cafe], activity), at([vest, other], activity)]
    expect(pairs(addresses)).toEqual([
      ['afdelinger/aarhus-vest/cafe/', 'afdelinger/aarhus/lektiecafe/'],
      ['afdelinger/aarhus-vest/lektiecafe/', 'afdelinger/aarhus/lektiecafe/'],
      ['afdelinger/aarhus/cafe/', 'afdelinger/aarhus/lektiecafe/'],
    ])
    // An activity now under the old department at the same address keeps it.
    const newcomer = doc(9, 'lektiecafe')
    expect(pairs([...addresses, at([vest, newcomer], activity)]).map(([from]) => from)).not.toContain('afdelinger/aarhus-vest/lektiecafe/')
  })

  it('renamed twice: both old addresses lead straight to the current one, no chain', () => {
    const trip = doc(3, 'tur-3', ['tur-1', 'tur-2'])
    expect(pairs([at([trip], page)])).toEqual([
      ['tur-1/', 'tur-3/'],
      ['tur-2/', 'tur-3/'],
    ])
  })

  it('an old slug another document now has is that document’s: no redirect away from it', () => {
    const renamed = doc(1, 'sommerfest-2026', ['sommerfest'])
    const newcomer = doc(2, 'sommerfest')
    expect(pairs([at([renamed], page), at([newcomer], page)])).toEqual([])
  })

  it('a slug taken back is not redirected from, even if the list still named it', () => {
    expect(pairs([at([doc(1, 'om', ['om', 'om-os'])], page)])).toEqual([['om-os/', 'om/']])
  })

  it('never takes over a section of the site, nor redirects a slug the CMS could not have made', () => {
    const about = doc(1, 'om-integration', ['aktiviteter', 'Om Integration', '../x', 'gammel'])
    expect(pairs([at([about], page)], [page('aktiviteter'), page('find')])).toEqual([['gammel/', 'om-integration/']])
  })

  it('two documents that once had the same slug: the one changed last keeps the old address', () => {
    const first = doc(1, 'cafe-a', ['cafe'], '2026-01-01T00:00:00.000Z')
    const last = doc(2, 'cafe-b', ['cafe'], '2026-06-01T00:00:00.000Z')
    expect(pairs([at([first], page), at([last], page)])).toEqual([['cafe/', 'cafe-b/']])
  })

  it('carries the tags of the documents an address shows, for partial builds', () => {
    const [redirect] = redirectsFrom([at([doc(1, 'ny', ['gammel']), doc(7, 'cafe')], activity, ['activity:7', 'department:1'])])
    expect(redirect).toEqual({ from: 'afdelinger/gammel/cafe/', to: 'afdelinger/ny/cafe/', tags: ['activity:7', 'department:1'] })
  })

  it('documents never renamed make no redirects', () => {
    expect(redirectsFrom([at([doc(1, 'aarhus')], department), at([doc(1, 'aarhus'), doc(7, 'cafe')], activity)])).toEqual([])
  })
})

describe('rules files', () => {
  const redirects = [
    { from: '/da/afdelinger/aarhus/', to: '/da/afdelinger/aarhus-vest/' },
    { from: '/ar/kalender/afdeling/aarhus.ics', to: '/ar/kalender/afdeling/aarhus-vest.ics' },
    // Nothing the build makes, but neither file may carry it: off the site, or breaking the format.
    { from: '/da/x/', to: '//evil.example/' },
    { from: '/da/a b/', to: '/da/c/' },
  ]

  it('_redirects: one "from to 301" line per redirect, for Netlify, Cloudflare Pages and the static server', () => {
    const lines = redirectsFile(redirects).split('\n').filter((line) => line && !line.startsWith('#'))
    expect(lines).toEqual(['/da/afdelinger/aarhus/ /da/afdelinger/aarhus-vest/ 301', '/ar/kalender/afdeling/aarhus.ics /ar/kalender/afdeling/aarhus-vest.ics 301'])
  })

  it("_redirects keeps within Cloudflare's limits: the feeds first (a calendar app follows no redirect page), and says how many are left out", () => {
    const many = Array.from({ length: 30 }, (_, i) => [
      { from: `/da/afdelinger/gammel-${i}/`, to: `/da/afdelinger/ny-${i}/` },
      { from: `/da/kalender/afdeling/gammel-${i}.ics`, to: `/da/kalender/afdeling/ny-${i}.ics` },
    ]).flat()
    const long = { from: `/da/afdelinger/${'x'.repeat(60)}/`, to: '/da/afdelinger/kort/' }
    const limits = { rules: 40, lineLength: 80 }
    const { lines, leftOut } = redirectsFileLines([...many, long], limits)
    expect(lines).toHaveLength(40)
    expect(lines.filter((line) => line.includes('.ics'))).toHaveLength(30)
    expect(lines.some((line) => line.includes('x'.repeat(60)))).toBe(false)
    expect(leftOut).toBe(21)
    // The order given is kept (sorted by old path upstream).
    expect(lines.indexOf('/da/afdelinger/gammel-0/ /da/afdelinger/ny-0/ 301')).toBeLessThan(lines.indexOf('/da/kalender/afdeling/gammel-0.ics /da/kalender/afdeling/ny-0.ics 301'))
    expect(redirectsFile([...many, long], limits)).toContain('# 21 rules left out')
    expect(redirectsFile(many.slice(0, 4), limits)).not.toContain('left out')
  })

  it('nginx: a map from $uri to the new path, with nothing that could end its lines early', () => {
    const map = nginxRedirectMap([...redirects, { from: '/da/y/', to: '/da/z/;return' }])
    expect(map).toContain('map $uri $drk_redirect {\n    default "";\n    /da/afdelinger/aarhus/ /da/afdelinger/aarhus-vest/;\n    /ar/kalender/afdeling/aarhus.ics /ar/kalender/afdeling/aarhus-vest.ics;\n}\n')
    expect(map).not.toContain('evil.example')
    expect(map).not.toContain(';return')
  })
})
