import { describe, expect, it } from 'vitest'

import { closedStatuses, offersSignupForm, parseSignupTarget, signupKinds, signupStatuses, signupTarget, signupTargetTypes, targetTypesOf } from '../signups'

describe('the signup contract (core/signups.ts)', () => {
  it('writes and reads a target', () => {
    expect(signupTarget('activity', 'aarhus-lektiecafe')).toBe('activity:aarhus-lektiecafe')
    expect(parseSignupTarget('event:roenne-familiedag-strand')).toEqual({ type: 'event', slug: 'roenne-familiedag-strand' })
  })

  it('refuses what is not a target', () => {
    for (const text of ['', 'activity:', 'page:om-integration', 'activity:Store-Bogstaver', 'department:roenne; drop table signups', `activity:${'a'.repeat(121)}`]) {
      expect(parseSignupTarget(text), text).toBeUndefined()
    }
  })

  it('offers participant forms on activities and events that ask for signups, volunteer forms on activities and departments', () => {
    const signUp = { howToJoin: 'sign-up' }
    const justCome = { howToJoin: 'just-come' }
    const noVolunteers = { volunteersWanted: false }
    const offered = signupKinds.flatMap((kind) =>
      signupTargetTypes.flatMap((type) =>
        [signUp, justCome, noVolunteers].filter((listing) => offersSignupForm(kind, type, listing)).map((listing) => `${kind} ${type} ${JSON.stringify(listing)}`),
      ),
    )
    expect(offered).toEqual([
      'participant activity {"howToJoin":"sign-up"}',
      'participant event {"howToJoin":"sign-up"}',
      'volunteer activity {"howToJoin":"sign-up"}',
      'volunteer activity {"howToJoin":"just-come"}',
      'volunteer department {"howToJoin":"sign-up"}',
      'volunteer department {"howToJoin":"just-come"}',
      'volunteer department {"volunteersWanted":false}',
    ])
    expect(targetTypesOf.volunteer).not.toContain('event')
  })

  it('closes a signup with a status that is one of the statuses', () => {
    for (const status of closedStatuses) expect(signupStatuses).toContain(status)
    expect(closedStatuses).not.toContain('new')
  })
})
