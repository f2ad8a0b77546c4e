// The finder's enhancement: the whole list is already in the HTML (grouped by region); this
// filters it at once, keeps the filters in the address (?type=…&lang=…) so a result can be
// shared and survives reload and back/forward, and sorts by distance from "near me" or a town.
// The volunteer page uses it too, with its own list and a subset of the filters: any filter
// whose <select> is not on the page is simply not applied.

import { isLocaleCode, type LocaleCode } from '../../../core/locales'
import { placeKey } from '../../../core/places'
import { formatNumber } from '../i18n/numbers'

const filterNames = ['type', 'group', 'region', 'municipality', 'lang', 'day', 'audience'] as const
type FilterName = (typeof filterNames)[number]
// Which data-* attribute (space-separated values) each filter looks at.
const attributeOf: Record<FilterName, string> = {
  type: 'type',
  group: 'groups',
  region: 'region',
  municipality: 'municipality',
  lang: 'languages',
  day: 'days',
  audience: 'audience',
}

const controls = document.querySelector<HTMLElement>('[data-finder-controls]')
const list = document.querySelector<HTMLElement>('[data-finder-list]')
if (controls && list) enhance(controls, list)

function enhance(controls: HTMLElement, list: HTMLElement) {
  const form = controls.querySelector<HTMLFormElement>('[data-finder-form]')!
  const placeForm = controls.querySelector<HTMLFormElement>('[data-place-form]')!
  const placeInput = placeForm.querySelector<HTMLInputElement>('input[name="place"]')!
  const status = controls.querySelector<HTMLElement>('[data-finder-status]')!
  const count = controls.querySelector<HTMLElement>('[data-finder-count]')!
  const sorted = list.querySelector<HTMLElement>('[data-finder-sorted]')!
  const sortedList = sorted.querySelector('ol')!
  const none = list.querySelector<HTMLElement>('[data-finder-none]')!
  const regionSections = [...list.querySelectorAll<HTMLElement>('[data-finder-region]')]
  const items = [...list.querySelectorAll<HTMLElement>('[data-finder-item]')]
  // Where each item lives in the grouped list, to put it back when the distance sort is cleared.
  const homes = new Map(items.map((item) => [item, item.parentElement!]))
  const places = JSON.parse(controls.querySelector('[data-finder-places]')?.textContent ?? '{}') as Record<string, [number, number]>
  const pageLang = document.documentElement.lang
  const lang: LocaleCode = isLocaleCode(pageLang) ? pageLang : 'da'
  // Numbers in the page language's digits, as the build writes them (i18n/numbers.ts).
  const message = (name: string, params: Record<string, string | number> = {}) =>
    (controls.dataset[name] ?? '').replace(/\{(\w+)\}/g, (match, key: string) => {
      if (!(key in params)) return match
      const value = params[key]
      return typeof value === 'number' ? formatNumber(lang, value) : String(value)
    })
  const resultsHeading = sorted.querySelector<HTMLElement>('[data-finder-results-heading]')!
  const resultsStatus = list.querySelector<HTMLElement>('[data-finder-results-status]')!
  let origin: [number, number] | null = null
  let shownCount = items.length

  controls.hidden = false
  // "Near me" and the place box need this script (the selects may work without it: FinderFilters).
  for (const element of controls.querySelectorAll<HTMLElement>('[data-finder-script-only]')) element.hidden = false
  // The filters above do what the link lists do; keep the lists (shareable pages) but fold them.
  for (const browse of document.querySelectorAll<HTMLDetailsElement>('details[data-finder-browse]')) browse.open = false
  // What stands in for the filters without JavaScript (the volunteer page's region links).
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
    const filters: Partial<Record<FilterName, string>> = {}
    for (const name of filterNames) {
      const value = (form.elements.namedItem(name) as HTMLSelectElement | null)?.value
      if (value) filters[name] = value
    }
    return filters
  }

  function apply() {
    const filters = currentFilters()
    let shown = 0
    for (const item of items) {
      const matches = Object.entries(filters).every(([name, value]) =>
        (item.dataset[attributeOf[name as FilterName]] ?? '').split(' ').includes(value),
      )
      item.hidden = !matches
      if (matches) shown++
    }
    for (const section of regionSections) {
      section.hidden = origin !== null || ![...section.querySelectorAll<HTMLElement>('[data-finder-item]')].some((item) => !item.hidden)
    }
    sorted.hidden = origin === null || shown === 0
    none.hidden = shown > 0
    shownCount = shown
    count.textContent = message('msgCount', { count: shown, total: items.length })
    document.dispatchEvent(new CustomEvent('finder:filtered', { detail: { visible: items.filter((item) => !item.hidden).map((item) => item.dataset.finderItem) } }))
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
    resultsStatus.textContent = `${sortedFrom} ${message('msgCount', { count: shownCount, total: items.length })}`
    resultsStatus.scrollIntoView({ block: 'start' })
    const target = shownCount > 0 ? resultsHeading : none
    target.tabIndex = -1
    target.focus({ preventScroll: true })
  }

  function sortFrom(point: [number, number] | null) {
    origin = point
    if (!point) {
      for (const item of items) {
        homes.get(item)!.append(item)
        item.querySelector<HTMLElement>('[data-distance]')!.hidden = true
      }
      // Back in the HTML's order (by title within a region).
      for (const home of new Set(homes.values())) {
        for (const item of items) if (homes.get(item) === home) home.append(item)
      }
      apply()
      return
    }
    const withDistance = items.map((item) => {
      const km = distanceKm(point, [Number(item.dataset.lat), Number(item.dataset.lng)])
      // Listings without a map point go last.
      return { item, km: Number.isFinite(km) ? km : Infinity }
    })
    withDistance.sort((a, b) => a.km - b.km)
    for (const { item, km } of withDistance) {
      const label = item.querySelector<HTMLElement>('[data-distance]')!
      label.hidden = !Number.isFinite(km)
      if (Number.isFinite(km)) label.textContent = message('msgDistance', { distance: formatNumber(lang, km < 10 ? Math.round(km * 10) / 10 : Math.round(km), { maximumFractionDigits: 1 }) })
      sortedList.append(item)
    }
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
    if (place) sortFromPlace(place)
    else {
      status.textContent = ''
      if (origin) sortFrom(null)
      else apply()
    }
  }
  window.addEventListener('popstate', () => {
    restore()
    keepFiltersAcrossLanguages()
  })
  restore()
  keepFiltersAcrossLanguages()
}

/** The language switcher's links keep the chosen filters (they are all in the query string). */
function keepFiltersAcrossLanguages() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-language-switcher] a[href]')) {
    link.search = location.search
  }
}

function distanceKm([lat1, lng1]: [number, number], [lat2, lng2]: [number, number]) {
  const radians = Math.PI / 180
  const a =
    Math.sin(((lat2 - lat1) * radians) / 2) ** 2 +
    Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(((lng2 - lng1) * radians) / 2) ** 2
  return 12_742 * Math.asin(Math.sqrt(a))
}
