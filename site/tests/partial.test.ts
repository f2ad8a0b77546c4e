import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import type { ChangeRecord } from '../../core/release'
import { planBuild, tag, type CurrentContent } from '../src/lib/partial'
import { activities, departments, events } from './fixtures'

/** Every source the loaders write a change record for (content.config.ts). */
const sources = ['activity-types', 'target-groups', 'departments', 'activities', 'events', 'pages', 'site-settings', 'navigation']
type Changes = Partial<Record<string, Partial<Omit<ChangeRecord, 'source'>>>>

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A changes folder as the loaders leave it after a content sync: one record per source, nothing changed unless given. */
function changesDir(changes: Changes = {}, { leaveOut }: { leaveOut?: string } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-changes-'))
  dirs.push(dir)
  for (const source of sources.filter((name) => name !== leaveOut)) {
    const record: ChangeRecord = { source, full: false, changed: [], removed: [], ...changes[source] }
    fs.writeFileSync(path.join(dir, `${source}.json`), JSON.stringify(record))
  }
  return dir
}

/** The content as the build loaded it: the seed's Holbæk and København with their listings. */
const current: CurrentContent = {
  departments: Object.values(departments),
  activities: Object.values(activities),
  events: Object.values(events),
}
let loads = 0
const loadCurrent = async () => {
  loads++
  return current
}
const plan = (dir: string | undefined, partial = true) => planBuild({ partial, changesDir: dir }, loadCurrent)
const sorted = (tags: Set<string>) => [...tags].sort()

describe('a full build', () => {
  it('when the served release does not allow a partial one, with its reason, without reading the content', async () => {
    loads = 0
    expect(await planBuild({ partial: false, why: 'the served release is 2 days old', changesDir: changesDir() }, loadCurrent)).toEqual({ partial: false, reason: 'the served release is 2 days old', tags: new Set() })
    expect(await planBuild({ partial: false }, loadCurrent)).toMatchObject({ partial: false, reason: 'every page' })
    expect(loads).toBe(0)
  })

  it('when no changes were recorded, or one source’s record is missing', async () => {
    expect(await plan(undefined)).toMatchObject({ partial: false, reason: 'no content changes recorded' })
    expect(await plan(changesDir({}, { leaveOut: 'navigation' }))).toMatchObject({ partial: false, reason: 'no change record for navigation' })
  })

  it('when a source was loaded in full', async () => {
    expect(await plan(changesDir({ events: { full: true, reason: 'daily full load' } }))).toMatchObject({ partial: false, reason: 'events: daily full load' })
  })

  it('when an activity type or a target group changed (nearly every page names them)', async () => {
    expect(await plan(changesDir({ 'activity-types': { changed: [{ id: '21' }] } }))).toMatchObject({ partial: false, reason: 'activity-types changed' })
    expect(await plan(changesDir({ 'target-groups': { removed: [{ id: '15' }] } }))).toMatchObject({ partial: false, reason: 'target-groups changed' })
  })

  it('when more than 50 documents changed, not at 50', async () => {
    const many = (count: number) => Array.from({ length: count }, (_, index) => ({ id: String(1000 + index) }))
    expect(await plan(changesDir({ pages: { changed: many(30) }, events: { removed: many(21) } }))).toMatchObject({ partial: false, reason: '51 documents changed' })
    expect((await plan(changesDir({ pages: { changed: many(50) } }))).partial).toBe(true)
  })
})

describe('a partial build renders the pages that show what changed', () => {
  it('nothing changed: no page beyond those built every time', async () => {
    const result = await plan(changesDir())
    expect(result.partial).toBe(true)
    expect(result.tags.size).toBe(0)
    expect(result.reason).toBe('no content changed; rendering the pages that show them')
  })

  it('an activity moved to another department: the pages of both, as it was and as it is', async () => {
    // Now in København (the fixtures); the served release had it in Holbæk as a café.
    const moved = { id: '201', before: { department: departments.holbaek.id, activityType: 22 } }
    const result = await plan(changesDir({ activities: { changed: [moved] } }))
    expect(result.partial).toBe(true)
    expect(sorted(result.tags)).toEqual(['activity:201', 'department:1', 'department:2', 'municipality:holbaek', 'municipality:koebenhavn', 'region:hovedstaden', 'region:sjaelland', 'type:21', 'type:22'])
    expect(result.reason).toBe(
      'activities: 1 changed; rendering the pages that show activity:201 department:1 type:22 municipality:holbaek region:sjaelland department:2 type:21 municipality:koebenhavn region:hovedstaden',
    )
  })

  it('a new event has no "before"; a removed activity only its "before"', async () => {
    const result = await plan(changesDir({ events: { changed: [{ id: '301' }] }, activities: { removed: [{ id: '150', before: { department: 2, activityType: 21 } }] } }))
    expect(sorted(result.tags)).toEqual(['activity:150', 'department:1', 'department:2', 'event:301', 'municipality:holbaek', 'municipality:koebenhavn', 'region:hovedstaden', 'region:sjaelland', 'type:21', 'type:23'])
    expect(result.reason).toMatch(/^activities: 1 removed; events: 1 new; rendering/)
  })

  it('a department: its municipality and region before and now, and the types of its listings', async () => {
    const result = await plan(changesDir({ departments: { changed: [{ id: '1', before: { municipality: 'Kalundborg', region: 'hovedstaden' } }] } }))
    // Holbæk runs homework cafés (21), a café (22), guardianship (24) and a trip (23); the information meeting has no type.
    // The region it left lists its activities no more: that region's finder page is rendered too.
    expect(sorted(result.tags)).toEqual(['department:1', 'municipality:holbaek', 'municipality:kalundborg', 'region:hovedstaden', 'region:sjaelland', 'type:21', 'type:22', 'type:23', 'type:24'])
  })

  it('a page: that page', async () => {
    expect(sorted((await plan(changesDir({ pages: { changed: [{ id: '7', before: {} }] } }))).tags)).toEqual(['page:7'])
  })
})

describe('tags', () => {
  it('name a document by its ID, whether given an ID or a related document', () => {
    expect(tag.activity(12)).toBe('activity:12')
    expect(tag.department({ id: 3, name: 'Røde Kors Holbæk' })).toBe('department:3')
    expect(tag.event(null)).toBeUndefined()
    expect(tag.type(undefined)).toBeUndefined()
  })

  it('name a municipality by its slug', () => {
    expect(tag.municipality('Ringkøbing-Skjern')).toBe('municipality:ringkoebing-skjern')
    expect(tag.municipality('')).toBeUndefined()
  })
})
