import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type APIRequestContext, expect, test } from '@playwright/test'
import ICAL from 'ical.js'

import { copenhagenToday, dayBefore, nextOccurrences, weekdayCodes, type ScheduleForm } from '../../core/schedule'
import { adminApi, json } from '../fixtures/api'
import { allListings, listingsIn } from '../fixtures/finder'
import { cmsUrl, siteUrl, waitForSite } from '../fixtures/cms'
import { expectValid } from '../fixtures/hsds'
import { uiStrings } from '../fixtures/ui-strings'

// Runs in the `publish` project (its file name ends in publish.spec.ts): it rebuilds the served
// site, which would race the other projects' reads. On a phone, as Olena reads the café's page.
test.use({ viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.75 })

const slug = 'aarhus-lektiecafe'
const pagePath = `/afdelinger/aarhus/${slug}/`
const root = path.resolve(import.meta.dirname, '..', '..')

/** "16. august 2027" as the page writes a change day, in the reader's language. */
const changeDate = (lang: string, day: string) =>
  new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Copenhagen', calendar: 'gregory', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`))

async function feedEvents(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
}

async function activityDoc(request: APIRequestContext) {
  const admin = await adminApi(request)
  const { docs } = await json<{ docs: { id: number; schedule: ScheduleForm & Record<string, unknown> }[] }>(
    await admin.get(`/activities?where[slug][equals]=${slug}&depth=0&draft=false`),
  )
  expect(docs).toHaveLength(1)
  return { admin, activity: docs[0]! }
}

/** A site build of the CMS's content as if it ran at `now` (SITE_NOW), into its own folder: the served site is not touched. */
function buildAt(now: Date, releasesDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'site', 'scripts', 'release.mjs'), 'build'], {
      cwd: root,
      env: {
        ...process.env,
        CMS_URL: cmsUrl(),
        SITE_URL: siteUrl(),
        SITE_RELEASES_DIR: releasesDir,
        SITE_FULL_BUILD: '1',
        SITE_NOW: now.toISOString(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(path.join(releasesDir, 'current')) : reject(new Error(`site build at ${now.toISOString()} failed (${code}):\n${output.slice(-3000)}`))))
  })
}

