import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { installedPayloadVersion, isAtLeast, minimumPayloadVersion, payloadVersionProblem } from '../src/security/payloadVersion'

describe('the CMS refuses a Payload older than 3.90.2 (cms/server.mjs)', () => {
  it.each([
    ['3.90.2', true],
    ['3.90.3', true],
    ['3.91.0', true],
    ['4.0.0', true],
    ['3.100.0', true],
    ['3.90.2+build.5', true],
    ['3.90.1', false],
    ['3.89.9', false],
    ['2.99.99', false],
    ['3.9.20', false],
    ['3.90.2-canary.3', false],
    ['3.90.3-beta.1', true],
  ])('%s is accepted: %s', (version, accepted) => {
    expect(isAtLeast(version, minimumPayloadVersion)).toBe(accepted)
    expect(payloadVersionProblem(version) === null).toBe(accepted)
  })

  it('says which version is installed and which is needed', () => {
    expect(payloadVersionProblem('3.90.1')).toBe('Payload 3.90.1 is installed; the CMS needs Payload 3.90.2 or newer (security fixes). Run npm install with the committed lockfile.')
  })

  it('an unreadable or malformed version is refused, not waved through', () => {
    expect(payloadVersionProblem(undefined)).toMatch(/could not be read.*3\.90\.2/)
    expect(payloadVersionProblem('latest')).toMatch(/not a version number/)
  })

  it('reads the installed payload package, as the CMS would load it, and it passes', () => {
    const version = installedPayloadVersion(new URL('..', import.meta.url).pathname)
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
    expect(payloadVersionProblem(version)).toBeNull()
    expect(installedPayloadVersion('/')).toBeUndefined()
  })
})

describe('one copy of Payload and its admin UI in the installed tree', () => {
  // A plugin published at an older patch (storage-s3 3.90.1) brought its own @payloadcms/ui: its
  // admin components then looked for React contexts of the other copy, and every admin page
  // failed in the browser ("useUploadHandlers must be used within UploadHandlersProvider").
  it('no package has a nested payload, @payloadcms/ui or @payloadcms/translations of its own', () => {
    const root = path.resolve(import.meta.dirname, '..', '..')
    const nested = ['payload', '@payloadcms/ui', '@payloadcms/translations'].flatMap((name) =>
      fs.globSync(`{node_modules,cms/node_modules}/**/node_modules/${name}/package.json`, { cwd: root }),
    )
    expect(nested).toEqual([])
  })
})
