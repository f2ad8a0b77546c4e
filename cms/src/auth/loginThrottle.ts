import crypto from 'node:crypto'

/**
 * Failed logins, counted in the CMS process's memory (one CMS process; a restart forgets, which
 * only gives an attacker a fresh window).
 *
 * Payload's own lock (N wrong passwords lock the account, whoever sends them) let anyone lock
 * anyone out, and its "locked" answer told which addresses have accounts. Instead:
 *
 * - per client address: LOGIN_ADDRESS_LIMIT failures per window (default 10 per 15 minutes),
 *   over all accounts; then that address is refused until the window has passed. One client
 *   guesses slowly and locks out nobody but itself.
 * - per account: LOGIN_ACCOUNT_LIMIT failures per window (default 30, i.e. several addresses
 *   at it) make the account guarded: clients that have never logged in to it are refused until
 *   the window has passed, while a browser that has (it carries a signed "known device" cookie,
 *   set on each successful login, after OWASP's device cookies) logs in as usual. A distributed
 *   guess is capped, and the owner is not stopped by it on their own devices (and can always
 *   reset the password by e-mail).
 *
 * The account key is the e-mail address as typed (normalised), whether or not an account has
 * it, so neither answer nor counter depends on the account existing.
 */
const settings = () => ({
  addressLimit: Number(process.env.LOGIN_ADDRESS_LIMIT ?? 10),
  accountLimit: Number(process.env.LOGIN_ACCOUNT_LIMIT ?? 30),
  windowMs: Number(process.env.LOGIN_WINDOW_SECONDS ?? 900) * 1000,
})

const failures = new Map<string, number[]>()
const maxKeys = 50_000

function recent(key: string, windowMs: number, now: number): number[] {
  const times = (failures.get(key) ?? []).filter((time) => now - time < windowMs)
  if (times.length) failures.set(key, times)
  else failures.delete(key)
  return times
}

function add(key: string, now: number): void {
  if (!failures.has(key) && failures.size >= maxKeys) {
    const oldest = failures.keys().next().value
    if (oldest !== undefined) failures.delete(oldest)
  }
  failures.set(key, [...(failures.get(key) ?? []), now])
}

function remove(key: string, time: number): void {
  const times = failures.get(key)
  const index = times?.lastIndexOf(time) ?? -1
  if (times && index >= 0) times.splice(index, 1)
}

export const normalizeLoginName = (email: unknown): string => (typeof email === 'string' ? email.trim().toLowerCase() : '')

const addressKey = (address: string) => `address:${address}`
const accountKey = (email: string) => `account:${email}`

export type LoginVerdict = { allowed: true; attempt: number } | { allowed: false; retryAfterSeconds: number }

/**
 * Before a login is tried: refused when the address, or (for a client that has not logged in
 * to this account before) the account, is over its limit. Otherwise the attempt is counted as a
 * failure in advance (so parallel guesses cannot slip past the limit) and refunded on success.
 */
export function beginLogin(address: string, email: string, knownDevice: boolean, now = Date.now()): LoginVerdict {
  const { addressLimit, accountLimit, windowMs } = settings()
  const byAddress = recent(addressKey(address), windowMs, now)
  const byAccount = recent(accountKey(email), windowMs, now)
  const waitFor = (times: number[]) => Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000))
  if (byAddress.length >= addressLimit) return { allowed: false, retryAfterSeconds: waitFor(byAddress) }
  if (!knownDevice && byAccount.length >= accountLimit) return { allowed: false, retryAfterSeconds: waitFor(byAccount) }
  add(addressKey(address), now)
  add(accountKey(email), now)
  return { allowed: true, attempt: now }
}

/** A successful login is not a failure after all. */
export function loginSucceeded(address: string, email: string, attempt: number): void {
  remove(addressKey(address), attempt)
  remove(accountKey(email), attempt)
}

/**
 * "Forgot password" from one client address: LOGIN_RESET_LIMIT requests per window (default 5
 * per 15 minutes), so one client cannot flood people's inboxes. True when this one may send.
 */
export function beginPasswordReset(address: string, now = Date.now()): boolean {
  const limit = Number(process.env.LOGIN_RESET_LIMIT ?? 5)
  const key = `reset:${address}`
  if (recent(key, settings().windowMs, now).length >= limit) return false
  add(key, now)
  return true
}

/** Forgets every count (tests). */
export function resetLoginThrottle(): void {
  failures.clear()
}

/**
 * The "known device" cookie: an HMAC of the account's e-mail address under the server's secret,
 * so it cannot be made without having logged in, and says nothing to anyone who reads it.
 */
export const knownDeviceCookie = 'drk-known-device'

export function knownDeviceToken(secret: string, email: string): string {
  return crypto.createHmac('sha256', secret).update(`known-device:${email}`).digest('base64url')
}

export function isKnownDevice(cookieHeader: string | null, secret: string, email: string): boolean {
  const expected = Buffer.from(knownDeviceToken(secret, email))
  return (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${knownDeviceCookie}=`))
    .some((part) => {
      const actual = Buffer.from(part.slice(knownDeviceCookie.length + 1))
      return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
    })
}
