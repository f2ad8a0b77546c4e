import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const locales = ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']
const pages = [
  '/da/',
  '/ar/',
  '/ti/aktiviteter/',
  '/ar/aktiviteter/lektiecafeer/',
  '/fa/afdelinger/',
  '/so/afdelinger/aarhus/',
  '/uk/om-integration/',
  '/ar/aabne-data/',
  // The 404 page of every language (answered for a missing page), and an ended event's page
  // (scripts/test-environment.mjs adds the event).
  ...locales.map((lang) => `/${lang}/findes-ikke/`),
  '/fa/arrangementer/naestved-sommerfest-afholdt/',
]

for (const path of pages) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
