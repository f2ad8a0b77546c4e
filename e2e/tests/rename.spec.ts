import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type APIRequestContext, expect, test } from '@playwright/test'
import ICAL from 'ical.js'

import { openAdminAs } from '../fixtures/admin'
import { adminApi, json, type Api } from '../fixtures/api'
import { cmsUrl, publicDocs, siteOutDir } from '../fixtures/cms'
import { expectValid } from '../fixtures/hsds'
import { markupProblems } from '../fixtures/markup'
import { uiStrings } from '../fixtures/ui-strings'

// Its own project (`rename`): it renames seeded documents of Aarhus through REST, so the served
// site is rebuilt three times under the other journeys' feet otherwise. It leaves the names as
// they were. Danish and right-to-left Arabic stand for every language.

interface Names {
  department: string
  activity: string
  event: string
  type: string
}

const original: Names = { department: 'aarhus', activity: 'aarhus-cykelkursus', event: 'aarhus-cykelkursus-opstart', type: 'cykelkurser' }
const suffix = Date.now().toString(36)
const renamed = (names: Partial<Names>): Names => ({ ...original, ...Object.fromEntries(Object.entries(names).map(([key, slug]) => [key, `${slug}-${suffix}`])) })

/** Every feed that lists the activity or the event. */
const feeds = (n: Names) => [
  '/da/kalender/alle.ics',
  `/da/kalender/afdeling/${n.department}.ics`,
  `/ar/kalender/afdeling/${n.department}.ics`,
  `/da/kalender/aktivitet/${n.activity}.ics`,
  `/da/kalender/arrangement/${n.event}.ics`,
  `/da/kalender/aktivitetstype/${n.type}.ics`,
]

/** The page addresses made from the four documents' slugs (the activity and the event take signups; the activity wants volunteers). */
const pages = (n: Names, lang: string) => [
  `/${lang}/afdelinger/${n.department}/`,
  `/${lang}/afdelinger/${n.department}/${n.activity}/`,
  `/${lang}/frivillig/afdeling/${n.department}/`,
  `/${lang}/frivillig/${n.activity}/`,
  `/${lang}/tilmelding/${n.activity}/`,
  `/${lang}/arrangementer/${n.event}/`,
  `/${lang}/tilmelding/arrangement/${n.event}/`,
  `/${lang}/aktiviteter/${n.type}/`,
  `/${lang}/find/aktivitet/${n.type}/`,
]
const addresses = (n: Names) => [...pages(n, 'da'), ...pages(n, 'ar'), ...feeds(n)]

async function uids(request: APIRequestContext, feed: string): Promise<string[]> {
  const response = await request.get(feed, { maxRedirects: 0 })
  expect(response.status(), feed).toBe(200)
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  return calendar
    .getAllSubcomponents('vevent')
    .map((event) => String(event.getFirstPropertyValue('uid')))
    .sort()
}

/** Every id in the open-data export (organizations, services and what they hold), each file valid against the HSDS schemas. */
async function hsdsIds(request: APIRequestContext): Promise<string[]> {
  const ids: string[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'id' || key.endsWith('_id')) && typeof inner === 'string') ids.push(`${key}=${inner}`)
        else collect(inner)
      }
    }
  }
  for (const [file, schema] of [
    ['organizations.json', 'organization'],
    ['services.json', 'service'],
    ['service_at_locations.json', 'service_at_location'],
  ] as const) {
    const { contents } = (await (await request.get(`/open-data/hsds/${file}`)).json()) as { contents: unknown[] }
    for (const item of contents) expectValid(schema, item)
    collect(contents)
  }
  return ids.sort()
}

async function jsonLdIds(request: APIRequestContext, n: Names): Promise<string[]> {
  const ids: string[] = []
  for (const page of [`/da/afdelinger/${n.department}/`, `/da/afdelinger/${n.department}/${n.activity}/`, `/da/arrangementer/${n.event}/`]) {
    const html = await (await request.get(page, { maxRedirects: 0 })).text()
    for (const [, data] of html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)) ids.push(...[...data!.matchAll(/"@id":"([^"]+)"/g)].map(([, id]) => id!))
  }
  return [...new Set(ids)].sort()
}

