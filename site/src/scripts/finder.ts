// The finder's enhancement: filters that act at once, kept in the address (?type=…&lang=…) so a
// result can be shared and survives reload and back/forward, and a sort by distance from "near
// me" or a town. Two lists use it:
// - the finder page: scripts/finder-start.ts fetches scripts/finder-indexed.ts and the compact
//   index when the reader reaches for a filter, which renders the results from the index;
// - the volunteer page (enhanceFinderList, at once): its whole list is in the HTML, grouped by
//   region; this filters it in place, with a subset of the filters (any filter whose <select> is
//   not on the page is not applied).

import { isLocaleCode, type LocaleCode } from '../../../core/locales'
import { placeKey } from '../../../core/places'
import { formatNumber } from '../i18n/numbers'

const filterNames = ['type', 'group', 'region', 'municipality', 'lang', 'day', 'audience'] as const
export type FilterName = (typeof filterNames)[number]
export type Filters = Partial<Record<FilterName, string>>
export type Point = [number, number]

/** A list the filters act on: the finder's (rendered from the index) or the volunteer page's (in the HTML). */
export interface ResultList {
  total: number
  /** Shows what the filters let through, in the list's order or nearest `origin` first; how many that is. */
  show(filters: Filters, origin: Point | null): number
  /** Every result the filters let through (for the map), not only those on screen. */
  visibleIds(): string[]
}

const pageLang = document.documentElement.lang
const lang: LocaleCode = isLocaleCode(pageLang) ? pageLang : 'da'

/** The volunteer page: its list (all in the HTML) filtered in place. */
export function enhanceFinderList() {
  const controls = document.querySelector<HTMLElement>('[data-finder-controls]')
  const list = document.querySelector<HTMLElement>('[data-finder-list]')
  if (!controls || !list) return
  const places = JSON.parse(controls.querySelector('[data-finder-places]')?.textContent ?? '{}') as Record<string, Point>
  enhance(controls, list, domList(list), places)
}

/** Numbers in the page language's digits, as the build writes them (i18n/numbers.ts). */
export function messageFrom(element: HTMLElement) {
  return (name: string, params: Record<string, string | number> = {}) =>
    (element.dataset[name] ?? '').replace(/\{(\w+)\}/g, (match, key: string) => {
      if (!(key in params)) return match
      const value = params[key]
      return typeof value === 'number' ? formatNumber(lang, value) : String(value)
    })
}

export function distanceText(message: ReturnType<typeof messageFrom>, km: number) {
  return message('msgDistance', { distance: formatNumber(lang, km < 10 ? Math.round(km * 10) / 10 : Math.round(km), { maximumFractionDigits: 1 }) })
}

/** Whether a result has every chosen filter's value among its own (space-separated in data-*). */
export function matches(values: (name: FilterName) => readonly string[], filters: Filters) {
  return Object.entries(filters).every(([name, value]) => values(name as FilterName).includes(value))
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
export function enhance(controls: HTMLElement, list: HTMLElement, results: ResultList, places: Record<string, Point>, touched = false) {
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

  /** The filters and place from the address; `initial`: a place typed before the script took over stays, unless the address names one. */
  function restore(initial = false) {
    const params = new URLSearchParams(location.search)
    readFilters(params)
    const place = params.get('place')
    if (place !== null || !initial) placeInput.value = place ?? ''
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
  } else restore(true)
  keepFiltersAcrossLanguages()
}

/** The language switcher's links keep the chosen filters (they are all in the query string). */
function keepFiltersAcrossLanguages() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-language-switcher] a[href]')) {
    link.search = location.search
  }
}

/** Kilometres from `point` to a listing's map point; Infinity for one without (it goes last). */
export function distanceFrom([lat1, lng1]: Point, lat2: number | undefined, lng2: number | undefined) {
  if (lat2 === undefined || lng2 === undefined || !Number.isFinite(lat2) || !Number.isFinite(lng2)) return Infinity
  const radians = Math.PI / 180
  const a =
    Math.sin(((lat2 - lat1) * radians) / 2) ** 2 +
    Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(((lng2 - lng1) * radians) / 2) ** 2
  return 12_742 * Math.asin(Math.sqrt(a))
}
