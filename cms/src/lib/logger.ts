import type { Config } from 'payload'

import { currentRequestId, safeError } from './logLine.mjs'

/**
 * Payload's logger on the CMS server: JSON lines on stdout (logLine.mjs), with the request's ID.
 * Payload's default is pino-pretty's coloured text; scripts and tests keep it (`undefined`).
 *
 * Redaction is the second line of defence: no log call of ours passes a document or a request
 * body, but if one ever did (ours or Payload's), these fields would be written as "[redacted]".
 */
export function cmsLogger(): Config['logger'] {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return undefined
  const personal = ['email', 'phone', 'name', 'message', 'comment', 'password', 'data', 'doc', 'body', 'headers', 'cookie', 'authorization']
  // Options, not a pino instance: Payload makes the logger with its own pino.
  return {
    options: {
      enabled: process.env.DISABLE_LOGGING !== 'true',
      level: process.env.LOG_LEVEL ?? 'info',
      messageKey: 'msg',
      // No bindings (pid, host name, the logger's name): the process manager knows the first two,
      // and a `name` would be taken for a person's by the redaction below.
      formatters: { bindings: () => ({}), level: (label: string) => ({ level: label }) },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      mixin: () => {
        const reqId = currentRequestId()
        return reqId ? { reqId } : {}
      },
      serializers: { err: safeError, error: safeError },
      redact: { paths: [...personal, ...personal.map((field) => `*.${field}`)], censor: '[redacted]' },
    },
  }
}
