import type { Access, PayloadRequest, Where } from 'payload'

type RequestUser = PayloadRequest['user']

/** Plain predicates, reusable outside access functions (hooks, admin conditions, scripts). */
export const isLoggedIn = (user: RequestUser): boolean => Boolean(user)
export const isAdmin = (user: RequestUser): boolean =>
  Boolean(user && 'role' in user && user.role === 'admin')

export const anyone: Access = () => true
export const loggedIn: Access = ({ req: { user } }) => isLoggedIn(user)
export const adminOnly: Access = ({ req: { user } }) => isAdmin(user)

const publishedOnly: Where = { _status: { equals: 'published' } }

/** Editors see drafts; the public (and the site build) only what is published. */
export const publishedOrLoggedIn: Access = ({ req: { user } }) => (isLoggedIn(user) ? true : publishedOnly)
