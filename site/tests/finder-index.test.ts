import { describe, expect, it } from 'vitest'

import { useTranslations, type LocaleCode } from '../src/i18n'
import { finderCardHtml } from '../src/lib/finder-card'
import { finderCardText, finderCards, finderIndex } from '../src/lib/finder-cards'
import { expandFinderIndex, markersFromIndex } from '../src/lib/finder-index'
import { finderDataFrom, mapMarkers } from '../src/lib/finder'
import { content, now } from './fixtures'

const setup = (lang: LocaleCode) => {
  const data = finderDataFrom(lang, content(lang), now)
  const t = useTranslations(lang)
  return { data, t, cards: finderCards(lang, t, data.entries, data.events), index: finderIndex(lang, t, data) }
}

describe('the finder’s compact index', () => {
  for (const lang of ['da', 'ar', 'ti'] as const) {
    it(`${lang}: gives the script the very cards the page was built with`, () => {
      const { cards, index, t } = setup(lang)
      expect(expandFinderIndex(index)).toEqual(cards)
      // So the script's first page is the HTML's, to the byte.
      const text = finderCardText(lang, t)
      expect(expandFinderIndex(index).map((card) => finderCardHtml(card, text))).toEqual(cards.map((card) => finderCardHtml(card, text)))
      // The words it writes them with, and its messages, which the page leaves to the index.
      expect(index.c).toEqual(text)
      expect(index.t.msgCount).toBe(t('finder.count'))
      expect(index.t.msgSortedNear).toBe(t('finder.sortedNearMe'))
    })
  }

  it('lists each region’s activities, then its events, regions east to north', () => {
    const { cards } = setup('da')
    expect(cards.map((card) => card.id)).toEqual([
      ...cards.filter((card) => card.region === 'hovedstaden' && card.kind === 'activity').map((card) => card.id),
      ...cards.filter((card) => card.region === 'hovedstaden' && card.kind === 'event').map((card) => card.id),
      ...cards.filter((card) => card.region === 'sjaelland' && card.kind === 'activity').map((card) => card.id),
      ...cards.filter((card) => card.region === 'sjaelland' && card.kind === 'event').map((card) => card.id),
    ])
    expect(cards.some((card) => card.kind === 'event')).toBe(true)
  })

  it('writes each department, type and group once, and no personal or unused field', () => {
    const { index } = setup('da')
    expect(new Set(index.d.map(([slug]) => slug)).size).toBe(index.d.length)
    expect(new Set(index.y.map(([slug]) => slug)).size).toBe(index.y.length)
    expect(new Set(index.g).size).toBe(index.g.length)
    const keys = new Set(index.r.flatMap((card) => Object.keys(card)))
    for (const key of keys) expect(['k', 's', 'd', 't', 'tl', 'y', 'g', 'l', 'w', 'a', 'c', 'x', 'n', 'b', 'f']).toContain(key)
  })

  it('gives the map the markers the other pages’ maps get from the same activities', () => {
    const { data, index } = setup('ar')
    // In the finder's order rather than the content's: the same markers.
    const byKey = <T extends { kind: string; id: string }>(markers: T[]) => [...markers].sort((a, b) => `${a.kind}:${a.id}`.localeCompare(`${b.kind}:${b.id}`))
    expect(byKey(markersFromIndex(index))).toEqual(byKey(mapMarkers('ar', data.entries)))
  })

  it('escapes what it writes as HTML', () => {
    const { cards, t } = setup('da')
    const card = { ...cards[0]!, title: '<img src=x onerror=alert(1)> & "quotes"' }
    const html = finderCardHtml(card, finderCardText('da', t))
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;')
    expect(html).not.toContain('<img')
  })
})
