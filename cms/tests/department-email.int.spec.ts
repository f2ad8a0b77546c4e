import { describe, expect, it } from 'vitest'

import type { Department, Signup } from '../src/payload-types'
import { departmentEmail } from '../src/signups/email'
import type { SignupTarget } from '../src/signups/targets'

/** The department's "new signup" e-mail: what a coordinator needs to plan (how many, who, place or waiting list). */
const target: SignupTarget = {
  type: 'event',
  event: 1,
  department: { id: 1, name: 'Røde Kors København' } as Department,
  title: () => 'Familietur til Zoologisk Have',
  worksWithChildren: false,
  contactEmail: 'kbh@example.org',
  listing: { howToJoin: 'sign-up' },
  capacity: 40,
}
const signup = (fields: Partial<Signup>) =>
  ({ id: 7, kind: 'participant', name: 'Amina', email: 'amina@example.org', phone: null, language: 'ar', message: null, ...fields }) as Signup

describe('the department hears how many come and where they stand', () => {
  it('a family on the waiting list: the count, the companions and the number', () => {
    const email = departmentEmail(
      signup({ participants: 3, companions: [{ firstName: 'Yusuf', ageGroup: 'child' }, { ageGroup: 'small-child' }], place: 'waitlisted', waitlistPosition: 4 }),
      target,
      { adminUrl: 'http://localhost/admin', childCertificate: false },
    )!
    expect(email.text).toContain('Antal personer: 3')
    expect(email.text).toContain('Med kommer: Yusuf, barn 6–12 år; lille barn 0–5 år')
    expect(email.text).toContain('Plads: på ventelisten som nr. 4')
  })

  it('one person with a place', () => {
    const email = departmentEmail(signup({ participants: 1, companions: [], place: 'placed' }), target, { adminUrl: 'http://localhost/admin', childCertificate: false })!
    expect(email.text).toContain('Antal personer: 1')
    expect(email.text).not.toContain('Med kommer')
    expect(email.text).toContain('Plads: har plads')
  })

  it('a volunteer: no count of participants', () => {
    const email = departmentEmail(signup({ kind: 'volunteer' }), { ...target, type: 'activity', activity: 2 }, { adminUrl: 'http://localhost/admin', childCertificate: false })!
    expect(email.text).not.toContain('Antal personer')
  })
})
