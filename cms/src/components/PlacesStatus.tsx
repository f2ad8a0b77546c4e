import type { I18nClient } from '@payloadcms/translations'
import type { UIFieldServerProps } from 'payload'

import { availabilityOf } from '../signups/places'
import type { TranslationKey, Translations } from '../lib/translations'

/**
 * Under "Antal pladser" on an event or activity that takes signups: the places left and how many
 * wait, as the site shows them (counts only, no names), and a link to its signups (which the
 * signup list shows only to those who may see them: access/personalData.ts).
 */
export async function PlacesStatus({ data, id, collectionSlug, payload, i18n }: UIFieldServerProps) {
  if (!id || data?.howToJoin !== 'sign-up') return null
  const { t } = i18n as unknown as I18nClient<Translations, TranslationKey>
  const type = collectionSlug === 'events' ? 'event' : 'activity'
  const capacity = typeof data.capacity === 'number' ? data.capacity : null
  const { placesLeft, waiting } = await availabilityOf(payload, { type, id }, capacity)
  const list = `${payload.config.routes.admin}/collections/signups?where[${type}][equals]=${encodeURIComponent(String(id))}`
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }} data-places-status>
      <p style={{ margin: 0 }}>
        {placesLeft === null ? t('places:unlimited') : t('places:left', { left: placesLeft, capacity: capacity ?? 0 })} · {t('places:waiting', { count: waiting })} ·{' '}
        <a href={list}>{t('places:signups')}</a>
      </p>
    </div>
  )
}
