'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { TranslationKey, Translations } from '../lib/translations'

export interface PlacesFigures {
  capacity: number | null
  placesLeft: number | null
  waiting: number
}

/**
 * The places line under "Antal pladser", read again after each save: raising the number of places
 * moves the waiting list up at once (signups/places.ts), and the coordinator should see that it
 * did. The figures come from the public availability endpoint (counts only), bypassing its
 * 30-second cache; until the first answer, the server's figures show.
 */
export function PlacesStatusLive({ target, api, list, initial }: { target: string; api: string; list: string; initial: PlacesFigures }) {
  const { t } = useTranslation<Translations, TranslationKey>()
  const { savedDocumentData } = useDocumentInfo()
  const [figures, setFigures] = useState(initial)
  const savedAt = savedDocumentData?.updatedAt as string | undefined
  useEffect(() => {
    if (!savedAt) return
    const controller = new AbortController()
    fetch(`${api}/signups/availability?targets=${encodeURIComponent(target)}`, { cache: 'no-store', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ targets?: Record<string, PlacesFigures | null> }>) : undefined))
      .then((body) => {
        const found = body?.targets?.[target]
        if (found) setFigures(found)
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, savedAt, target])
  const { capacity, placesLeft, waiting } = figures
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }} data-places-status aria-live="polite">
      <p style={{ margin: 0 }}>
        {placesLeft === null ? t('places:unlimited') : t('places:left', { left: placesLeft, capacity: capacity ?? 0 })} · {t('places:waiting', { count: waiting })} ·{' '}
        <a href={list}>{t('places:signups')}</a>
      </p>
    </div>
  )
}
