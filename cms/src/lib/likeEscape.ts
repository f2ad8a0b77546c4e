import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'

/**
 * Payload's SQLite adapter turns `like`/`contains` into `LIKE '%<word>%'` without escaping, so a
 * `_` or `%` in what was typed matched any character (`like=a_b` found "axb", `like=%` every
 * document). The same operators, with the typed text taken literally (ESCAPE '\').
 */
export function escapeLikeWildcards(adapter: SQLiteAdapter): SQLiteAdapter {
  const literal = (pattern: unknown) => {
    const text = String(pattern)
    const wrapped = /^%([\s\S]*)%$/.exec(text)
    const escaped = (wrapped ? wrapped[1]! : text).replace(/[\\%_]/g, '\\$&')
    return wrapped ? `%${escaped}%` : escaped
  }
  const operators = adapter.operators as unknown as Record<string, (column: unknown, value: unknown) => unknown>
  operators.like = (column, value) => sql`${column} LIKE ${literal(value)} ESCAPE '\\'`
  operators.contains = operators.like
  operators.not_like = (column, value) => sql`${column} NOT LIKE ${literal(value)} ESCAPE '\\'`
  return adapter
}
