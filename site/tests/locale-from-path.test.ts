import { describe, expect, it } from 'vitest'

import { localeFromPath } from '../src/i18n'

// What src/middleware.ts puts on Astro.locals for each file the build writes.
describe('localeFromPath', () => {
  it.each([
    ['/da/', 'da'],
    ['/ar/find/', 'ar'],
    ['/ti/afdelinger/aarhus/', 'ti'],
    ['/uk/kalender/alle.ics', 'uk'],
    ['/so/404/', 'so'],
  ])('reads the language from the first segment of %s', (pathname, lang) => {
    expect(localeFromPath(pathname)).toBe(lang)
  })

  it.each(['/', '/404.html', '/open-data/hsds/services.json', '/xx/find/', '/find/ar/', '/dansk/'])(
    'gives Danish to %s, which has no language prefix',
    (pathname) => {
      expect(localeFromPath(pathname)).toBe('da')
    },
  )
})
