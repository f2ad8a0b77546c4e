import type { CollectionConfig, Payload, Where } from 'payload'

import type { TranslationUsage as UsageRow } from '../../payload-types'

import { wallAt } from '../../../../core/time'
import { adminOnly, isAdmin } from '../../access/index'
import { MachineTranslationError } from './errors'

/**
 * The monthly character budget for machine translation (TRANSLATION_MONTHLY_CHARACTERS; unset:
 * no limit, usage is still counted). One row per calendar month in Copenhagen time, counting
 * the Danish characters sent, as providers bill them.
 *
 * A job reserves all its characters before anything is sent, with one conditional atomic
 * update: "add n where month = m and characters <= limit − n" (an UPDATE … WHERE … RETURNING
 * on SQLite, a findOneAndUpdate with $inc on MongoDB, both through Payload's adapter). Two jobs
 * at once, in one CMS process or in several (the CMS and a script, or several servers on one
 * MongoDB), cannot both pass the check on the same remainder, and no lock or queue has to be
 * held while the provider answers. Characters the provider was never sent (a job that failed
 * part-way) are given back with the same atomic increment.
 */
export const translationUsageSlug = 'translation-usage'

export function monthlyLimit(value = process.env.TRANSLATION_MONTHLY_CHARACTERS): number | null {
  if (value === undefined || value.trim() === '') return null
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`TRANSLATION_MONTHLY_CHARACTERS must be a whole number of characters (got "${value}")`)
  return limit
}

/** The budget's month ("2026-12") at an instant, on Copenhagen's calendar. */
export function budgetMonth(now = new Date()): string {
  const { year, month } = wallAt(now)
  return `${year}-${String(month).padStart(2, '0')}`
}

export interface BudgetStatus {
  month: string
  used: number
  limit: number | null
  remaining: number | null
}

export async function budgetStatus(payload: Payload, now = new Date()): Promise<BudgetStatus> {
  const month = budgetMonth(now)
  const row = await payload.db.findOne<UsageRow>({ collection: translationUsageSlug, where: { month: { equals: month } } })
  const used = row?.characters ?? 0
  const limit = monthlyLimit()
  return { month, used, limit, remaining: limit === null ? null : Math.max(0, limit - used) }
}

export interface Reservation {
  month: string
  characters: number
  /** Gives back characters that were reserved but never sent. */
  release(characters: number): Promise<void>
}

/** Reserves `characters` of this month's budget, or refuses (budgetExceeded) without reserving anything. */
export async function reserveCharacters(payload: Payload, characters: number, now = new Date()): Promise<Reservation> {
  const month = budgetMonth(now)
  const limit = monthlyLimit()
  await ensureMonth(payload, month)
  const where: Where = { month: { equals: month } }
  if (limit !== null) where.characters = { less_than_equal: limit - characters }
  const reserved = limit === null || characters <= limit ? await increment(payload, where, characters) : null
  if (!reserved) {
    const { used } = await budgetStatus(payload, now)
    throw new MachineTranslationError('budgetExceeded', { needed: characters, remaining: Math.max(0, (limit ?? 0) - used), limit: limit ?? 0, month })
  }
  let left = characters
  return {
    month,
    characters,
    async release(unused) {
      const amount = Math.min(Math.max(0, unused), left)
      if (amount === 0) return
      left -= amount
      await increment(payload, { month: { equals: month } }, -amount)
    },
  }
}

/** One statement, so no other job's increment can come between the check and the write. */
function increment(payload: Payload, where: Where, characters: number): Promise<unknown> {
  return payload.db.updateOne({
    collection: translationUsageSlug,
    where,
    data: { characters: { $inc: characters } },
    // The SQL adapters run a `where` update as a read and a write unless told to do it in one statement.
    ...(payload.db.name !== 'mongoose' && { options: { atomic: true } }),
  })
}

async function ensureMonth(payload: Payload, month: string): Promise<void> {
  const where: Where = { month: { equals: month } }
  if (await payload.db.findOne({ collection: translationUsageSlug, where })) return
  try {
    await payload.db.create({ collection: translationUsageSlug, data: { month, characters: 0 } })
  } catch (error) {
    // Another job created the month's row first (the month is unique).
    if (!(await payload.db.findOne({ collection: translationUsageSlug, where }))) throw error
  }
}

/**
 * The counter as the admin shows it: admins only, read-only (only the CMS writes it), with
 * this month's limit beside the characters used.
 */
export const TranslationUsage: CollectionConfig = {
  slug: translationUsageSlug,
  labels: {
    singular: { da: 'Forbrug til maskinoversættelse', en: 'Machine translation usage' },
    plural: { da: 'Forbrug til maskinoversættelse', en: 'Machine translation usage' },
  },
  admin: {
    useAsTitle: 'month',
    hideAPIURL: true,
    defaultColumns: ['month', 'characters', 'limit'],
    group: { da: 'Indstillinger', en: 'Settings' },
    description: {
      da: 'Tegn sendt til maskinoversættelse pr. måned (dansk tid). Grænsen sættes med TRANSLATION_MONTHLY_CHARACTERS.',
      en: 'Characters sent for machine translation per month (Danish time). The limit is set with TRANSLATION_MONTHLY_CHARACTERS.',
    },
    hidden: ({ user }) => !isAdmin(user),
  },
  defaultSort: '-month',
  access: { read: adminOnly, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'month', type: 'text', required: true, unique: true, index: true, label: { da: 'Måned', en: 'Month' } },
    { name: 'characters', type: 'number', required: true, defaultValue: 0, min: 0, label: { da: 'Brugte tegn', en: 'Characters used' } },
    {
      name: 'limit',
      type: 'number',
      virtual: true,
      label: { da: 'Grænse pr. måned (tegn)', en: 'Monthly limit (characters)' },
      admin: { description: { da: 'Tom: ingen grænse.', en: 'Empty: no limit.' } },
      hooks: { afterRead: [() => monthlyLimit()] },
    },
  ],
}
