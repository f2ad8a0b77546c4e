/**
 * The signup contract between the site's forms and the CMS's signup endpoint, in one place: the
 * kinds of form, what a form is for (its target, `activity:<slug>`), where the site offers a form
 * (the site builds its form pages from this and the endpoint refuses signups the site would not
 * have offered a form for), and the statuses a coordinator moves a signup through.
 */
export const signupKinds = ['participant', 'volunteer'] as const
export type SignupKind = (typeof signupKinds)[number]

export const signupTargetTypes = ['activity', 'event', 'department'] as const
export type SignupTargetType = (typeof signupTargetTypes)[number]

/** What each kind of form can be for: participants join activities and events, volunteers help at an activity or a whole department. */
export const targetTypesOf: Record<SignupKind, readonly SignupTargetType[]> = {
  participant: ['activity', 'event'],
  volunteer: ['activity', 'department'],
}

/** A form's target as the form posts it: `activity:<slug>`, `event:<slug>` or `department:<slug>`. */
export type SignupTargetText = `${SignupTargetType}:${string}`

export const signupTarget = (type: SignupTargetType, slug: string): SignupTargetText => `${type}:${slug}`

/** The grammar of a target: a type and a slug (core/slug.ts makes only these characters). */
export const signupTargetPattern = /^(activity|event|department):([a-z0-9-]{1,120})$/

/** A posted target's type and slug, or undefined when it is not one. */
export function parseSignupTarget(target: string): { type: SignupTargetType; slug: string } | undefined {
  const match = signupTargetPattern.exec(target)
  return match ? { type: match[1] as SignupTargetType, slug: match[2]! } : undefined
}

/** The type a target names (also of one otherwise malformed), to check it against the kind. */
export const targetTypeOf = (target: string | undefined): string | undefined => target?.split(':')[0]

/** A signup's status, from new until it is closed; the admin names them (cms/src/signups/Signups.ts). */
export const signupStatuses = ['new', 'contacted', 'accepted', 'declined', 'withdrawn'] as const
export type SignupStatus = (typeof signupStatuses)[number]
/** A signup with one of these statuses is closed: the retention period counts from then. */
export const closedStatuses: readonly SignupStatus[] = ['accepted', 'declined', 'withdrawn']

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
  if (!targetTypesOf[kind].includes(type)) return false
  if (kind === 'participant') return takesParticipantSignups(listing)
  return type === 'department' || takesVolunteers(listing)
}

/**
 * Places and the waiting list (issue 15). A participant signup for a listing with a capacity is
 * `placed` (its participants count against the places) or `waitlisted` (with a position, 1 first);
 * a signup that gave up its place (the person cancelled: status `withdrawn`; the coordinator
 * declined it: `declined`) has no place (null). Signups for listings without a capacity are placed.
 */
export const signupPlaces = ['placed', 'waitlisted'] as const
export type SignupPlace = (typeof signupPlaces)[number]

/** A signup counts the person and the family members who come with them: 1 to this many. */
export const maxParticipants = 10

/** The age groups a family member who comes along can be given (the department plans by them). */
export const companionAgeGroups = ['adult', 'teen', 'child', 'small-child'] as const
export type CompanionAgeGroup = (typeof companionAgeGroups)[number]

/**
 * The form's fixed rows for those who come along (names `companion1Name`, `companion1Age`, …):
 * fixed, so the form works without JavaScript; empty rows are ignored.
 */
export const companionRows = Array.from({ length: maxParticipants - 1 }, (_, index) => index + 1)

/** The places a signup takes: its participants (a signup from before places existed counts one). */
export const participantsOf = (signup: { participants?: number | null }): number => signup.participants || 1
