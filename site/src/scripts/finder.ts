// The finder's enhancement: filters that act at once, kept in the address (?type=…&lang=…) so a
// result can be shared and survives reload and back/forward, and a sort by distance from "near
// me" or a town. Two lists use it:
// - the finder page (data-finder-index): its HTML has the first results; this loads the compact
//   index (lib/finder-index.ts) and renders the results from it, a page at a time, with the
//   function that wrote the HTML's (lib/finder-card.ts), so nothing moves when it takes over;
// - the volunteer page: its whole list is in the HTML, grouped by region; this filters it in place,
//   with a subset of the filters (any filter whose <select> is not on the page is not applied).

import { isLocaleCode, type LocaleCode } from '../../../core/locales'
import { placeKey } from '../../../core/places'
import { formatNumber } from '../i18n/numbers'
import { finderCardHtml, type FinderCard, type FinderCardText } from '../lib/finder-card'
import { expandFinderIndex, type FinderIndex } from '../lib/finder-index'

const filterNames = ['type', 'group', 'region', 'municipality', 'lang', 'day', 'audience'] as const
type FilterName = (typeof filterNames)[number]
type Filters = Partial<Record<FilterName, string>>
type Point = [number, number]

/** A list the filters act on: the finder's (rendered from the index) or the volunteer page's (in the HTML). */
interface ResultList {
  total: number
  /** Shows what the filters let through, in the list's order or nearest `origin` first; how many that is. */
  show(filters: Filters, origin: Point | null): number
  /** Every result the filters let through (for the map), not only those on screen. */
  visibleIds(): string[]
}

const controls = document.querySelector<HTMLElement>('[data-finder-controls]')
const list = document.querySelector<HTMLElement>('[data-finder-list]')
const pageLang = document.documentElement.lang
const lang: LocaleCode = isLocaleCode(pageLang) ? pageLang : 'da'

if (controls && list) {
  const indexUrl = list.dataset.finderIndex
  if (indexUrl) {
    // A filter chosen or "near me" tapped while the index loads is acted on when it is there.
    const form = controls.querySelector<HTMLFormElement>('[data-finder-form]')!
    const nearMe = controls.querySelector<HTMLButtonElement>('[data-near-me]')!
    let touched = false
    let nearMeTapped = false
    const touch = () => (touched = true)
    const tapNearMe = () => (nearMeTapped = true)
    form.addEventListener('change', touch)
    form.addEventListener('reset', touch)
    nearMe.addEventListener('click', tapNearMe)
    loadIndex(indexUrl)
      .then((index) => {
        form.removeEventListener('change', touch)
        form.removeEventListener('reset', touch)
        nearMe.removeEventListener('click', tapNearMe)
        fillFromIndex(controls, index)
        enhance(controls, list, indexList(list, controls, expandFinderIndex(index)), index.p, touched)
        list.removeAttribute('aria-busy')
        if (nearMeTapped) nearMe.click()
      })
      // The first results and the region, type and municipality pages are still there.
      .catch(() => list.removeAttribute('aria-busy'))
  } else {
    const places = JSON.parse(controls.querySelector('[data-finder-places]')?.textContent ?? '{}') as Record<string, Point>
    enhance(controls, list, domList(list), places)
  }
}

async function loadIndex(url: string) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`finder index: ${response.status}`)
  return (await response.json()) as FinderIndex
}

/** Numbers in the page language's digits, as the build writes them (i18n/numbers.ts). */
function messageFrom(element: HTMLElement) {
  return (name: string, params: Record<string, string | number> = {}) =>
    (element.dataset[name] ?? '').replace(/\{(\w+)\}/g, (match, key: string) => {
      if (!(key in params)) return match
      const value = params[key]
      return typeof value === 'number' ? formatNumber(lang, value) : String(value)
    })
}

function distanceText(message: ReturnType<typeof messageFrom>, km: number) {
  return message('msgDistance', { distance: formatNumber(lang, km < 10 ? Math.round(km * 10) / 10 : Math.round(km), { maximumFractionDigits: 1 }) })
}

