import fs from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'
import { siteOutDir } from '../fixtures/cms'
import { describeMessages as describe, htmlvalidate } from '../fixtures/markup'

// html-validate's recommended rules over the built release, one instance of every page template
// in every language: the markup a browser, a screen reader and a search engine get. The rules are
// the site's own (site/.htmlvalidate.json, also what `npx html-validate` uses there).
const siteDir = path.resolve(import.meta.dirname, '..', '..', 'site')

const locales = ['da', 'en', 'uk', 'ar', 'fa', 'ps', 'ti', 'so']
const pagesDir = path.join(siteDir, 'src', 'pages')

interface Template {
  /** Where a built instance lies under /<lang>/: `*` is one path segment (a slug). */
  built: string
  /** Tells apart templates whose instances share a URL shape. */
  is?: (html: string) => boolean
}

const endedEvent = (html: string) => html.includes('data-event-ended')
/** Every page template under site/src/pages/[lang]/, by its source file. */
const templates: Record<string, Template> = {
  'index.astro': { built: 'index.html' },
  '404.astro': { built: '404/index.html' },
  '[page].astro': { built: 'om-integration/index.html' },
  'aabne-data/index.astro': { built: 'aabne-data/index.html' },
  'aktiviteter/index.astro': { built: 'aktiviteter/index.html' },
  'aktiviteter/[slug].astro': { built: 'aktiviteter/*/index.html' },
  'afdelinger/index.astro': { built: 'afdelinger/index.html' },
  'afdelinger/[slug].astro': { built: 'afdelinger/*/index.html' },
  'afdelinger/[slug]/[activity].astro': { built: 'afdelinger/*/*/index.html' },
  'arrangementer/index.astro': { built: 'arrangementer/index.html' },
  'arrangementer/[slug].astro': { built: 'arrangementer/*/index.html', is: (html) => !endedEvent(html) },
  'arrangementer/[ended].astro': { built: 'arrangementer/*/index.html', is: endedEvent },
  'boerneattest/index.astro': { built: 'boerneattest/index.html' },
  'find/index.astro': { built: 'find/index.html' },
  'find/aktivitet/[type].astro': { built: 'find/aktivitet/*/index.html' },
  'find/kommune/[municipality].astro': { built: 'find/kommune/*/index.html' },
  'find/region/[region].astro': { built: 'find/region/*/index.html' },
  'frivillig/index.astro': { built: 'frivillig/index.html' },
  'gemte/index.astro': { built: 'gemte/index.html' },
  'frivillig/[slug].astro': { built: 'frivillig/*/index.html' },
  'frivillig/afdeling/[slug].astro': { built: 'frivillig/afdeling/*/index.html' },
  'plakat/aktivitet/[slug].astro': { built: 'plakat/aktivitet/*/index.html' },
  'plakat/arrangement/[slug].astro': { built: 'plakat/arrangement/*/index.html' },
  'plakat/afdeling/[slug].astro': { built: 'plakat/afdeling/*/index.html' },
  'soeg/index.astro': { built: 'soeg/index.html' },
  'tak/index.astro': { built: 'tak/index.html' },
  'tak/frivillig/index.astro': { built: 'tak/frivillig/index.html' },
  'tak/venteliste/index.astro': { built: 'tak/venteliste/index.html' },
  'tak/plads/index.astro': { built: 'tak/plads/index.html' },
  'tilmelding/[slug].astro': { built: 'tilmelding/*/index.html' },
  'tilmelding/arrangement/[slug].astro': { built: 'tilmelding/arrangement/*/index.html' },
}
/** Templates with no instance in the test environment's release, checked where one is made. */
const checkedElsewhere: Record<string, string> = {
  // A redirect page exists only after a rename.
  '[...moved].astro': 'rename.spec.ts',
}
/** Pages outside /<lang>/: the language chooser at / and the multilingual 404. */
const rootPages = ['index.html', '404.html']

/** The first built file (in name order) that matches `pattern` under `dir` and `is`. */
function firstInstance(dir: string, pattern: string, is: (html: string) => boolean = () => true): string | undefined {
  const [segment, ...rest] = pattern.split('/')
  if (rest.length === 0) {
    const file = path.join(dir, segment!)
    return fs.existsSync(file) && is(fs.readFileSync(file, 'utf8')) ? file : undefined
  }
  const candidates =
    segment === '*'
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort()
      : [segment!]
  for (const name of candidates) {
    const next = path.join(dir, name)
    if (!fs.existsSync(next)) continue
    const found = firstInstance(next, rest.join('/'), is)
    if (found) return found
  }
  return undefined
}


test('every page template under [lang]/ is in the markup check', () => {
  const sources = fs
    .readdirSync(path.join(pagesDir, '[lang]'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro'))
    .map((file) => file.split(path.sep).join('/'))
  expect(sources.sort()).toEqual([...Object.keys(templates), ...Object.keys(checkedElsewhere)].sort())
})

for (const lang of locales) {
  test(`every page template in ${lang} is valid HTML (html-validate, recommended rules)`, async () => {
    const problems: Record<string, string[]> = {}
    for (const [source, template] of Object.entries(templates)) {
      const file = firstInstance(path.join(siteOutDir(), lang), template.built, template.is)
      expect(file, `a built instance of ${source} in ${lang}`).toBeDefined()
      const report = await htmlvalidate.validateFile(file!)
      const messages = report.results.flatMap((result) => result.messages)
      if (messages.length > 0) problems[path.relative(siteOutDir(), file!)] = describe(messages)
    }
    expect(problems).toEqual({})
  })
}

test('the root pages are valid HTML (html-validate, recommended rules)', async () => {
  const problems: Record<string, string[]> = {}
  for (const page of rootPages) {
    const report = await htmlvalidate.validateFile(path.join(siteOutDir(), page))
    const messages = report.results.flatMap((result) => result.messages)
    if (messages.length > 0) problems[page] = describe(messages)
  }
  expect(problems).toEqual({})
})
