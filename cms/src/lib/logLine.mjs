// The CMS's log, in plain JavaScript: read by the CMS's own server (server.mjs, before Next) and
// by Payload's logger (logger.ts). One JSON object per line on stdout, each with `time`, `level`
// and `msg` (what happened), and `reqId` when it was written while a request was handled, so a
// log collector can follow one request. Personal data (e-mail addresses, phone numbers, names,
// messages) is never written: the code logs counts, IDs and error codes only, and errors are cut
// down here to what cannot carry it (see `safeError`).
import { AsyncLocalStorage } from 'node:async_hooks'

const contextKey = Symbol.for('drk.requestContext')
const state = /** @type {Record<symbol, AsyncLocalStorage<{ reqId: string }> | undefined>} */ (/** @type {unknown} */ (globalThis))

/**
 * The store of the request being handled. One per process on globalThis: Next bundles this file
 * into the CMS's server code as a second copy of the module, and both must see the same store.
 * @returns {AsyncLocalStorage<{ reqId: string }>}
 */
export function requestContext() {
  return (state[contextKey] ??= new AsyncLocalStorage())
}

/** The ID of the request being handled, if any. */
export const currentRequestId = () => requestContext().getStore()?.reqId

/**
 * An error as the log may show it: its type, its code and its message, cut at the first line.
 * A database error's message goes on with the SQL's parameters (the values of a signup being
 * stored), and a stack or a cause may quote them again: none of that is kept.
 * @param {unknown} error
 */
export function safeError(error) {
  if (!(error instanceof Error)) return { type: typeof error }
  const code = /** @type {{ code?: unknown }} */ (error).code
  const firstLine = error.message.split('\n')[0] ?? ''
  // "Failed query: insert into ... values (?, ?)" is followed by "params: <values>" on the next line.
  const message = firstLine.replace(/\bparams:.*$/i, '').slice(0, 300)
  // The frames only ("    at file:line"): where it happened, without the message again.
  const stack = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 12).join('\n')
  return { type: error.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), message, ...(stack ? { stack } : {}) }
}

/**
 * One log line.
 * @param {'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'} level
 * @param {string} msg
 * @param {Record<string, unknown>} [fields]
 */
export function logLine(level, msg, fields = {}) {
  const reqId = currentRequestId()
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(reqId ? { reqId } : {}), ...fields })
  // process.stdout: console.* is itself turned into these lines (server.mjs).
  process.stdout.write(`${line}\n`)
}

/** Text for a console.* call: strings as they are, errors through `safeError`, anything else as its type. */
const consoleText = (/** @type {unknown[]} */ args) =>
  args
    .map((arg) => {
      if (typeof arg === 'string') return arg
      if (arg instanceof Error) {
        const { type, code, message } = safeError(arg)
        return `${type}${code ? ` (${code})` : ''}: ${message}`
      }
      if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg)
      // An object may be a document or a request body: its type, never its contents.
      return `[${arg === null ? 'null' : typeof arg}]`
    })
    .join(' ')
    // Escape codes from tools that colour their output.
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, '')

/**
 * Turns console.log/info/warn/error/debug (Next's own messages, a library's) into log lines too,
 * so every line of the CMS's output is JSON.
 */
export function consoleAsLogLines() {
  const levels = /** @type {const} */ ({ log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'trace' })
  for (const [method, level] of Object.entries(levels)) {
    // @ts-expect-error -- replacing console's methods on purpose
    console[method] = (...args) => logLine(level, consoleText(args))
  }
}
