/**
 * A relationship's ID, whether Payload gave the ID (depth 0) or the whole document (depth > 0),
 * or undefined when it is empty.
 */
export function relationId<Id extends string | number>(value: Id | { id: Id } | null | undefined): Id | undefined
export function relationId(value: unknown): string | number | undefined
export function relationId(value: unknown): string | number | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object' && 'id' in value) return (value as { id: string | number }).id
  return value as string | number
}