/** The paths the sitemap lists. */
async function sitemapPaths(request: APIRequestContext): Promise<Set<string>> {
  const index = await (await request.get('/sitemap-index.xml')).text()
  const paths = new Set<string>()
  for (const [, sitemap] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = await (await request.get(new URL(sitemap!).pathname)).text()
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(loc!).pathname)
  }
  return paths
}

/** Redirect pages are not pages of the site: the sitemap lists the new addresses, not the old. */
async function expectSitemap(request: APIRequestContext, from: Names, to: Names) {
  const listed = await sitemapPaths(request)
  const [old, current] = [pages(from, 'da'), pages(to, 'da')]
  expect(old.filter((address, index) => address !== current[index] && listed.has(address))).toEqual([])
  expect(current.filter((address) => !listed.has(address))).toEqual([])
}

async function rename(admin: Api, ids: Record<keyof Names, string | number>, names: Partial<Names>) {
  const collections: Record<keyof Names, string> = { department: 'departments', activity: 'activities', event: 'events', type: 'activity-types' }
  const since = new Date().toISOString()
  for (const [key, slug] of Object.entries(names) as [keyof Names, string][]) {
    // An earlier journey (department-editor) may have left one of Aarhus's documents open in the
    // admin, and Payload's lock outlives the closed browser for five minutes: take it over, as
    // an admin in the admin would.
    const locks = `/payload-locked-documents?where[document.relationTo][equals]=${collections[key]}&where[document.value][equals]=${ids[key]}`
    expect((await admin.delete(locks)).status()).toBe(200)
    const saved = await admin.patch(`/${collections[key]}/${ids[key]}?depth=0`, { slug, _status: 'published' })
    expect(saved.status(), await saved.text()).toBe(200)
  }
  return settled(admin, since)
}

type Build = { id: number | string; status: string; mode?: 'full' | 'partial' | null; reason?: string | null }

/** Waits until no build is queued or running, and returns the builds made since `since`. */
async function idle(admin: Api, since = '1970-01-01T00:00:00.000Z', { made = false } = {}): Promise<Build[]> {
  let builds: Build[] = []
  await expect(async () => {
    ;({ docs: builds } = await json<{ docs: Build[] }>(await admin.get(`/site-builds?where[createdAt][greater_than]=${since}&sort=createdAt&limit=100&depth=0`)))
    if (made) expect(builds.length).toBeGreaterThan(0)
    expect(builds.filter((build) => build.status === 'queued' || build.status === 'running')).toEqual([])
  }).toPass({ timeout: 240_000, intervals: [1_000] })
  return builds
}

/** Waits until the builds the renames asked for are done; returns the last one. */
async function settled(admin: Api, since: string): Promise<Build> {
  const last = (await idle(admin, since, { made: true })).at(-1)!
  expect(last.status).toBe('succeeded')
  return last
}

/** Each old address answers 301 with its new one (the static server reads the release's `_redirects`). */
async function expectRedirects(request: APIRequestContext, from: Names, to: Names) {
  const moved = addresses(from)
    .map((old, index) => [old, addresses(to)[index]!] as const)
    .filter(([old, current]) => old !== current)
  expect(moved.length).toBeGreaterThan(0)
  const answers = await Promise.all(
    moved.map(async ([old]) => {
      const response = await request.get(old, { maxRedirects: 0 })
      return [old, response.status(), response.headers().location]
    }),
  )
  expect(answers).toEqual(moved.map(([old, current]) => [old, 301, current]))
}

