import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { outboxDir } from '../../lib/email/adapter'
import { countSms } from './segments'

export { countSms, fitSms, type SmsPart } from './segments'

/** One text message to one phone: `to` in E.164 (`+4512345678`, as the signup form stores it). */
export interface Sms {
  to: string
  text: string
}

/** Where text messages go. `send` rejects with an error that names no recipient and no text. */
export interface SmsProvider {
  name: string
  send(sms: Sms): Promise<void>
}

class SmsError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'SmsError'
  }
}

/** The sender name or number shown on the phone (GatewayAPI: up to 11 letters or 15 digits). */
const sender = () => process.env.SMS_SENDER || 'Roede Kors'
const timeoutMs = 15_000

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<void> {
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw new SmsError(`the SMS gateway could not be reached (${error instanceof Error ? error.name : 'error'})`)
  }
  // The body is read and dropped (it may echo the recipient); only the status is kept.
  await response.arrayBuffer().catch(() => undefined)
  if (!response.ok) throw new SmsError(`the SMS gateway answered ${response.status}`, response.status)
}

/**
 * GatewayAPI (gatewayapi.eu, Danish): POST /rest/mtsms with the API token in the Authorization
 * header and `{ sender, message, recipients: [{ msisdn }] }`; the MSISDN is the number with its
 * country code and no "+". A text outside the GSM alphabet is sent with `encoding: "UCS2"`
 * (GatewayAPI would otherwise transcode it to GSM 03.38 and lose the Arabic or Ethiopic letters).
 */
export const gatewayApi = (): SmsProvider => {
  const url = process.env.GATEWAYAPI_URL || 'https://gatewayapi.eu/rest/mtsms'
  const token = process.env.GATEWAYAPI_TOKEN
  return {
    name: 'gatewayapi',
    async send({ to, text }) {
      if (!token) throw new SmsError('GATEWAYAPI_TOKEN is not set')
      const msisdn = Number(to.replace(/^\+/, ''))
      const body = { sender: sender(), message: text, recipients: [{ msisdn }], ...(countSms(text).encoding === 'UCS-2' ? { encoding: 'UCS2' } : {}) }
      await post(url, body, { Authorization: `Token ${token}` })
    },
  }
}

/**
 * Any HTTP gateway: a JSON POST to SMS_WEBHOOK_URL with `{ to, from, text, encoding, segments }`;
 * SMS_WEBHOOK_SECRET, when set, goes as a bearer token so the gateway can tell it is us.
 */
export const webhook = (): SmsProvider => {
  const url = process.env.SMS_WEBHOOK_URL
  return {
    name: 'webhook',
    async send({ to, text }) {
      if (!url) throw new SmsError('SMS_WEBHOOK_URL is not set')
      const { encoding, segments } = countSms(text)
      const secret = process.env.SMS_WEBHOOK_SECRET
      await post(url, { to, from: sender(), text, encoding, segments }, secret ? { Authorization: `Bearer ${secret}` } : {})
    },
  }
}

/** Without a provider (development): one .sms.json file per message in data/outbox/, beside the e-mails. */
export const outbox = (): SmsProvider => ({
  name: 'outbox',
  async send({ to, text }) {
    const dir = outboxDir()
    await fs.promises.mkdir(dir, { recursive: true })
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.sms.json`)
    const { encoding, segments } = countSms(text)
    // Written under a temporary name, then renamed: a reader never sees half a message.
    await fs.promises.writeFile(`${file}.part`, `${JSON.stringify({ to, from: sender(), text, encoding, segments }, null, 2)}\n`, { mode: 0o600 })
    await fs.promises.rename(`${file}.part`, file)
  },
})

/** SMS_PROVIDER: `gatewayapi`, `webhook`, or unset for the outbox. Read at each message, so tests and a restart-free change of settings work. */
export function smsProvider(): SmsProvider {
  const name = process.env.SMS_PROVIDER?.trim().toLowerCase()
  if (name === 'gatewayapi') return gatewayApi()
  if (name === 'webhook') return webhook()
  return outbox()
}
