import path from 'node:path'
import { Worker } from 'node:worker_threads'

import type { EmailAdapter, SendEmailOptions } from 'payload'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import type SMTPTransport from 'nodemailer/lib/smtp-transport'

import { repoRoot } from '../paths'
import type { SmtpWorkerInfo, SmtpWorkerReply, SmtpWorkerRequest } from './smtpWorker'

/**
 * E-mail over SMTP, composed and sent by a worker thread (smtpWorker.ts): building a MIME message
 * and talking SMTP cost more CPU than storing a signup, and there they do not hold up the CMS's
 * requests. One worker, started on the first message; it keeps the process alive only while
 * messages are on their way. A failure comes back as an error with the SMTP code only.
 */
class SmtpWorkerClient {
  readonly #workerFile = path.join(repoRoot, 'cms', 'src', 'lib', 'email', 'smtpWorker.ts')
  readonly #pending = new Map<number, { resolve: (info: SmtpWorkerInfo) => void; reject: (error: Error) => void }>()
  readonly #transportOptions: SMTPTransport.Options
  #worker: Worker | undefined
  #lastId = 0

  constructor(transportOptions: SMTPTransport.Options) {
    this.#transportOptions = transportOptions
  }

  send(message: SmtpWorkerRequest['message']): Promise<SmtpWorkerInfo> {
    const id = ++this.#lastId
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      try {
        this.#worker ??= this.#start()
        this.#worker.ref()
        this.#worker.postMessage({ id, message } satisfies SmtpWorkerRequest)
      } catch (error) {
        this.#settle(id, error instanceof Error ? error : new Error('The e-mail worker could not take the message.'))
      }
    })
  }

  #settle(id: number, error: Error | undefined, info?: SmtpWorkerInfo) {
    const pending = this.#pending.get(id)
    this.#pending.delete(id)
    if (this.#pending.size === 0) this.#worker?.unref()
    if (error) pending?.reject(error)
    else pending?.resolve(info!)
  }

  #start(): Worker {
    const worker = new Worker(this.#workerFile, { workerData: { transportOptions: this.#transportOptions } })
    worker.unref()
    worker.on('message', (reply: SmtpWorkerReply) => {
      if ('info' in reply) return this.#settle(reply.id, undefined, reply.info)
      const { code, responseCode } = reply.error
      this.#settle(reply.id, Object.assign(new Error(`E-mail could not be sent (${responseCode ?? code ?? 'error'}).`), { code, responseCode }))
    })
    // A worker that fails or exits takes its messages with it; the next message starts a new one.
    const stopped = (reason: string) => {
      if (this.#worker === worker) this.#worker = undefined
      for (const id of [...this.#pending.keys()]) this.#settle(id, Object.assign(new Error(`The e-mail worker stopped (${reason}).`), { code: 'EWORKER' }))
    }
    worker.on('error', (error) => stopped(error.name))
    worker.on('exit', (exitCode) => stopped(`exit code ${exitCode}`))
    return worker
  }
}

/** Payload's e-mail adapter for SMTP_URL (what @payloadcms/email-nodemailer does, in a worker). */
export function smtpAdapter({ smtpUrl, defaultFromAddress, defaultFromName }: { smtpUrl: string; defaultFromAddress: string; defaultFromName: string }): EmailAdapter<SmtpWorkerInfo> {
  const client = new SmtpWorkerClient({
    // Short timeouts: a signup is stored first and its e-mails sent afterwards, never waited on.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // Settings in the URL's query win.
    ...parseConnectionUrl(smtpUrl),
  })
  const fromOf = (from: SendEmailOptions['from']) => (typeof from === 'object' && from ? (from.name ? `${from.name} <${from.address}>` : from.address) : from)
  return () => ({
    name: 'smtp-worker',
    defaultFromAddress,
    defaultFromName,
    sendEmail: (message) => client.send({ ...message, from: fromOf(message.from) || `${defaultFromName} <${defaultFromAddress}>` }),
  })
}