test('renamed activity, event, department and activity type: old pages and feeds lead to the new ones, with the same UIDs and open-data IDs', async ({ page, request }) => {
  test.setTimeout(600_000)
  const admin = await adminApi(request)
  const find = async (collection: string, slug: string) => {
    const [doc] = await publicDocs(request, collection, 'da', `&where[slug][equals]=${slug}`)
    expect(doc, `${collection} ${slug}`).toBeDefined()
    return doc!
  }
  const docs = {
    department: await find('departments', original.department),
    activity: await find('activities', original.activity),
    event: await find('events', original.event),
    type: await find('activity-types', original.type),
  }
  const ids = { department: docs.department.id, activity: docs.activity.id, event: docs.event.id, type: docs.type.id }
  expect([docs.activity.activityType, docs.event.activityType]).toEqual([ids.type, ids.type])

  // A build still queued from an earlier journey would take the renames in without a record of its own.
  await idle(admin)
  const before = {
    uids: await Promise.all(feeds(original).map((feed) => uids(request, feed))),
    hsds: await hsdsIds(request),
    jsonLd: await jsonLdIds(request, original),
  }
  expect(before.uids[3]).toEqual([`activity-${ids.activity}@integration.rodekors.dk`])
  expect(before.uids[4]).toEqual([`event-${ids.event}@integration.rodekors.dk`])

  try {
    // 1. The activity and the event: a partial build (only their pages and their department's).
    const first = renamed({ activity: 'cykelkursus-aarhus', event: 'cykelstart' })
    const firstBuild = await rename(admin, ids, { activity: first.activity, event: first.event })
    expect(firstBuild.mode).toBe('partial')
    await expectRedirects(request, original, first)
    await expectSitemap(request, original, first)

    // 2. The department and the activity type (named on most pages: a full build).
    const second = renamed({ department: 'aarhus-vest', activity: 'cykelkursus-aarhus', event: 'cykelstart', type: 'cykling' })
    const secondBuild = await rename(admin, ids, { department: second.department, type: second.type })
    expect(secondBuild.mode).toBe('full')
    // Every old form leads straight to the current address: the first names, and the addresses
    // the first rename made (the department's old slug with the activity's new one).
    await expectRedirects(request, original, second)
    await expectRedirects(request, first, second)

    // Same UIDs in every feed, same open-data IDs, same JSON-LD @ids.
    expect(await Promise.all(feeds(second).map((feed) => uids(request, feed)))).toEqual(before.uids)
    expect(await hsdsIds(request)).toEqual(before.hsds)
    expect(await jsonLdIds(request, second)).toEqual(before.jsonLd)
    // A calendar app that follows the 301 gets the feed itself.
    const followed = await request.get(`/da/kalender/afdeling/${original.department}.ics`)
    expect([followed.status(), followed.headers()['content-type']]).toEqual([200, 'text/calendar; charset=utf-8'])

    // The redirect page, for a host without the rules file: read from the release, opened at the old address in a browser.
    const oldActivity = `/ar/afdelinger/${original.department}/${original.activity}/`
    const newActivity = `/ar/afdelinger/${second.department}/${second.activity}/`
    const html = fs.readFileSync(path.join(siteOutDir(), ...oldActivity.split('/').filter(Boolean), 'index.html'), 'utf8')
    expect(html).toMatch(/<html lang="ar" dir="rtl">/)
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^/"]+${newActivity}">`))
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${newActivity}">`)
    expect(html).toContain(`<a href="${newActivity}">${uiStrings('ar')['moved.link']}</a>`)
    expect(html).not.toContain('data-pagefind-body')
    // Valid HTML like every other template (markup.spec.ts has no redirect page to check).
    expect(await markupProblems(html)).toEqual([])
    await page.route(`**${oldActivity}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
    await page.goto(oldActivity)
    await page.waitForURL(`**${newActivity}`)
    const [arabic] = await publicDocs(request, 'activities', 'ar', `&where[id][equals]=${ids.activity}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(String(arabic?.title ?? docs.activity.title))
    await page.unroute(`**${oldActivity}`)

    await expectSitemap(request, original, second)

    // The admin lists the activity's old addresses for an editor to remove, and offers no way to
    // add one (the CMS would refuse it): a slug typed in and tabbed out of makes no entry (Payload's
    // own text list would make one).
    await openAdminAs(page)
    await page.goto(`${cmsUrl()}/admin/collections/activities/${ids.activity}`)
    const previous = page.locator('.field-type', { has: page.locator('.field-label', { hasText: 'Tidligere adresser' }) })
    const entries = previous.locator('.multi-value-label__text')
    await expect(entries.filter({ hasText: original.activity })).toHaveCount(1)
    const listed = await entries.allTextContents()
    await expect(previous.getByRole('button', { name: 'Fjern', exact: true })).toHaveCount(listed.length)
    await previous.locator('input').first().fill('en-ny-adresse')
    await previous.locator('input').first().press('Tab')
    await expect(entries).toHaveText(listed)
  } finally {
    // Back to the seeded names, as the other journeys know them.
    await rename(admin, ids, original)
  }
  // Renamed back: the seeded addresses are pages again, and the names in between lead to them.
  for (const address of addresses(original)) expect((await request.get(address, { maxRedirects: 0 })).status(), address).toBe(200)
  await expectRedirects(request, renamed({ department: 'aarhus-vest', activity: 'cykelkursus-aarhus', event: 'cykelstart', type: 'cykling' }), original)
  expect(await Promise.all(feeds(original).map((feed) => uids(request, feed)))).toEqual(before.uids)
})

