import os from 'node:os'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { repoRoot } from '../src/lib/paths'
import { redactServerPaths } from '../src/lib/redactPaths'
import { startPayload } from './payload'
import { loginToken, rest } from './rest'

/** Build logs and errors as editors read them in the admin: no server paths. */
let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

const log = [
  `astro build in ${repoRoot}/site`,
  `Error: Could not read ${repoRoot}/site/src/pages/[lang]/index.astro`,
  `    at render (${repoRoot}/node_modules/astro/dist/core/render.js:12:5)`,
  `wrote ${os.tmpdir()}/drk-releases/2026-12-01T00-00-00/da/index.html`,
  `served by http://localhost:3000/api/activities?depth=0 and https://example.org/da/`,
  `sitemap-index.xml created at ../../../../../tmp/drk-test-x1/releases/.building`,
  `- Linket til /da/afdelinger/herning/ på da/arrangementer/esbjerg/index.html vises uden link`,
  `cache in /var/lib/drk/releases/.cache`,
].join('\n')

describe('build log', () => {
  it('reads without server paths, URLs and relative paths kept', async () => {
    const build = await payload.create({
      collection: 'site-builds',
      data: { summary: `Bygger ${repoRoot}`, status: 'failed', error: `ENOENT: ${repoRoot}/site/dist`, log },
    })
    await payload.create({ collection: 'users', data: { email: 'mette@example.org', password: 'hemmelig-og-lang', role: 'editor' } })
    const token = await loginToken(payload, 'mette@example.org', 'hemmelig-og-lang')
    const read = (await (await rest(payload, 'GET', `/site-builds/${build.id}`, { token })).json()) as Record<string, string>
    const shown = `${read.summary}\n${read.error}\n${read.log}`
    expect(shown).not.toContain(repoRoot)
    expect(shown).not.toContain(os.tmpdir())
    expect(read.log).toContain('site/src/pages/[lang]/index.astro')
    expect(read.log).toContain('…/index.html')
    expect(read.log).toContain('http://localhost:3000/api/activities?depth=0')
    expect(read.log).toContain('https://example.org/da/')
    // The site's own paths are what an editor needs to find the link a message is about.
    expect(read.log).toContain('Linket til /da/afdelinger/herning/ på da/arrangementer/esbjerg/index.html')
    expect(read.log).not.toContain('drk-test-x1')
    expect(read.log).toContain('created at …/.building')
    expect(read.log).not.toContain('/var/lib')
  })

  it('leaves text without paths as it is', () => {
    expect(redactServerPaths('12 sider bygget på 3,4 s (da/en)')).toBe('12 sider bygget på 3,4 s (da/en)')
  })
})
