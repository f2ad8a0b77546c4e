import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { cmsUrl, releasesDir, siteUrl } from '../defaults'

describe('default addresses and folders (core/defaults.ts)', () => {
  it('is localhost on the documented ports when nothing is set', () => {
    expect(cmsUrl({})).toBe('http://localhost:3000')
    expect(siteUrl({})).toBe('http://localhost:4321')
  })

  it('takes the port, and an address over the port, without a trailing slash', () => {
    expect(cmsUrl({ CMS_PORT: '3260' })).toBe('http://localhost:3260')
    expect(cmsUrl({ CMS_URL: 'https://cms.example.org/', CMS_PORT: '3260' })).toBe('https://cms.example.org')
    expect(siteUrl({ SITE_URL: 'https://integration.example.org//' })).toBe('https://integration.example.org')
  })

  it("keeps releases in the site's folder unless SITE_RELEASES_DIR moves them", () => {
    expect(releasesDir('/srv/drk/site', {})).toBe(path.resolve('/srv/drk/site/releases'))
    expect(releasesDir('/srv/drk/site', { SITE_RELEASES_DIR: 'tmp/releases' })).toBe(path.resolve('tmp/releases'))
  })
})
