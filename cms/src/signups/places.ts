import type { Payload, PayloadRequest } from 'payload'

import type { Signup } from '../payload-types'

/**
 * Places and the waiting list (issue 15): who gets a place, who waits, and who moves up when places
 * free up. Stub: the places work fills it in.
 *
 * Call `releasePlaces` after a signup left its place or the waiting list (the person cancelled
 * through their link, the coordinator declined it): it frees the signup's places and places the
 * first waiting signups that now fit, telling each of them (notify.ts).
 */
export async function releasePlaces(_payload: Payload, _signup: Signup, _req?: PayloadRequest): Promise<void> {}
