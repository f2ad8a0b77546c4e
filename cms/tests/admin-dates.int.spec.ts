import type { FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

/**
 * Every date field in the admin reads what an editor types day-month ("10.07.2027" is 10 July):
 * a date field added without `dateField()` (fields/date.ts) would again let react-datepicker
 * read it the American way. The browser journey is e2e/tests/admin-dates.spec.ts.
 */
let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => {
  await stop?.()
})

/** Every date field an editor sees, however deep (groups, arrays, tabs), named by its path. */
function dateFields(fields: FlattenedField[], prefix: string): [string, FlattenedField][] {
  return fields.flatMap((field): [string, FlattenedField][] => {
    const path = `${prefix}.${field.name}`
    // Payload's own bookkeeping (a password reset's expiry, sessions) never shows in the admin.
    if (field.hidden === true || field.admin?.hidden || field.admin?.disabled) return []
    if (field.type === 'date') return [[path, field]]
    if ('flattenedFields' in field) return dateFields(field.flattenedFields, path)
    if (field.type === 'blocks') return field.blocks.flatMap((block) => ('flattenedFields' in block ? dateFields(block.flattenedFields, `${path}.${block.slug}`) : []))
    return []
  })
}

describe('date fields in the admin', () => {
  it('every date field reads day-month and shows it in the admin language', () => {
    const fields = [
      ...Object.values(payload.collections).flatMap(({ config }) => dateFields(config.flattenedFields, config.slug)),
      ...payload.globals.config.flatMap((global) => dateFields(global.flattenedFields, global.slug)),
    ].filter(([path]) => !/\.(createdAt|updatedAt)$/.test(path) && !path.startsWith('payload-'))
    expect(fields.length).toBeGreaterThan(10)
    for (const [path, field] of fields) {
      if (field.type !== 'date') continue
      const date = field.admin?.date as { overrides?: { dateFormat?: unknown }; timeFormat?: string } | undefined
      // The list of formats is what stops react-datepicker from falling back to `new Date(text)`.
      expect(date?.overrides?.dateFormat, path).toEqual(expect.arrayContaining(['d.M.yyyy', 'd/M/yyyy', 'd-M-yyyy']))
      expect((date?.overrides?.dateFormat as string[]).some((format) => /^M/.test(format)), `${path} reads month-day`).toBe(false)
      expect(field.admin?.components?.Field, path).toBeTruthy()
    }
  })

  it('the "schedule publish" time list has a 24-hour clock', () => {
    const scheduled = Object.values(payload.collections).filter(({ config }) => config.versions?.drafts && config.versions.drafts.schedulePublish)
    expect(scheduled.length).toBeGreaterThan(0)
    for (const { config } of scheduled) {
      const drafts = config.versions?.drafts as { schedulePublish?: boolean | { timeFormat?: string } }
      expect(typeof drafts.schedulePublish === 'object' && drafts.schedulePublish.timeFormat, config.slug).toBe('HH:mm')
    }
  })
})
