import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const pages = ['/da/', '/ar/', '/ti/aktiviteter/', '/ar/aktiviteter/lektiecafeer/', '/fa/afdelinger/', '/so/afdelinger/aarhus/', '/uk/om-integration/']

for (const path of pages) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
  })
}