/** Whether a result has every chosen filter's value among its own (space-separated in data-*). */
function matches(values: (name: FilterName) => readonly string[], filters: Filters) {
  return Object.entries(filters).every(([name, value]) => values(name as FilterName).includes(value))
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
function indexList(list: HTMLElement, controls: HTMLElement, cards: FinderCard[]): ResultList {
  const message = messageFrom(controls)
  const results = list.querySelector<HTMLElement>('[data-finder-results]')!
  const none = list.querySelector<HTMLElement>('[data-finder-none]')!
  const more = list.querySelector<HTMLButtonElement>('[data-finder-more]')!
  const pageSize = Number(list.dataset.pageSize) || 8
  const text = JSON.parse(list.dataset.cardText ?? '{}') as FinderCardText
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

/** The volunteer page's list: all of it in the HTML, grouped by region; filtered and sorted in place. */
function domList(list: HTMLElement): ResultList {
  const message = messageFrom(document.querySelector<HTMLElement>('[data-finder-controls]')!)
  const sorted = list.querySelector<HTMLElement>('[data-finder-sorted]')!
  const sortedList = sorted.querySelector('ol')!
  const none = list.querySelector<HTMLElement>('[data-finder-none]')!
  const regionSections = [...list.querySelectorAll<HTMLElement>('[data-finder-region]')]
  const items = [...list.querySelectorAll<HTMLElement>('[data-finder-item]')]
  // Where each item lives in the grouped list, to put it back when the distance sort is cleared.
  const homes = new Map(items.map((item) => [item, item.parentElement!]))
  const attributeOf: Record<FilterName, string> = { type: 'type', group: 'groups', region: 'region', municipality: 'municipality', lang: 'languages', day: 'days', audience: 'audience' }
  let sortedBy: Point | null = null

  function sortFrom(point: Point | null) {
    if (String(point) === String(sortedBy)) return
    sortedBy = point
    if (!point) {
      for (const item of items) item.querySelector<HTMLElement>('[data-distance]')!.hidden = true
      // Back in the HTML's order (by title within a region).
      for (const item of items) homes.get(item)!.append(item)
      return
    }
    const withDistance = items.map((item) => ({ item, km: distanceFrom(point, Number(item.dataset.lat), Number(item.dataset.lng)) }))
    withDistance.sort((a, b) => a.km - b.km)
    for (const { item, km } of withDistance) {
      const label = item.querySelector<HTMLElement>('[data-distance]')!
      label.hidden = !Number.isFinite(km)
      if (Number.isFinite(km)) label.textContent = distanceText(message, km)
      sortedList.append(item)
    }
  }

  return {
    total: items.length,
    show(filters, origin) {
      sortFrom(origin)
      let shown = 0
      for (const item of items) {
        const fits = matches((name) => (item.dataset[attributeOf[name]] ?? '').split(' '), filters)
        item.hidden = !fits
        if (fits) shown++
      }
      for (const section of regionSections) {
        section.hidden = origin !== null || ![...section.querySelectorAll<HTMLElement>('[data-finder-item]')].some((item) => !item.hidden)
      }
      sorted.hidden = origin === null || shown === 0
      none.hidden = shown > 0
      return shown
    },
    visibleIds: () => items.filter((item) => !item.hidden).map((item) => item.dataset.finderItem!),
  }
}

/** `touched`: the reader chose filters before the script could act on them: those win over the address. */
function enhance(controls: HTMLElement, list: HTMLElement, results: ResultList, places: Record<string, Point>, touched = false) {
  const form = controls.querySelector<HTMLFormElement>('[data-finder-form]')!
  const placeForm = controls.querySelector<HTMLFormElement>('[data-place-form]')!
  const placeInput = placeForm.querySelector<HTMLInputElement>('input[name="place"]')!
  const status = controls.querySelector<HTMLElement>('[data-finder-status]')!
  const count = controls.querySelector<HTMLElement>('[data-finder-count]')!
  const none = list.querySelector<HTMLElement>('[data-finder-none]')!
  const resultsHeading = list.querySelector<HTMLElement>('[data-finder-results-heading]')!
  const resultsStatus = list.querySelector<HTMLElement>('[data-finder-results-status]')!
  const message = messageFrom(controls)
  let origin: Point | null = null
  let shownCount = results.total

  // The volunteer page: what stands in for the filters without JavaScript (its region links).
  for (const element of document.querySelectorAll<HTMLElement>('[data-finder-nojs]')) element.hidden = true

  function readFilters(params: URLSearchParams) {
    for (const name of filterNames) {
      const select = form.elements.namedItem(name) as HTMLSelectElement | null
      if (!select) continue
      const value = params.get(name) ?? ''
      select.value = [...select.options].some((option) => option.value === value) ? value : ''
    }
  }

  function currentFilters() {
    const filters: Filters = {}
    for (const name of filterNames) {
      const value = (form.elements.namedItem(name) as HTMLSelectElement | null)?.value
      if (value) filters[name] = value
    }
    return filters
  }

  function apply() {
    shownCount = results.show(currentFilters(), origin)
    const text = message('msgCount', { count: shownCount, total: results.total })
    // The build wrote the unfiltered count: leave an equal text alone (a live region).
    if (count.textContent !== text) count.textContent = text
    document.dispatchEvent(new CustomEvent('finder:filtered', { detail: { visible: results.visibleIds() } }))
  }

  /** Puts the filters (and a typed place) in the address bar, so the result has a URL. */
  function writeUrl() {
    const params = new URLSearchParams(currentFilters())
    if (placeInput.value.trim() && origin) params.set('place', placeInput.value.trim())
    const query = params.toString()
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url)
    keepFiltersAcrossLanguages()
  }

  /**
   * After "near me" or a place the list below (two screens down on a phone) is what changed:
   * take the reader there and say what they got, in words a screen reader reads out.
   */
  function showResults(sortedFrom: string) {
    resultsStatus.textContent = `${sortedFrom} ${message('msgCount', { count: shownCount, total: results.total })}`
    resultsStatus.scrollIntoView({ block: 'start' })
    const target = shownCount > 0 ? resultsHeading : none
    target.tabIndex = -1
    target.focus({ preventScroll: true })
  }

  function sortFrom(point: Point | null) {
    origin = point
    apply()
  }

  function sortFromPlace(text: string) {
    const key = placeKey(text)
    const point = places[key] ?? places[key.split(' ')[0] ?? '']
    if (!point) {
      status.textContent = message('msgUnknown', { place: text })
      return false
    }
    status.textContent = message('msgSortedFrom', { place: text })
    sortFrom(point)
    return true
  }

  form.addEventListener('change', () => {
    apply()
    writeUrl()
  })
  form.addEventListener('reset', () => {
    // After the browser has reset the selects.
    setTimeout(() => {
      placeInput.value = ''
      status.textContent = ''
      resultsStatus.textContent = ''
      sortFrom(null)
      writeUrl()
    })
  })
  placeForm.addEventListener('submit', (event) => {
    event.preventDefault()
    const text = placeInput.value.trim()
    if (text && sortFromPlace(text)) {
      writeUrl()
      showResults(message('msgSortedFrom', { place: text }))
    }
  })
  controls.querySelector('[data-near-me]')!.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      status.textContent = message('msgUnavailable')
      return
    }
    status.textContent = message('msgLocating')
    navigator.geolocation.getCurrentPosition(
      (position) => {
        placeInput.value = ''
        status.textContent = message('msgSortedNear')
        sortFrom([position.coords.latitude, position.coords.longitude])
        writeUrl()
        showResults(message('msgSortedNear'))
      },
      (error) => {
        status.textContent = message(error.code === error.PERMISSION_DENIED ? 'msgDenied' : 'msgUnavailable')
      },
      { maximumAge: 600_000, timeout: 15_000 },
    )
  })

  function restore() {
    const params = new URLSearchParams(location.search)
    readFilters(params)
    const place = params.get('place')
    placeInput.value = place ?? ''
    if (place && sortFromPlace(place)) return
    if (!place) status.textContent = ''
    sortFrom(null)
  }
  window.addEventListener('popstate', () => {
    restore()
    keepFiltersAcrossLanguages()
  })
  if (touched) {
    apply()
    writeUrl()
  } else restore()
  keepFiltersAcrossLanguages()
}

/** The language switcher's links keep the chosen filters (they are all in the query string). */
function keepFiltersAcrossLanguages() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-language-switcher] a[href]')) {
    link.search = location.search
  }
}

/** Kilometres from `point` to a listing's map point; Infinity for one without (it goes last). */
function distanceFrom([lat1, lng1]: Point, lat2: number | undefined, lng2: number | undefined) {
  if (lat2 === undefined || lng2 === undefined || !Number.isFinite(lat2) || !Number.isFinite(lng2)) return Infinity
  const radians = Math.PI / 180
  const a =
    Math.sin(((lat2 - lat1) * radians) / 2) ** 2 +
    Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(((lng2 - lng1) * radians) / 2) ** 2
  return 12_742 * Math.asin(Math.sqrt(a))
}