test('Ali plans the café’s new time ahead: the site shows both, and on the change day the new time takes over by itself', async ({ page, request }) => {
  test.setTimeout(600_000)
  const { admin, activity } = await activityDoc(request)
  const original = activity.schedule
  expect(original.byAppointment).toBeFalsy()

  // The change day: the day after the café's next meeting, so its next three dates show both periods.
  const [nextMeeting] = nextOccurrences(original, { after: new Date(), count: 1 })
  expect(nextMeeting).toBeDefined()
  const afterNext = new Date(nextMeeting!.start.getTime() + 86_400_000)
  const changesOn = copenhagenToday(afterNext)
  const newStart = original.startTime === '16:00' ? '17:00' : '16:00'
  const newEnd = original.startTime === '16:00' ? '19:00' : '18:00'
  // The new times meet on the change day's weekday, so the new series starts on the day itself.
  const changeWeekday = weekdayCodes[(new Date(`${changesOn}T12:00:00Z`).getUTCDay() + 6) % 7]!
  const weekdayDa = new Intl.DateTimeFormat('da', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${changesOn}T12:00:00Z`))
  const nextPeriod = { changesOn, weekdays: [changeWeekday], frequency: 'weekly', startTime: newStart, endTime: newEnd }

  try {
    // "Fra <dag>: mandag 16–18", saved and published through REST as the admin saves it.
    const saved = await admin.patch(`/activities/${activity.id}?depth=0`, { schedule: { ...original, nextPeriod }, _status: 'published' })
    expect(saved.status(), await saved.text()).toBe(200)
    const { doc } = await json<{ doc: { schedule: ScheduleForm } }>(saved)
    expect(doc.schedule.rrule).toContain(`UNTIL=`)
    expect(doc.schedule.nextPeriod?.rrule).toContain(`DTSTART;TZID=Europe/Copenhagen:${changesOn.replace(/-/g, '')}T${newStart.replace(':', '')}00`)

    // The served site, rebuilt by the CMS: the old time's next meeting, then the new time's.
    const expected = nextOccurrences(doc.schedule, { after: new Date(), count: 3 })
    expect(expected[0]!.start.toISOString()).toBe(nextMeeting!.start.toISOString())
    const strings = uiStrings('da')
    await waitForSite(page, `/da${pagePath}`, async () => {
      await expect(page.locator('[data-schedule-change]')).toHaveAttribute('data-schedule-change', changesOn, { timeout: 1_000 })
    })
    const change = page.locator('[data-schedule-change]')
    await expect(change).toContainText(strings['activityPage.changesFrom']!.replace('{date}', changeDate('da', changesOn)))
    await expect(change).toContainText(weekdayDa)
    await expect(change).toContainText(`${newStart.replace(':', '.')}–${newEnd.replace(':', '.')}`)
    const builtAt = new Date((await page.locator('[data-built-at]').getAttribute('data-built-at'))!)
    const shown = nextOccurrences(doc.schedule, { after: builtAt, count: 3 }).map((occurrence) => occurrence.start.toISOString())
    expect(await page.locator('[data-next-dates] time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime')))).toEqual(shown)
    // Both periods among the next dates: one before the change day, one on or after it.
    const days = shown.map((instant) => copenhagenToday(new Date(instant)))
    expect(days.some((day) => day < changesOn)).toBe(true)
    expect(days.some((day) => day >= changesOn)).toBe(true)

    // The finder's weekday filter: the days in force and, as the change is within 28 days, the new day.
    // (The finder page carries only its first results; its region pages list every listing.)
    const listed = (await allListings(request, 'da')).find((listing) => listing['data-finder-item'] === slug)
    expect(listed, `${slug} on a region page of the finder`).toBeDefined()
    expect(listed!['data-days']!.split(' ')).toEqual(expect.arrayContaining([...(original.weekdays ?? []), changeWeekday]))

    // In every language, with its own words (Ukrainian and right-to-left Persian shown here).
    for (const lang of ['uk', 'fa']) {
      await page.goto(`/${lang}${pagePath}`)
      await expect(page.locator('[data-schedule-change]')).toContainText(uiStrings(lang)['activityPage.changesFrom']!.replace('{date}', changeDate(lang, changesOn)))
    }

    // The calendar feed: the old series ends the day before, the new one starts on the day, each with a stable UID.
    const events = await feedEvents(await (await request.get(`/da/kalender/aktivitet/${slug}.ics`)).text())
    const byUid = new Map(events.map((event) => [event.uid, event]))
    expect([...byUid.keys()].sort()).toEqual([`activity-${activity.id}-from-${changesOn.replace(/-/g, '')}@integration.rodekors.dk`, `activity-${activity.id}@integration.rodekors.dk`])
    const old = byUid.get(`activity-${activity.id}@integration.rodekors.dk`)!
    const until = (old.component.getFirstPropertyValue('rrule') as ICAL.Recur).until!
    expect(copenhagenToday(until.toJSDate())).toBe(dayBefore(changesOn))
    const following = byUid.get(`activity-${activity.id}-from-${changesOn.replace(/-/g, '')}@integration.rodekors.dk`)!
    expect(following.startDate.toString().slice(0, 16)).toBe(`${changesOn}T${newStart}`)
    expect(following.startDate.zone?.tzid).toBe('Europe/Copenhagen')

    // JSON-LD: one Schedule per period.
    const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text))
    const series = jsonLd.find((thing) => thing['@type'] === 'EventSeries')
    expect(series.eventSchedule).toHaveLength(2)
    expect(series.eventSchedule[0].endDate).toBe(dayBefore(changesOn))
    expect(series.eventSchedule[1]).toMatchObject({ startDate: changesOn, startTime: `${newStart}:00`, byDay: [expect.stringMatching(/^https:\/\/schema\.org\/\w+day$/)] })

    // HSDS: two schedules, valid to / from the change, each valid against the official schema.
    const services = (await (await request.get('/open-data/hsds/services.json')).json()).contents as { url: string; schedules: Record<string, unknown>[] }[]
    const service = services.find((candidate) => candidate.url.endsWith(`/da${pagePath}`))!
    expectValid('service', service)
    expect(service.schedules.map((schedule) => [schedule.valid_to ?? null, schedule.valid_from])).toEqual([
      [dayBefore(changesOn), expect.any(String)],
      [null, changesOn],
    ])
    expect(service.schedules[1]).toMatchObject({ byday: changeWeekday, opens_at: newStart, closes_at: newEnd })

    // The controlled clock: the same content built as on the change day, before anyone saves again.
    const releasesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedule-change-'))
    try {
      const onTheDay = new Date(`${changesOn}T06:00:00Z`)
      const built = await buildAt(onTheDay, releasesDir)
      const html = fs.readFileSync(path.join(built, 'da', ...pagePath.split('/').filter(Boolean), 'index.html'), 'utf8')
      await page.setContent(html)
      // Only the new time now: no "from …" line any more, the weekly line and every next date are the new period's.
      await expect(page.locator('[data-schedule-change]')).toHaveCount(0)
      await expect(page.locator('[data-schedule-now]')).toContainText(weekdayDa)
      const after = nextOccurrences(doc.schedule, { after: onTheDay, count: 3 }).map((occurrence) => occurrence.start.toISOString())
      expect(await page.locator('[data-next-dates] time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime')))).toEqual(after)
      for (const instant of after) expect(copenhagenToday(new Date(instant)) >= changesOn).toBe(true)
      await expect(page.locator('[data-next-dates] li').first()).toContainText(`${newStart.replace(':', '.')}–${newEnd.replace(':', '.')}`)
      // The finder counts only the new day now.
      const regionsDir = path.join(built, 'da', 'find', 'region')
      const onTheDayListing = fs
        .readdirSync(regionsDir)
        .flatMap((region) => listingsIn(fs.readFileSync(path.join(regionsDir, region, 'index.html'), 'utf8')))
        .find((listing) => listing['data-finder-item'] === slug)
      expect(onTheDayListing?.['data-days']).toBe(changeWeekday)
      // The feed still has both series (a calendar keeps the past meetings), the old one ended.
      const onTheDayEvents = await feedEvents(fs.readFileSync(path.join(built, 'da', 'kalender', 'aktivitet', `${slug}.ics`), 'utf8'))
      expect(onTheDayEvents.map((event) => event.uid).sort()).toEqual([...byUid.keys()].sort())
    } finally {
      fs.rmSync(releasesDir, { recursive: true, force: true })
    }
  } finally {
    // Leave the café as the other journeys know it.
    const restored = await admin.patch(`/activities/${activity.id}?depth=0`, {
      schedule: { ...original, nextPeriod: { changesOn: null, weekdays: [], startTime: null, endTime: null, validUntil: null } },
      _status: 'published',
    })
    expect(restored.status(), await restored.text()).toBe(200)
  }
})