test('an activity moved to another department: its page under the old one leads to the new, and back again', async ({ request }) => {
  test.setTimeout(300_000)
  const admin = await adminApi(request)
  const [activity] = await publicDocs(request, 'activities', 'da', `&where[slug][equals]=${original.activity}`)
  const [from] = await publicDocs(request, 'departments', 'da', `&where[slug][equals]=${original.department}`)
  const [to] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=odense')
  expect([activity, from, to].every(Boolean)).toBe(true)
  const move = async (department: typeof to) => {
    await idle(admin)
    const since = new Date().toISOString()
    const saved = await admin.patch(`/activities/${activity!.id}?depth=0`, { department: department!.id, _status: 'published' })
    expect(saved.status(), await saved.text()).toBe(200)
    return settled(admin, since)
  }
  const at = (department: string, lang = 'da') => `/${lang}/afdelinger/${department}/${original.activity}/`
  const answer = async (address: string) => {
    const response = await request.get(address, { maxRedirects: 0 })
    return [response.status(), response.headers().location]
  }
  try {
    await move(to)
    expect(await answer(at('odense'))).toEqual([200, undefined])
    expect(await answer(at(original.department))).toEqual([301, at('odense')])
    expect(await answer(at(original.department, 'ar'))).toEqual([301, at('odense', 'ar')])
    // The redirect page too, for a host without the rules file.
    const html = fs.readFileSync(path.join(siteOutDir(), 'da', 'afdelinger', original.department, original.activity, 'index.html'), 'utf8')
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${at('odense')}">`)
  } finally {
    await move(from)
  }
  // Back under Aarhus: its page is a page again, and the Odense address it had leads back.
  expect(await answer(at(original.department))).toEqual([200, undefined])
  expect(await answer(at('odense'))).toEqual([301, at(original.department)])
})

test('a build whose rules send an old address nowhere fails its check (it is never swapped in)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'))
  try {
    fs.mkdirSync(path.join(dir, 'da', 'ny'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'da', 'ny', 'index.html'), '<p>ny</p>')
    fs.writeFileSync(path.join(dir, 'da', 'ny.ics'), 'BEGIN:VCALENDAR')
    fs.writeFileSync(path.join(dir, '_redirects'), '# rules\n/da/gammel/ /da/ny/ 301\n/da/gammel.ics /da/ny.ics 301\n/da/gaaet/ /da/findes-ikke/ 301\n')
    const { validate } = await import('../../site/scripts/release/validate.ts')
    const broken = validate(dir, { searchIndex: false }).problems.filter((problem: string) => problem.startsWith('broken internal link'))
    expect(broken).toEqual(['broken internal link: /da/findes-ikke/ (redirect from /da/gaaet/)'])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
