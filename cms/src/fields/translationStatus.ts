import type { Field, FieldHook, PayloadRequest } from 'payload'

import { defaultLocale } from '../../../core/locales'
import { isLoggedIn } from '../access/index'
import { stateAfterSave, translationStatuses, type TranslationStatus } from './translationState'

export { translationStatuses, type TranslationStatus } from './translationState'

/**
 * The status each save states for its locale, between the field's beforeValidate (the last
 * moment Payload tells a value sent from one it filled in from the stored document) and the
 * save's beforeChange. Keyed by request, then by document, so a nested save cannot mix them up.
 */
const statedStatuses = new WeakMap<PayloadRequest, Map<string, TranslationStatus | undefined>>()
const documentKey = (slug: string | undefined, doc: unknown) =>
  `${slug ?? ''}:${String((doc as { id?: unknown } | undefined)?.id ?? 'new')}:`

/**
 * A status counts as stated when the save sends one and means it: code (the Local API: the
 * seed, machine translation, an import) says what it wrote; the admin's form sends every field
 * back, so there only a status the person changed is a statement.
 */
const noteStatedStatus: FieldHook = ({ collection, global, originalDoc, previousValue, req, siblingData }) => {
  const sent: unknown = siblingData?.translationStatus
  const stated =
    translationStatuses.includes(sent as TranslationStatus) && (req.payloadAPI === 'local' || sent !== previousValue)
      ? (sent as TranslationStatus)
      : undefined
  const byDocument = statedStatuses.get(req) ?? new Map<string, TranslationStatus | undefined>()
  byDocument.set(documentKey(collection?.slug ?? global?.slug, originalDoc), stated)
  statedStatuses.set(req, byDocument)
  return undefined
}

/**
 * Keeps every locale's status and sources current on each save (translationState.ts has the
 * rules). Payload writes only the saved locale from the save's data and the other locales from
 * the stored document it merges into, so the other locales' new state goes into that document.
 */
const keepTranslationState: FieldHook = ({ collection, global, originalDoc, req, siblingData, siblingDocWithLocales }) => {
  const config = collection ?? global
  if (!config || !siblingData) return undefined
  const localization = req.payload.config.localization
  const locales = localization ? localization.localeCodes : [defaultLocale]
  const locale = req.locale && req.locale !== 'all' ? req.locale : defaultLocale
  const before = (siblingDocWithLocales ?? {}) as Record<string, unknown>
  const key = documentKey(config.slug, originalDoc)
  const statedStatus = statedStatuses.get(req)?.get(key)
  statedStatuses.get(req)?.delete(key)

  const byPerson = req.payloadAPI !== 'local'
  const state = stateAfterSave({ fields: config.fields, before, data: siblingData, locale, locales, statedStatus, byPerson })
  const stored = (name: string) => (before[name] && typeof before[name] === 'object' ? (before[name] as Record<string, unknown>) : {})
  const statuses = stored('translationStatus')
  const sources = stored('translationSources')
  for (const [code, entry] of Object.entries(state)) {
    // A locale nothing was ever written in stays absent: a row for it would lack its required texts.
    if (code === locale || (entry.status === null && !(code in statuses))) continue
    statuses[code] = entry.status
    sources[code] = entry.sources
  }
  before.translationStatus = statuses
  before.translationSources = sources
  siblingData.translationStatus = state[locale]?.status ?? null
  return state[locale]?.sources ?? null
}

/**
 * Per locale: the Danish original, a machine translation no person has read yet, a reviewed
 * translation, or one whose Danish has changed since. No status: no translation (missing). The
 * CMS keeps it current (translationState.ts); the site marks machine translations.
 */
function translationStatusField(): Field {
  return {
    name: 'translationStatus',
    type: 'select',
    localized: true,
    label: { da: 'Oversættelse', en: 'Translation' },
    options: [
      { value: 'original', label: { da: 'Original (dansk)', en: 'Original (Danish)' } },
      { value: 'machine', label: { da: 'Maskinoversat – ikke gennemlæst', en: 'Machine translated – not reviewed' } },
      { value: 'reviewed', label: { da: 'Gennemlæst', en: 'Reviewed' } },
      { value: 'outdated', label: { da: 'Forældet – den danske tekst er ændret', en: 'Outdated – the Danish text has changed' } },
    ],
    // Only Danish has a status of its own from the start: a translation gets one when written.
    defaultValue: ({ locale }) => (locale === defaultLocale ? 'original' : undefined),
    hooks: {
      beforeValidate: [noteStatedStatus],
      // A locale without a translation falls back to Danish's "original", which is not its status.
      afterRead: [({ value, req }) => (value === 'original' && req.locale && req.locale !== defaultLocale && req.locale !== 'all' ? null : value)],
    },
    admin: {
      position: 'sidebar',
      description: {
        da: 'Gælder det sprog, du redigerer nu. Holdes ajour, når teksterne gemmes.',
        en: 'Applies to the language you are editing. Kept up to date when the texts are saved.',
      },
    },
  }
}

/** The localized fields that hold a document's translation state, and the sidebar that shows it. */
export function translationFields(): Field[] {
  return [
    translationStatusField(),
    {
      name: 'translationSources',
      type: 'json',
      localized: true,
      label: { da: 'Oversat fra', en: 'Translated from' },
      admin: { hidden: true },
      // Bookkeeping for staff and their tools; the public site needs only the status.
      access: { read: ({ req: { user } }) => isLoggedIn(user) },
      hooks: { beforeChange: [keepTranslationState] },
    },
    {
      name: 'translationChanges',
      type: 'ui',
      label: { da: 'Ændret på dansk', en: 'Changed in Danish' },
      admin: { position: 'sidebar', components: { Field: '/components/TranslationChanges#TranslationChanges' } },
    },
    {
      name: 'translationLocales',
      type: 'ui',
      label: { da: 'Sprog', en: 'Languages' },
      admin: { position: 'sidebar', components: { Field: '/components/TranslationLocales#TranslationLocales' } },
    },
  ]
}
