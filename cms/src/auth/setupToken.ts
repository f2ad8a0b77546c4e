import crypto from 'node:crypto'

import type { CollectionBeforeOperationHook, Field } from 'payload'
import { ValidationError } from 'payload'

import { ours } from '../lib/translations'

/**
 * Until the first user exists, Payload's "create first user" screen makes an admin of whoever
 * opens it first. In production that screen asks for a one-time setup code: `npm start` makes
 * one (or takes SETUP_TOKEN), hands it to the CMS and prints it in the terminal while there are
 * no users. Without SETUP_TOKEN a production CMS refuses the screen (`npm run create-user` still
 * works); development and tests (NODE_ENV not production, no SETUP_TOKEN) work as before.
 * Once a user exists the screen is closed anyway, so the code is good for one use.
 */
export const setupTokenField: Field = {
  name: 'setupToken',
  type: 'text',
  virtual: true,
  label: { da: 'Opsætningskode', en: 'Setup code' },
  admin: {
    description: { da: 'Koden, som npm start skrev i terminalen.', en: 'The code npm start printed in the terminal.' },
    // Only on the "create first user" screen, where nobody is logged in.
    condition: (_data, _siblingData, { user }) => !user && (process.env.NODE_ENV === 'production' || Boolean(process.env.SETUP_TOKEN)),
  },
}

const sameToken = (given: unknown, expected: string) => {
  if (typeof given !== 'string') return false
  const [a, b] = [crypto.createHash('sha256').update(given.trim()).digest(), crypto.createHash('sha256').update(expected).digest()]
  return crypto.timingSafeEqual(a, b)
}

export const requireSetupToken: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local') return args
  const data = (args as { data?: { setupToken?: unknown } }).data
  const expected = process.env.SETUP_TOKEN
  const required = Boolean(expected) || process.env.NODE_ENV === 'production'
  if (!req.user && required && (await req.payload.db.count({ collection: 'users', req })).totalDocs === 0 && !(expected && sameToken(data?.setupToken, expected))) {
    throw new ValidationError({
      collection: 'users',
      errors: [
        {
          path: 'setupToken',
          message: ours(req.t)(expected ? 'invalid:setupToken' : 'invalid:setupTokenNotSet'),
        },
      ],
    })
  }
  if (data) delete data.setupToken
  return args
}
