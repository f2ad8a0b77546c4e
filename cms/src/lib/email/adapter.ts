import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transport } from 'nodemailer'

import { dataDir } from '../paths'
import { smtpAdapter } from './smtp'

/**
 * Where e-mails (and SMS, signups/sms/) go when no SMTP_URL is set (development): one file per
 * message. DATA_DIR is read when a message is written, not when this file was first imported, so
 * a test that points DATA_DIR at its own folder never writes into the project's data/.
 */
export const outboxDir = () => path.join(process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : dataDir, 'outbox')

/** Writes each message as an .eml file instead of sending it; nothing leaves the machine. */
const outboxTransport: Transport<{ envelope: object; messageId: string; path: string }> = {
  name: 'outbox',
  version: '1.0.0',
  send(mail, callback) {
    const chunks: Buffer[] = []
    const stream = mail.message.createReadStream()
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', (error) => callback(error, undefined as never))
    stream.on('end', () => {
      const dir = outboxDir()
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`)
      fs.promises
        .mkdir(dir, { recursive: true })
        .then(() => fs.promises.writeFile(file, Buffer.concat(chunks), { mode: 0o600 }))
        .then(() => callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId(), path: file }))
        .catch((error: Error) => callback(error, undefined as never))
    })
  },
}

/** One line for the start-up log; never any message content. */
export function emailDestination(): string {
  return process.env.SMTP_URL ? 'E-mail is sent over SMTP (SMTP_URL).' : `No SMTP_URL: e-mails are written to ${outboxDir()} instead of being sent.`
}

/** Payload's e-mail adapter: over SMTP_URL (from a worker thread, smtp.ts), or into the local outbox folder. */
export const emailAdapter = () => {
  const defaults = { defaultFromAddress: process.env.EMAIL_FROM_ADDRESS ?? 'no-reply@rodekors.dk', defaultFromName: process.env.EMAIL_FROM_NAME ?? 'Røde Kors' }
  const smtpUrl = process.env.SMTP_URL
  // The SMTP server is not contacted until the first message (no verification at start-up).
  if (smtpUrl) return smtpAdapter({ smtpUrl, ...defaults })
  return nodemailerAdapter({ ...defaults, skipVerify: true, transport: nodemailer.createTransport(outboxTransport) })
}
