/**
 * Creates a user on a fresh install or later:
 *   npm run create-user -- --email E --password P --role admin|editor|department-editor|translator
 *                          [--department SLUG ...] [--locale CODE ...] [--name "Navn"]   (a department's old slug works too)
 * Refuses an unknown role, department or language, a department editor without a department, a
 * translator without a language (or with Danish, the original), bad e-mail addresses, short
 * passwords and existing users, with a clear message (exit code 1). The password is never printed.
 */
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { defaultLocale, localeCodes } from '../../../core/locales'
import { isRole, roles } from '../access/index'
import config from '../payload.config'
import type { User } from '../payload-types'

/** The languages a translator can have: every locale but the Danish original. */
const translatedLocales: string[] = localeCodes.filter((code) => code !== defaultLocale)

const usage = [
  `Brug: npm run create-user -- --email E --password P --role ${roles.join('|')} [--department SLUG ...] [--locale SPROG ...] [--name NAVN]`,
  `  --department  lokalafdelingens URL-navn, for rollen department-editor (gentag for flere)`,
  `  --locale      sprog, rollen translator oversætter til: ${translatedLocales.join(', ')} (gentag for flere)`,
].join('\n')

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(1)
}

let values: { email?: string; password?: string; role?: string; name?: string; department?: string[]; locale?: string[] }
try {
  ;({ values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string', multiple: true },
      locale: { type: 'string', multiple: true },
    },
    strict: true,
  }))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

const { email, password, role, name, department: departmentSlugs = [], locale: localeArgs = [] } = values
if (!email || !password || !role) fail('--email, --password og --role skal angives.')
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`"${email}" er ikke en gyldig e-mailadresse.`)
if (password.length < 8) fail('Adgangskoden skal være mindst 8 tegn.')
if (!isRole(role)) fail(`Ukendt rolle "${role}". Mulige roller: ${roles.join(', ')}.`)
if (role === 'department-editor' && departmentSlugs.length === 0) {
  fail('En bruger med rollen department-editor skal have mindst én --department.')
}
if (role !== 'department-editor' && departmentSlugs.length > 0) {
  fail(`--department gælder kun rollen department-editor (ikke ${role}).`)
}
if (role === 'translator' && localeArgs.length === 0) fail('En bruger med rollen translator skal have mindst ét --locale.')
if (role !== 'translator' && localeArgs.length > 0) fail(`--locale gælder kun rollen translator (ikke ${role}).`)
for (const locale of localeArgs) {
  if (locale === defaultLocale) fail(`"${defaultLocale}" er originalsproget og oversættes ikke. Mulige sprog: ${translatedLocales.join(', ')}.`)
  if (!translatedLocales.includes(locale)) fail(`Ukendt sprog "${locale}". Mulige sprog: ${translatedLocales.join(', ')}.`)
}
const locales = [...new Set(localeArgs)] as NonNullable<User['languages']>

const payload = await getPayload({ config })
if (role !== 'admin' && (await payload.count({ collection: 'users' })).totalDocs === 0) {
  fail('Den første bruger skal være administrator (--role admin); opret derefter redaktører og lokalafdelinger.')
}
const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: email.toLowerCase() } } })
if (totalDocs > 0) fail(`Der findes allerede en bruger med e-mail ${email}.`)

const departments = []
for (const slug of departmentSlugs) {
  // A renamed department still answers to its old slug (scripts and notes written before the rename).
  const { docs } = await payload.find({ collection: 'departments', where: { or: [{ slug: { equals: slug } }, { previousSlugs: { in: [slug] } }] }, limit: 2, depth: 0 })
  const department = docs.find((doc) => doc.slug === slug) ?? docs[0]
  if (!department) {
    const known = await payload.find({ collection: 'departments', pagination: false, depth: 0, select: { slug: true } })
    fail(`Ukendt afdeling "${slug}". Kendte afdelinger: ${known.docs.map((doc) => doc.slug).join(', ') || '(ingen endnu)'}.`)
  }
  if (department.slug !== slug) console.log(`Afdelingen "${slug}" hedder nu "${department.slug}".`)
  departments.push(department.id)
}

await payload.create({
  collection: 'users',
  data: { email, password, role, name, departments, languages: locales },
})
const scope = departments.length ? ` for ${departmentSlugs.join(', ')}` : locales.length ? ` for ${locales.join(', ')}` : ''
console.log(`Bruger oprettet: ${email} (rolle: ${role}${scope}). Log ind på ${payload.config.serverURL}/admin`)
process.exit(0)
