// Shows the map on request (or when it scrolls into view on a wide screen). Leaflet is a separate
// chunk fetched only then; if it or the tiles cannot load, the page says so and the list works.
import leafletCss from 'leaflet/dist/leaflet.css?url'

import { markersFromIndex, type FinderIndex, type IndexMapMarker as MapMarker } from '../lib/finder-index'

// The finder's latest filter result, also for a map loaded after the filters were applied.
let visibleActivities: Set<string> | null = null
const filterListeners: (() => void)[] = []

export function enhanceMaps() {
  document.addEventListener('finder:filtered', (event) => {
    visibleActivities = new Set((event as CustomEvent<{ visible: string[] }>).detail.visible)
    for (const listener of filterListeners) listener()
  })
  for (const section of document.querySelectorAll<HTMLElement>('[data-map]')) enhance(section)
}

function enhance(section: HTMLElement) {
  const button = section.querySelector<HTMLButtonElement>('[data-map-show]')!
  const canvas = section.querySelector<HTMLElement>('[data-map-canvas]')!
  const status = section.querySelector<HTMLElement>('[data-map-status]')!
  const markersSrc = section.dataset.markersSrc
  let started = false

  const show = () => {
    if (started) return
    started = true
    button.hidden = true
    canvas.hidden = false
    status.textContent = section.dataset.msgLoading ?? ''
    markers(section, markersSrc)
      .then((markers) => load(section, canvas, status, markers))
      .catch(() => {
        status.textContent = section.dataset.msgFailed ?? ''
        canvas.hidden = true
      })
  }
  button.addEventListener('click', show)
  if (section.dataset.auto && matchMedia('(min-width: 64rem)').matches && 'IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect()
        show()
      }
    })
    observer.observe(section)
  }
}

/** The markers in the page, or (the finder) from its compact index, which its script has just fetched. */
async function markers(section: HTMLElement, src: string | undefined): Promise<MapMarker[]> {
  if (!src) return JSON.parse(section.querySelector('[data-map-markers]')?.textContent ?? '[]') as MapMarker[]
  const response = await fetch(src, { cache: 'force-cache' })
  if (!response.ok) throw new Error(`finder index: ${response.status}`)
  return markersFromIndex((await response.json()) as FinderIndex)
}

async function load(section: HTMLElement, canvas: HTMLElement, status: HTMLElement, markers: MapMarker[]) {
  const stylesheet = document.createElement('link')
  stylesheet.rel = 'stylesheet'
  stylesheet.href = leafletCss
  document.head.append(stylesheet)
  // Leaflet's own ES module build: the CommonJS one makes the bundler add its interop helpers to this script, which every department page loads.
  const L = await import('leaflet/dist/leaflet-src.esm.js')

  const map = L.map(canvas, { scrollWheelZoom: false })
  let tilesLoaded = 0
  const tiles = L.tileLayer(section.dataset.tileUrl!, { attribution: section.dataset.attribution, maxZoom: 18 })
  tiles.on('tileload', () => {
    tilesLoaded++
    status.textContent = ''
  })
  tiles.on('tileerror', () => {
    // Markers stay on a blank background; say why the map looks empty.
    if (tilesLoaded === 0) status.textContent = section.dataset.msgFailed ?? ''
  })
  tiles.addTo(map)

  const layers = new Map<string, ReturnType<typeof L.circleMarker>>()
  const bounds = L.latLngBounds([])
  for (const marker of markers) {
    const department = marker.kind === 'department'
    // Vector markers: no image files to find, and they show with or without tiles.
    const layer = L.circleMarker([marker.latitude, marker.longitude], {
      radius: department ? 9 : 6,
      color: department ? '#8a0d14' : '#ffffff',
      weight: 2,
      fillColor: department ? '#ffffff' : '#b5121b',
      fillOpacity: 1,
    })
    const link = document.createElement('a')
    link.href = marker.href
    link.textContent = department ? `${section.dataset.labelDepartment}: ${marker.title}` : marker.title
    layer.bindPopup(link)
    layer.bindTooltip(marker.title)
    layer.addTo(map)
    layers.set(`${marker.kind}:${marker.id}`, layer)
    bounds.extend([marker.latitude, marker.longitude])
  }
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 })
  else map.setView([56, 10.5], 6)

  // The finder's filters hide activity markers that are not in the list.
  const filter = () => {
    for (const [key, layer] of layers) {
      if (!key.startsWith('activity:')) continue
      const shown = !visibleActivities || visibleActivities.has(key.slice('activity:'.length))
      if (shown && !map.hasLayer(layer)) layer.addTo(map)
      if (!shown && map.hasLayer(layer)) layer.remove()
    }
  }
  filterListeners.push(filter)
  filter()
}
