import { getCollection } from 'astro:content'

import type { LocaleCode } from '../../../content/locales'

/**
 * Typed access to the localized content for one reader's language. Pages call these, never
 * content.config (which would pull the loaders into the page bundle).
 */
export async function activityTypes(lang: LocaleCode) {
  const entries = await getCollection('activityTypes', ({ data }) => data.locale === lang)
  return entries.map(({ data }) => data).sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

export async function targetGroups(lang: LocaleCode) {
  const entries = await getCollection('targetGroups', ({ data }) => data.locale === lang)
  return entries.map(({ data }) => data).sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

export async function departments(lang: LocaleCode) {
  const entries = await getCollection('departments', ({ data }) => data.locale === lang)
  return entries.map(({ data }) => data).sort((a, b) => a.name.localeCompare(b.name, 'da'))
}

export async function activities(lang: LocaleCode) {
  const entries = await getCollection('activities', ({ data }) => data.locale === lang)
  return entries.map(({ data }) => data).sort((a, b) => a.title.localeCompare(b.title, 'da'))
}

/** Events that have not ended when the site is built, soonest first. */
export async function upcomingEvents(lang: LocaleCode, now = buildTime) {
  const entries = await getCollection('events', ({ data }) => data.locale === lang)
  return entries
    .map(({ data }) => data)
    .filter((event) => new Date(event.endsAt ?? event.startsAt) >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
}

export async function pages(lang: LocaleCode) {
  const entries = await getCollection('pages', ({ data }) => data.locale === lang)
  return entries.map(({ data }) => data)
}

export async function siteSettings(lang: LocaleCode) {
  const [entry] = await getCollection('siteSettings', ({ data }) => data.locale === lang)
  if (!entry) throw new Error(`Site settings are missing for ${lang}`)
  return entry.data
}

export async function navigation(lang: LocaleCode) {
  const [entry] = await getCollection('navigation', ({ data }) => data.locale === lang)
  return entry?.data.items ?? []
}

/** A relationship value at depth 0 is an ID; at depth > 0 a document. */
export function relationId(value: unknown): string | number | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object' && 'id' in value) return (value as { id: string | number }).id
  return value as string | number
}

export const buildTime = new Date()
