/**
 * Creates a user on a fresh install:
 *   npm run create-user -- --email E --password P --role admin [--name "Navn"]
 * Refuses unknown roles, bad e-mail addresses, short passwords and existing users with a clear
 * message (exit code 1); the password is never printed.
 */
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { roles, type Role } from '../collections/Users'
import config from '../payload.config'

const usage = `Brug: npm run create-user -- --email E --password P --role ${roles.join('|')} [--name NAVN]`

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(1)
}

let values: Record<string, string | undefined>
try {
  ;({ values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  }))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

const { email, password, role, name } = values
if (!email || !password || !role) fail('--email, --password og --role skal angives.')
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`"${email}" er ikke en gyldig e-mailadresse.`)
if (password.length < 8) fail('Adgangskoden skal være mindst 8 tegn.')
if (!(roles as readonly string[]).includes(role)) fail(`Ukendt rolle "${role}". Mulige roller: ${roles.join(', ')}.`)

const payload = await getPayload({ config })
const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: email.toLowerCase() } } })
if (totalDocs > 0) fail(`Der findes allerede en bruger med e-mail ${email}.`)

await payload.create({
  collection: 'users',
  data: { email, password, role: role as Role, name },
})
console.log(`Bruger oprettet: ${email} (rolle: ${role}). Log ind på ${payload.config.serverURL}/admin`)
process.exit(0)
