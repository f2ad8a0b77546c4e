import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedContext } from '../src/seed/index'
import { startPayload } from './payload'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(async () => stop())

describe('localization', () => {
  it('falls back to Danish for a field not yet translated, and says so when asked without fallback', async () => {
    const page = await payload.create({
      collection: 'pages',
      locale: 'da',
      data: { title: 'Frivillig i Røde Kors', slug: 'bliv-frivillig', _status: 'published' },
      context: seedContext,
    })
    await payload.update({ collection: 'pages', id: page.id, locale: 'en', data: { title: 'Volunteer with the Red Cross' }, context: seedContext })

    const english = await payload.findByID({ collection: 'pages', id: page.id, locale: 'en' })
    expect(english.title).toBe('Volunteer with the Red Cross')

    const tigrinyaWithFallback = await payload.findByID({ collection: 'pages', id: page.id, locale: 'ti' })
    expect(tigrinyaWithFallback.title).toBe('Frivillig i Røde Kors')

    const tigrinyaAsIs = await payload.findByID({ collection: 'pages', id: page.id, locale: 'ti', fallbackLocale: false })
    expect(tigrinyaAsIs.title ?? null).toBeNull()
  })

  it('gives new Danish text the status "original" and new translations "machine"', async () => {
    const page = await payload.create({
      collection: 'pages',
      locale: 'da',
      data: { title: 'Kontakt', slug: 'kontakt' },
      context: seedContext,
    })
    expect(page.translationStatus).toBe('original')
    const arabic = await payload.update({ collection: 'pages', id: page.id, locale: 'ar', data: { title: 'اتصل بنا' }, context: seedContext })
    expect(arabic.translationStatus).toBe('machine')
  })

  it('makes a slug from the Danish title, in ASCII', async () => {
    const activityType = await payload.create({
      collection: 'activity-types',
      locale: 'da',
      data: { title: 'Ture for ældre på Ærø', slug: '' },
      context: seedContext,
    })
    expect(activityType.slug).toBe('ture-for-aeldre-paa-aeroe')
  })
})

describe('access: the public sees published documents only', () => {
  it('hides drafts from anonymous readers, also when they ask for drafts', async () => {
    const draft = await payload.create({
      collection: 'pages',
      locale: 'da',
      data: { title: 'Kladde', slug: 'kladde', _status: 'draft' },
      draft: true,
      context: seedContext,
    })
    const published = await payload.create({
      collection: 'pages',
      locale: 'da',
      data: { title: 'Offentlig', slug: 'offentlig', _status: 'published' },
      context: seedContext,
    })
    for (const draftQuery of [false, true]) {
      const asAnonymous = await payload.find({ collection: 'pages', overrideAccess: false, draft: draftQuery, pagination: false })
      const slugs = asAnonymous.docs.map((page) => page.slug)
      expect(slugs).toContain(published.slug)
      expect(slugs).not.toContain(draft.slug)
    }
    await expect(payload.findByID({ collection: 'pages', id: draft.id, overrideAccess: false, draft: true })).rejects.toThrow()
  })

  it('lets nobody anonymous create, update or read users', async () => {
    await expect(
      payload.create({ collection: 'pages', overrideAccess: false, data: { title: 'Spam', slug: 'spam' } }),
    ).rejects.toThrow()
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
  })
})
