/**
 * Composes and sends e-mail over SMTP in a worker thread (started by smtp.ts), off the thread
 * that answers the CMS's requests.
 *
 * Node runs this file itself, outside Next's bundle (type stripping: erasable TypeScript only,
 * and no imports of our own modules).
 */
import net from 'node:net'
import { parentPort, workerData } from 'node:worker_threads'

import nodemailer, { type SendMailOptions } from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool'
import type SMTPTransport from 'nodemailer/lib/smtp-transport'

export interface SmtpWorkerRequest {
  id: number
  message: SendMailOptions
}

export interface SmtpWorkerInfo {
  messageId: string
  envelope: object
}

export type SmtpWorkerReply =
  | { id: number; info: SmtpWorkerInfo }
  // Never the error's text: an SMTP server's answer may quote the recipient's address.
  | { id: number; error: { code?: string; responseCode?: number } }

const { transportOptions } = workerData as { transportOptions: SMTPTransport.Options }

const createTransport = () =>
  nodemailer.createTransport({
    // A few connections, each used for many messages: a new connection and SMTP greeting per
    // message cost about a third of the CPU when signups come in quick succession.
    pool: true,
    maxConnections: 5,
    ...transportOptions,
    // Without TCP_NODELAY a reused connection waits for the server's delayed ACK (up to 40 ms) at
    // the end of each message, which nodemailer writes in several small pieces: so the worker opens
    // the connections itself (nodemailer then speaks SMTP over them, TLS included).
    getSocket: (options: SMTPTransport.Options, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) => {
      const socket = net.connect({
        host: options.host ?? 'localhost',
        port: Number(options.port) || (options.secure ? 465 : 587),
        localAddress: options.localAddress,
        noDelay: true,
      })
      const timer = setTimeout(() => socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), options.connectionTimeout ?? 10_000)
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.removeAllListeners('error')
        callback(null, { connection: socket })
      })
      socket.once('error', (error) => {
        clearTimeout(timer)
        callback(error)
      })
    },
  } as SMTPPool.Options)

/** Connections are kept while messages keep coming, and closed after a second without any. */
const idleMs = 1_000
let transport: ReturnType<typeof createTransport> | undefined
let sending = 0
let idleTimer: ReturnType<typeof setTimeout> | undefined

async function send(message: SendMailOptions): Promise<SmtpWorkerInfo> {
  clearTimeout(idleTimer)
  transport ??= createTransport()
  sending++
  try {
    const { messageId, envelope } = await transport.sendMail(message)
    return { messageId, envelope }
  } finally {
    if (--sending === 0) {
      idleTimer = setTimeout(() => {
        transport?.close()
        transport = undefined
      }, idleMs)
    }
  }
}

parentPort?.on('message', ({ id, message }: SmtpWorkerRequest) => {
  send(message).then(
    (info) => parentPort?.postMessage({ id, info } satisfies SmtpWorkerReply),
    (error: { code?: string; responseCode?: number } | undefined) => {
      parentPort?.postMessage({ id, error: { code: error?.code, responseCode: error?.responseCode } } satisfies SmtpWorkerReply)
    },
  )
})
