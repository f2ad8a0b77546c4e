import { type APIRequestContext, expect, test } from '@playwright/test'
import ICAL from 'ical.js'

import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

// The feeds are parsed back with ical.js (a full RFC 5545 parser) and compared with the CMS.

async function feed(request: APIRequestContext, path: string) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8')
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  // Register the feed's own VTIMEZONE, so times convert with the rules it ships.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
  return { calendar, events, byUid: new Map(events.map((event) => [event.uid, event])) }
}

const notEnded = (event: Record<string, unknown>) => new Date(String(event.endsAt ?? event.startsAt)) >= new Date()

test('all-events feed: every upcoming event of the CMS, at its time, with place, link and a UID from its ID', async ({ request }) => {
  const events = (await publicDocs(request, 'events', 'da')).filter(notEnded)
  expect(events.length).toBeGreaterThan(0)
  const { calendar, byUid } = await feed(request, '/da/kalender/alle.ics')

  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(uiStrings('da')['calendar.all.name'])
  expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen')
  expect([...byUid.keys()].sort()).toEqual(events.map((event) => `event-${event.id}@integration.rodekors.dk`).sort())
  for (const event of events) {
    const entry = byUid.get(`event-${event.id}@integration.rodekors.dk`)!
    expect(entry.summary).toBe(event.title)
    expect(entry.startDate.zone?.tzid).toBe('Europe/Copenhagen')
    expect(entry.startDate.toJSDate().toISOString()).toBe(event.startsAt)
    if (event.endsAt) expect(entry.endDate.toJSDate().toISOString()).toBe(event.endsAt)
    expect(entry.component.getFirstPropertyValue('url')).toMatch(new RegExp(`/da/arrangementer/${event.slug}/$`))
    expect(entry.location).toBeTruthy()
    // DTSTAMP must be UTC (RFC 5545 §3.8.7.2).
    expect(entry.component.getFirstProperty('dtstamp')!.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/)
  }
})

test('Olena subscribes to the homework café in Ukrainian: a weekly series whose next meeting is the one the page shows', async ({ page, request }) => {
  const [activity] = await publicDocs(request, 'activities', 'uk', '&where[slug][equals]=aarhus-lektiecafe')
  const [department] = await publicDocs(request, 'departments', 'uk', '&where[slug][equals]=aarhus')
  expect(activity).toBeDefined()
  const schedule = activity!.schedule as { weekdays: string[]; startTime: string; endTime: string; byAppointment: boolean }
  expect(schedule.byAppointment).toBeFalsy()

  // The activity page links the feed with https (not webcal://).
  await page.goto('/uk/afdelinger/aarhus/aarhus-lektiecafe/')
  const link = page.locator('a[href$="/uk/kalender/aktivitet/aarhus-lektiecafe.ics"]')
  await expect(link.first()).toBeVisible()
  const shownNext = await page.locator('[data-next-dates] time').first().getAttribute('datetime')
  expect(shownNext).toBeTruthy()

  const { calendar, events } = await feed(request, '/uk/kalender/aktivitet/aarhus-lektiecafe.ics')
  const title = String(activity!.title ?? (await publicDocs(request, 'activities', 'da', '&where[slug][equals]=aarhus-lektiecafe'))[0]!.title)
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
    uiStrings('uk')['calendar.activity.name']!.replace('{title}', title).replace('{department}', String(department!.name)),
  )
  expect(events).toHaveLength(1)
  const series = events[0]!
  expect(series.uid).toBe(`activity-${activity!.id}@integration.rodekors.dk`)
  expect(series.isRecurring()).toBe(true)
  const rule = series.component.getFirstPropertyValue('rrule') as ICAL.Recur
  expect(rule.freq).toBe('WEEKLY')
  expect([...(rule.parts.BYDAY ?? [])].sort()).toEqual([...schedule.weekdays].sort())
  expect(series.startDate.zone?.tzid).toBe('Europe/Copenhagen')
  expect(series.startDate.toString().slice(11, 16)).toBe(schedule.startTime.replace('.', ':'))
  expect(series.endDate.toString().slice(11, 16)).toBe(schedule.endTime.replace('.', ':'))
  expect(series.location).toContain('Brabrand')
  expect(series.component.getFirstPropertyValue('geo')).toEqual([expect.any(Number), expect.any(Number)])

  // The first meeting the calendar shows from now on is the page's next date.
  const iterator = series.iterator()
  const now = Date.now()
  let next: ICAL.Time | null
  while ((next = iterator.next())) {
    const ends = series.getOccurrenceDetails(next).endDate.toJSDate().getTime()
    if (ends > now) break
  }
  expect(next!.toJSDate().toISOString()).toBe(new Date(shownNext!).toISOString())
})

test('department feed: its upcoming events and its weekly activities; activity-type feed: that type only', async ({ request }) => {
  const [department] = await publicDocs(request, 'departments', 'da', '&where[slug][equals]=aarhus')
  const own = `&where[department][equals]=${department!.id}`
  const events = (await publicDocs(request, 'events', 'da', own)).filter(notEnded)
  const activities = (await publicDocs(request, 'activities', 'da', own)).filter(
    (activity) => !(activity.schedule as { byAppointment?: boolean }).byAppointment,
  )
  const { calendar, byUid } = await feed(request, '/da/kalender/afdeling/aarhus.ics')
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(uiStrings('da')['calendar.department.name']!.replace('{name}', String(department!.name)))
  expect([...byUid.keys()].sort()).toEqual(
    [
      ...events.map((event) => `event-${event.id}@integration.rodekors.dk`),
      ...activities.map((activity) => `activity-${activity.id}@integration.rodekors.dk`),
    ].sort(),
  )

  const [type] = await publicDocs(request, 'activity-types', 'ar', '&where[slug][equals]=lektiecafeer')
  const typed = await feed(request, '/ar/kalender/aktivitetstype/lektiecafeer.ics')
  expect(typed.calendar.getFirstPropertyValue('x-wr-calname')).toBe(uiStrings('ar')['calendar.activityType.name']!.replace('{title}', String(type!.title)))
  const cafes = (await publicDocs(request, 'activities', 'da', `&where[activityType][equals]=${type!.id}`)).filter(
    (activity) => !(activity.schedule as { byAppointment?: boolean }).byAppointment,
  )
  const typedEvents = (await publicDocs(request, 'events', 'da', `&where[activityType][equals]=${type!.id}`)).filter(notEnded)
  expect(cafes.length).toBeGreaterThan(0)
  expect([...typed.byUid.keys()].sort()).toEqual(
    [
      ...typedEvents.map((event) => `event-${event.id}@integration.rodekors.dk`),
      ...cafes.map((cafe) => `activity-${cafe.id}@integration.rodekors.dk`),
    ].sort(),
  )
})
