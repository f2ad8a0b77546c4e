import { handleEndpoints, type Payload } from 'payload'

/**
 * Payload's own REST handler, in-process: the same routing, parsing, access and error handling
 * as `/api/*` on the server, without a Next build. Each test file has one Payload (tests/payload.ts).
 */
export interface RestOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

export async function rest(payload: Payload, method: string, path: string, options: RestOptions = {}): Promise<Response> {
  const { default: config } = await import('../src/payload.config')
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.token) headers.Authorization = `JWT ${options.token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const request = new Request(`${payload.config.serverURL}/api${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return handleEndpoints({ config, request })
}

/** Logs in over REST and returns the session's token. */
export async function loginToken(payload: Payload, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await rest(payload, 'POST', '/users/login', { body: { email, password }, headers })
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** 1×1 transparent PNG, for upload tests. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
