import type { Payload } from 'payload'

import type { Signup } from '../payload-types'

/**
 * What a person is told about their signup, in their language, by e-mail or (with only a phone
 * number) by SMS (issue 15). Stub: the messages work fills it in.
 *
 * - `placed`: they have a place (after signing up);
 * - `waitlisted`: no place yet, they are number N on the waiting list (after signing up);
 * - `promoted`: a place freed up and is now theirs;
 * - `declined`: the coordinator declined the signup;
 * - `cancelled`: their cancellation through the link went through.
 */
export type PersonNotice = 'placed' | 'waitlisted' | 'promoted' | 'declined' | 'cancelled'

/** Never throws and never delays the caller's answer: a failure is logged without personal data. */
export async function tellPerson(_payload: Payload, _signup: Signup, _notice: PersonNotice): Promise<void> {}
