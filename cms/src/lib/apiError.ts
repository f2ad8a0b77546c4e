import { APIError } from 'payload'

/**
 * An APIError whose message reaches the person. Payload names its errors after their class
 * (`this.constructor.name`), but in the CMS's production build (Turbopack) APIError is an anonymous
 * class, so the error has no name, and Payload's error formatter (formatErrors) then answers "An
 * unknown error occurred." instead of the message. (In tests and `next dev` the name is there.)
 */
export function publicApiError(message: string, status: number): APIError {
  const error = new APIError(message, status, null, true)
  error.name = status === 403 ? 'Forbidden' : 'APIError'
  return error
}
