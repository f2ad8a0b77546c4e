/**
 * Where the site offers a signup form, in one place: the site builds its form pages from this and
 * the CMS's signup endpoint refuses signups the site would not have offered a form for.
 */
export type SignupKind = 'participant' | 'volunteer'
export type SignupTargetType = 'activity' | 'event' | 'department'

/** The listing fields the rule reads (activities and events; a department has none). */
export interface SignupListing {
  /** "sign-up" asks for a signup; "just-come" (the default) and "contact" (contact first) do not. */
  howToJoin?: string | null
  /** Activities want volunteers unless the department says not (default yes). */
  volunteersWanted?: boolean | null
}

/** A participant signup form: on activities and events whose "how to join" is "sign up". */
export const takesParticipantSignups = (listing: SignupListing): boolean => listing.howToJoin === 'sign-up'

/** A volunteer form: on activities that want volunteers. */
export const takesVolunteers = (listing: SignupListing): boolean => listing.volunteersWanted !== false

/**
 * Whether the site shows this form. Participants sign up for activities and events, volunteers
 * for activities or a whole department (every department has a volunteer form).
 */
export function offersSignupForm(kind: SignupKind, type: SignupTargetType, listing: SignupListing): boolean {
  if (kind === 'participant') return (type === 'activity' || type === 'event') && takesParticipantSignups(listing)
  if (type === 'department') return true
  return type === 'activity' && takesVolunteers(listing)
}
