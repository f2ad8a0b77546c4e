import crypto from 'node:crypto'

/**
 * When a signup ceiling is reached (rateLimit.ts), a signup needs a solved challenge instead of
 * being refused. Challenges are stateless: the CMS signs them (HMAC with a key derived from
 * PAYLOAD_SECRET) and only remembers the ones already used, until they expire.
 *
 * - `work`: proof of work for the site's script: find a `proof` such that
 *   SHA-256(token + ":" + proof) starts with `difficulty` zero bits. A phone's browser solves the
 *   default in about a second; a flood has to pay for every signup.
 * - `wait`: for a person without JavaScript: the CMS's page asks them to confirm, and the token
 *   is good from a few seconds after it was issued (no work, just time).
 *
 * Either is bound to the client's key, good for SIGNUP_CHALLENGE_TTL_SECONDS and used once.
 */
export type ChallengeKind = 'work' | 'wait'

interface Claims {
  kind: ChallengeKind
  difficulty: number
  client: string
  notBefore: number
  expires: number
  nonce: string
}

const settings = () => ({
  difficulty: Number(process.env.SIGNUP_CHALLENGE_DIFFICULTY ?? 16),
  waitMs: Number(process.env.SIGNUP_CHALLENGE_WAIT_SECONDS ?? 3) * 1000,
  ttlMs: Number(process.env.SIGNUP_CHALLENGE_TTL_SECONDS ?? 600) * 1000,
})

const signingKey = (secret: string) => crypto.createHash('sha256').update(`signup-challenge:${secret}`).digest()
const sign = (secret: string, body: string) => crypto.createHmac('sha256', signingKey(secret)).update(body).digest('base64url')
const clientTag = (secret: string, client: string) => sign(secret, `client:${client}`).slice(0, 16)

export function issueChallenge(secret: string, kind: ChallengeKind, client: string, now = Date.now()): { token: string; difficulty: number; notBefore: number } {
  const { difficulty, waitMs, ttlMs } = settings()
  const claims: Claims = {
    kind,
    difficulty: kind === 'work' ? difficulty : 0,
    client: clientTag(secret, client),
    notBefore: kind === 'wait' ? now + waitMs : now,
    expires: now + ttlMs,
    nonce: crypto.randomBytes(12).toString('base64url'),
  }
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return { token: `${body}.${sign(secret, body)}`, difficulty: claims.difficulty, notBefore: claims.notBefore }
}

function leadingZeroBits(digest: Buffer): number {
  let bits = 0
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

export function solves(token: string, proof: string, difficulty: number): boolean {
  return leadingZeroBits(crypto.createHash('sha256').update(`${token}:${proof}`).digest()) >= difficulty
}

// Used tokens until they expire (a solved challenge is good for one signup).
const used = new Map<string, number>()
const maxUsed = 100_000

export type ChallengeCheck = { ok: true } | { ok: false; reason: 'missing' | 'invalid' | 'early' | 'used' | 'unsolved'; kind?: ChallengeKind; token?: string }

/** Checks (and on success uses up) a challenge sent with a signup. */
export function checkChallenge(secret: string, client: string, token: string | undefined, proof: string | undefined, now = Date.now()): ChallengeCheck {
  if (!token) return { ok: false, reason: 'missing' }
  const [body = '', signature = ''] = token.split('.')
  const expected = sign(secret, body)
  if (signature.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return { ok: false, reason: 'invalid' }
  let claims: Claims
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Claims
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (claims.expires <= now || claims.client !== clientTag(secret, client)) return { ok: false, reason: 'invalid' }
  for (const [key, expires] of used) {
    if (expires > now) break
    used.delete(key)
  }
  if (used.has(claims.nonce)) return { ok: false, reason: 'used' }
  if (claims.notBefore > now) return { ok: false, reason: 'early', kind: claims.kind, token }
  if (claims.kind === 'work' && !solves(token, proof ?? '', claims.difficulty)) return { ok: false, reason: 'unsolved', kind: claims.kind, token }
  if (used.size >= maxUsed) used.delete(used.keys().next().value!)
  used.set(claims.nonce, claims.expires)
  return { ok: true }
}
