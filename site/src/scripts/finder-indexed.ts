// The finder page's list, rendered from the compact index (lib/finder-index.ts), a page at a time,
// with the function that wrote the page's first results (lib/finder-card.ts), so nothing moves
// when it takes over. Fetched by scripts/finder-start.ts when the reader reaches for the finder;
// what they did while this and the index loaded is done once they are there.
import { finderCardHtml, type FinderCard, type FinderCardText } from '../lib/finder-card'
import { expandFinderIndex, type FinderIndex } from '../lib/finder-index'
import { distanceFrom, distanceText, enhance, matches, messageFrom, type FilterName, type ResultList } from './finder'
import type { EarlyActions } from './finder-start'

export async function startIndexedFinder(controls: HTMLElement, list: HTMLElement, early: EarlyActions) {
  const index = await loadIndex(list.dataset.finderIndex!)
  early.stop()
  // The messages that the volunteer page carries in its HTML (lib/finder-cards.ts's finderMessages).
  Object.assign(controls.dataset, index.t)
  fillFromIndex(controls, index)
  enhance(controls, list, indexList(list, controls, expandFinderIndex(index), index.c), index.p, early.touched)
  list.removeAttribute('aria-busy')
  if (early.nearMe) controls.querySelector<HTMLButtonElement>('[data-near-me]')!.click()
  if (early.place) controls.querySelector<HTMLFormElement>('[data-place-form]')!.requestSubmit()
  const more = list.querySelector<HTMLButtonElement>('[data-finder-more]')!
  if (early.more && !more.hidden) more.click()
}

async function loadIndex(url: string) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`finder index: ${response.status}`)
  return (await response.json()) as FinderIndex
}

/** The municipality options and the place box's towns, which the finder page leaves to the index. */
function fillFromIndex(controls: HTMLElement, index: FinderIndex) {
  const municipality = controls.querySelector<HTMLSelectElement>('select[name="municipality"]')
  if (municipality) {
    // Grouped by region, named as the region filter names them.
    const regionNames = new Map([...controls.querySelectorAll<HTMLOptionElement>('select[name="region"] option')].map((option) => [option.value, option.text]))
    let group: HTMLOptGroupElement | undefined
    for (const [slug, label, region, danish] of index.m) {
      if (group?.dataset.region !== region) {
        group = document.createElement('optgroup')
        group.label = regionNames.get(region) ?? region
        group.dataset.region = region
        municipality.append(group)
      }
      const option = new Option(label, slug)
      if (danish) option.lang = 'da'
      group.append(option)
    }
  }
  const towns = controls.querySelector('datalist')
  towns?.append(...index.w.map((town) => new Option(town)))
}

/** The finder page's list: rendered from the index, a page at a time. */
function indexList(list: HTMLElement, controls: HTMLElement, cards: FinderCard[], text: FinderCardText): ResultList {
  const message = messageFrom(controls)
  const results = list.querySelector<HTMLElement>('[data-finder-results]')!
  const none = list.querySelector<HTMLElement>('[data-finder-none]')!
  const more = list.querySelector<HTMLButtonElement>('[data-finder-more]')!
  const pageSize = Number(list.dataset.pageSize) || 8
  let shown: { card: FinderCard; km?: number }[] = []
  let limit = pageSize
  // What is on screen: the build's first page until the filters ask for another.
  let onScreen = [...results.querySelectorAll<HTMLElement>('[data-finder-item]')].map((item) => item.dataset.finderItem).join('\n')

  const html = ({ card, km }: { card: FinderCard; km?: number }) => finderCardHtml(card, text, km !== undefined && Number.isFinite(km) ? distanceText(message, km) : undefined)
  const render = () => {
    const page = shown.slice(0, limit)
    const key = page.map(({ card, km }) => `${card.id}${km === undefined ? '' : `@${km}`}`).join('\n')
    if (key !== onScreen) results.innerHTML = page.map(html).join('')
    onScreen = key
    none.hidden = shown.length > 0
    more.hidden = shown.length <= limit
  }
  more.addEventListener('click', () => {
    const from = limit
    limit += pageSize
    const added = shown.slice(from, limit)
    results.insertAdjacentHTML('beforeend', added.map(html).join(''))
    onScreen = shown
      .slice(0, limit)
      .map(({ card, km }) => `${card.id}${km === undefined ? '' : `@${km}`}`)
      .join('\n')
    more.hidden = shown.length <= limit
    // Keyboard and screen reader users go on where the new results begin.
    results.children[from]?.querySelector<HTMLElement>('a')?.focus()
  })

  return {
    total: cards.length,
    show(filters, origin) {
      const values = (card: FinderCard) => (name: FilterName) => {
        switch (name) {
          case 'type':
            return [card.type?.slug ?? '']
          case 'group':
            return card.groups
          case 'region':
            return [card.region]
          case 'municipality':
            return [card.municipality]
          case 'lang':
            return card.languages
          case 'day':
            return card.days
          case 'audience':
            return card.audience
        }
      }
      shown = cards.filter((card) => matches(values(card), filters)).map((card) => ({ card }))
      if (origin) {
        for (const entry of shown) entry.km = distanceFrom(origin, entry.card.latitude, entry.card.longitude)
        // Listings without a map point go last.
        shown.sort((a, b) => a.km! - b.km!)
      }
      results.toggleAttribute('data-finder-sorted', origin !== null)
      limit = pageSize
      render()
      return shown.length
    },
    visibleIds: () => shown.map(({ card }) => card.id),
  }
}

