/// <reference types="vitest/config" />
// Astro's documented way to run Vitest: the site's own Vite config, so modules that import
// `astro:i18n` or `astro:content` resolve as they do in a build.
import { getViteConfig } from 'astro/config'

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    env: {
      // The build's "now" (src/lib/now.ts), the same as `now` in tests/fixtures.ts.
      SITE_NOW: '2027-03-22T09:00:00.000Z',
      // A build machine far from Copenhagen: every time the site shows must still be Danish time.
      TZ: 'America/Los_Angeles',
    },
  },
})
