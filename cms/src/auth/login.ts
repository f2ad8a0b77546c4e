import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest, headersWithCors } from 'payload'

import { publicApiError } from '../lib/apiError'
import { clientKey } from '../lib/clientKey'
import { beginLogin, beginPasswordReset, isKnownDevice, knownDeviceCookie, knownDeviceToken, loginSucceeded, normalizeLoginName } from './loginThrottle'

const pbkdf2 = promisify(crypto.pbkdf2)

interface LoginAttempt {
  address: string
  email: string
  attempt: number
}

const tooMany = (req: PayloadRequest, seconds: number) => {
  const minutes = Math.ceil(seconds / 60)
  return publicApiError(
    req.i18n?.language === 'en'
      ? `Too many failed login attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
      : `For mange mislykkede loginforsøg. Prøv igen om ${minutes} minut${minutes === 1 ? '' : 'ter'}.`,
    429,
  )
}

/**
 * Before Payload checks a password over REST: the throttle (loginThrottle.ts), and for an
 * address without an account the same password work as for one with an account (Payload
 * answers "unknown" at once but hashes for 0.1–0.5 s when the account exists, which told the
 * two apart). The parameters are Payload 3.90's current ones (generatePasswordSaltHash.js).
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  const email = normalizeLoginName(data.email)
  const address = clientKey(req)
  const verdict = beginLogin(address, email, isKnownDevice(req.headers.get('cookie'), req.payload.secret, email))
  if (!verdict.allowed) throw tooMany(req, verdict.retryAfterSeconds)
  req.context.loginAttempt = { address, email, attempt: verdict.attempt } satisfies LoginAttempt
  const account = email ? await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req }) : null
  if (!account && typeof data.password === 'string' && data.password) {
    await pbkdf2(data.password, crypto.randomBytes(32).toString('hex'), 600_000, 32, 'sha256')
  }
  return args
}

/** A successful login refunds its count and marks this browser as one that has logged in to the account. */
export const rememberKnownDevice: CollectionAfterLoginHook = ({ req, user }) => {
  const attempt = req.context.loginAttempt as LoginAttempt | undefined
  if (!attempt) return user
  loginSucceeded(attempt.address, attempt.email, attempt.attempt)
  const email = normalizeLoginName(user.email)
  const secure = req.payload.config.serverURL.startsWith('https:') ? '; Secure' : ''
  const headers = req.responseHeaders ?? new Headers()
  headers.append(
    'Set-Cookie',
    `${knownDeviceCookie}=${knownDeviceToken(req.payload.secret, email)}; Path=/api/users/login; Max-Age=${365 * 24 * 60 * 60}; HttpOnly; SameSite=Strict${secure}`,
  )
  req.responseHeaders = headers
  return user
}

/**
 * "Forgot password", answered before anything about the account is looked up: Payload's own
 * endpoint answered the same words either way but took an e-mail's sending longer when the
 * account exists. The reset (Payload's own operation, with its 15-second per-account interval)
 * runs after the answer; a client over its limit gets the same answer and no e-mail.
 */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = normalizeLoginName((req.data as { email?: unknown } | undefined)?.email)
    if (!email) throw publicApiError('Missing email.', 400)
    if (beginPasswordReset(clientKey(req))) {
      const { payload } = req
      setImmediate(() => {
        payload.forgotPassword({ collection: 'users', data: { email } }).catch((error: unknown) => {
          // Never the address: only that a reset e-mail failed and why, in general terms.
          payload.logger.error(`Forgot-password e-mail failed: ${error instanceof Error ? error.name : 'unknown error'}`)
        })
      })
    }
    return Response.json({ message: req.t('general:success') }, { headers: headersWithCors({ headers: new Headers(), req }), status: 200 })
  },
}
