import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { nextOccurrences, type ScheduleForm } from '../../core/schedule'
import { publicDocs } from '../fixtures/cms'
import { uiStrings } from '../fixtures/ui-strings'

const womenGroup = '/afdelinger/odense/odense-kvindegruppe/'

test('Amina (Tigrinya) sees the next 3 dates, the address card and the languages of the women’s group', async ({ page, request }) => {
  const strings = uiStrings('ti')
  const [activity] = (await publicDocs(request, 'activities', 'da')).filter((doc) => doc.slug === 'odense-kvindegruppe')
  expect(activity).toBeDefined()

  await page.goto(`/ti${womenGroup}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti')
  // The dates the site must show: the seeded schedule, expanded from the moment the site was built.
  const builtAt = new Date((await page.locator('[data-built-at]').getAttribute('data-built-at'))!)
  const expected = nextOccurrences(activity!.schedule as ScheduleForm, { after: builtAt, count: 3 })
  expect(expected).toHaveLength(3)
  const dates = page.locator('[data-next-dates] time')
  await expect(dates).toHaveCount(3)
  expect(await dates.evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime')))).toEqual(
    expected.map((occurrence) => occurrence.start.toISOString()),
  )
  // In Tigrinya, on Copenhagen time.
  const tigrinyaDate = new Intl.DateTimeFormat('ti', { timeZone: 'Europe/Copenhagen', weekday: 'long' }).format(expected[0]!.start)
  await expect(dates.first()).toContainText(tigrinyaDate)

  const card = page.locator('[data-address-card]')
  await expect(card).toContainText('Beboerhuset')
  await expect(card).toContainText('Demovej 15 (demo)')
  await expect(card).toContainText('5240 Odense NØ')
  await expect(card.locator('address')).toHaveAttribute('lang', 'da')
  await expect(card.locator('[data-directions]')).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions\?to=55\.\d+%2C10\.\d+$/)
  await expect(card.locator('[data-geo]')).toHaveAttribute('href', /^geo:55\.\d+,10\.\d+$/)

  await expect(page.locator('[data-languages] li[lang="ti"]')).toHaveText('ትግርኛ')
  await expect(page.locator('[data-languages] li[lang="ar"]')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('[data-audience]')).toHaveText(strings['audience.women']!)
  await expect(page.getByText(strings['activityPage.join.just-come']!)).toBeVisible()
  // Not confirmed for 100 days in the demo data: the stale notice shows.
  await expect(page.locator('[data-unconfirmed]')).toBeVisible()
})

test('a by-appointment activity says so instead of dates', async ({ page }) => {
  await page.goto('/da/afdelinger/odense/odense-venner-viser-vej/')
  await expect(page.locator('[data-by-appointment]')).toHaveText(uiStrings('da')['activityPage.byAppointment']!)
  await expect(page.locator('[data-next-dates]')).toHaveCount(0)
})

test('the department page links each activity to its page and shows its next date', async ({ page }) => {
  await page.goto('/uk/afdelinger/aarhus/')
  const first = page.locator('[data-activity]').first()
  await expect(first.locator('[data-next-date]')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)
  await first.locator('h3 a').click()
  await expect(page).toHaveURL(/\/uk\/afdelinger\/aarhus\/[^/]+\/$/)
  await expect(page.locator('[data-activity-page]')).toBeVisible()
})

for (const path of [`/da${womenGroup}`, `/ar${womenGroup}`, '/ar/afdelinger/odense/odense-venner-viser-vej/']) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
