import { describe, expect, it } from 'vitest'

import { relationId } from '../relation'

describe('relationId (core/relation.ts)', () => {
  it('is the ID at depth 0 and the document’s ID at depth > 0', () => {
    expect(relationId(7)).toBe(7)
    expect(relationId('65f1c0ffee')).toBe('65f1c0ffee')
    expect(relationId({ id: 7, title: 'Lektiecafé' })).toBe(7)
  })

  it('is undefined for an empty relationship', () => {
    expect(relationId(null)).toBeUndefined()
    expect(relationId(undefined)).toBeUndefined()
  })
})
