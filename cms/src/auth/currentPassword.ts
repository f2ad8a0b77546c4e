import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type { CollectionBeforeOperationHook, Field } from 'payload'

import { publicApiError } from '../lib/apiError'
import { ours } from '../lib/translations'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Changing one's own password asks for the current one, so a session left open (or a stolen
 * token) cannot take the account over by changing it. An admin setting another user's password
 * (a reset) is not asked. Shown on one's own account page only; virtual, so never stored.
 */
export const currentPasswordField: Field = {
  name: 'currentPassword',
  type: 'text',
  virtual: true,
  label: { da: 'Nuværende adgangskode', en: 'Current password' },
  admin: {
    components: { Field: '@payloadcms/ui#PasswordField' },
    description: { da: 'Skal udfyldes, når du skifter din egen adgangskode.', en: 'Required when you change your own password.' },
    condition: (data, _siblingData, { user }) => Boolean(user && data?.id !== undefined && String(user.id) === String(data.id)),
  },
}

/** Payload 3.90's two hash formats (auth/strategies/local/generatePasswordSaltHash.js). */
async function matchesStoredPassword(password: string, hash: string, salt: string): Promise<boolean> {
  const current = 'pbkdf2-sha256-v1:'
  const [stored, iterations, keyLength] = hash.startsWith(current) ? [hash.slice(current.length), 600_000, 32] : [hash, 25_000, 512]
  const expected = Buffer.from(stored, 'hex')
  const actual = await pbkdf2(password, salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

export const requireCurrentPassword: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || req.payloadAPI === 'local') return args
  const { data, id } = args as { data?: { password?: unknown; currentPassword?: unknown }; id?: number | string }
  if (!data || typeof data.password !== 'string' || data.password === '') return args
  const own = id === undefined || String(id) === String(req.user.id)
  if (own) {
    const stored = await req.payload.db.findOne<{ id: number | string; hash?: string; salt?: string }>({ collection: 'users', where: { id: { equals: req.user.id } }, req })
    const given = typeof data.currentPassword === 'string' ? data.currentPassword : ''
    const matches = Boolean(given && stored?.hash && stored.salt && (await matchesStoredPassword(given, stored.hash, stored.salt)))
    // A plain 400 (shown as the admin's toast), not a field error: Payload's password input
    // keeps a field error after the user types, and the form then refuses every later save.
    if (!matches) {
      throw publicApiError(ours(req.t)('invalid:currentPassword'), 400)
    }
  }
  delete data.currentPassword
  return args
}
