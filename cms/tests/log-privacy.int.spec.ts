import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { startTestEnvironment } from '../../scripts/test-environment.mjs'
import { adminGet, postSignup, signupForm, testPort } from './processes'

/**
 * The CMS's log (issue 17, item 8): a person signs up, gets the confirmation and cancels with its
 * link; the department is told; an admin looks them up and exports their data. Then the whole log
 * of the real CMS process (stdout and stderr, from its start) is searched for what the person
 * gave: none of it is there, in any spelling. Every line is JSON with a level and a message, and
 * the lines written while a request was handled carry its ID.
 */
type Environment = Awaited<ReturnType<typeof startTestEnvironment>>
let environment: Environment
let logFile: string

beforeAll(async () => {
  logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drk-log-')), 'cms.log')
  environment = await startTestEnvironment({ cmsPort: await testPort(), sitePort: null, cmsLogFile: logFile })
}, 20 * 60_000)

afterAll(async () => {
  await environment?.stop()
  // KEEP_CMS_LOG=1 keeps it to read after a failure.
  if (logFile && !process.env.KEEP_CMS_LOG) fs.rmSync(path.dirname(logFile), { recursive: true, force: true })
  else if (logFile) console.log(`The CMS's log: ${logFile}`)
})

const person = {
  name: 'Quirinus Zebedæus Vølund',
  email: 'quirinus.zebedaeus.4417@example.org',
  phone: '29 71 33 08',
  message: 'Jeg kommer med min datter Ingeborg, hun er allergisk over for jordnødder',
}

/** Each value as the log might spell it: as given, normalised, in parts, URL-encoded, JSON-escaped. */
function spellings(): string[] {
  const values = [
    person.name,
    ...person.name.split(' '),
    person.email,
    person.email.split('@')[0]!,
    person.phone,
    person.phone.replace(/\s/g, ''),
    `+45${person.phone.replace(/\s/g, '')}`,
    person.message,
    'Ingeborg',
    'jordnødder',
  ]
  return [...new Set(values.flatMap((value) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), value.normalize('NFD')]))]
}

const mailFor = async (to: string) => {
  const messages = await Promise.all(fs.readdirSync(environment.mailDir).filter((file) => file.endsWith('.eml')).map((file) => simpleParser(fs.readFileSync(path.join(environment.mailDir, file)))))
  return messages.filter((message) => [message.to].flat().some((address) => address?.value.some((entry) => entry.address?.toLowerCase() === to)))
}

it('a signup, its confirmation, cancelling and an admin’s look-up leave nothing of the person in the CMS’s log', async () => {
  const { cmsUrl, siteUrl, admin } = environment
  // Refused first (a malformed e-mail address in it), then accepted.
  const refused = await postSignup(cmsUrl, siteUrl, signupForm({ ...person, email: `${person.email}@` }), '10.88.0.1')
  expect(refused.status).toBe(422)
  const response = await postSignup(cmsUrl, siteUrl, signupForm(person), '10.88.0.2')
  expect(response.status).toBe(201)
  const signupRequestId = response.headers.get('x-request-id')
  expect(signupRequestId).toMatch(/^[0-9a-f-]{36}$/)

  let link: string | undefined
  await expect
    .poll(async () => (link = /https?:\/\/\S+\/api\/signups\/cancel\?token=[A-Za-z0-9_-]+/.exec((await mailFor(person.email))[0]?.text ?? '')?.[0]), { timeout: 30_000 })
    .toBeTruthy()
  const cancelUrl = new URL(link!)
  const token = cancelUrl.searchParams.get('token')!
  expect((await fetch(`${cmsUrl}${cancelUrl.pathname}${cancelUrl.search}`)).status).toBe(200)
  expect((await fetch(`${cmsUrl}${cancelUrl.pathname}${cancelUrl.search}`, { method: 'POST', headers: { Origin: cmsUrl } })).status).toBe(200)
  await expect.poll(async () => (await mailFor(person.email)).length, { timeout: 30_000 }).toBe(2)

  // An admin searches for the person and exports what is held about them (the address is in the query string).
  const found = await adminGet<{ docs: { status: string }[] }>(cmsUrl, admin.token, `/signups?where[email][equals]=${encodeURIComponent(person.email)}&depth=0`)
  expect(found.docs.map((doc) => doc.status)).toEqual(['withdrawn'])
  const exported = await fetch(`${cmsUrl}/api/personal-data?email=${encodeURIComponent(person.email)}`, { headers: { Authorization: `JWT ${admin.token}` } })
  expect(exported.status).toBe(200)
  expect(await exported.text()).toContain(person.name)

  // The whole log, once the CMS has stopped (nothing left unwritten).
  await environment.stopCms()
  const log = fs.readFileSync(logFile, 'utf8')
  const lines = log.split('\n').filter((line) => line.trim())
  expect(lines.length).toBeGreaterThan(5)
  const lowered = log.toLowerCase()
  const leaks = [...spellings(), token].filter((value) => lowered.includes(value.toLowerCase()))
  expect(leaks).toEqual([])
  // The logger's redaction (lib/logger.ts) is a safety net: no log call should ever need it.
  expect(log).not.toContain('[redacted]')

  const entries = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new Error(`not a JSON line: ${line.slice(0, 200)}`)
    }
  })
  for (const entry of entries) {
    expect(typeof entry.level, JSON.stringify(entry)).toBe('string')
    expect(typeof entry.msg, JSON.stringify(entry)).toBe('string')
    expect(typeof entry.time, JSON.stringify(entry)).toBe('string')
  }
  const requests = entries.filter((entry) => entry.msg === 'request')
  expect(requests.length).toBeGreaterThan(4)
  for (const entry of requests) expect(entry.reqId, JSON.stringify(entry)).toBeTruthy()
  // Payload's own log lines of a request carry its ID: the signup's "stored" line belongs to its request.
  const ofSignup = entries.filter((entry) => entry.reqId === signupRequestId)
  expect(ofSignup.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['request', expect.stringMatching(/^Signup stored/)]))
}, 10 * 60_000)
