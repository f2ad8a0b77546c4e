// Draws a map section's markers on a Leaflet map (scripts/map.ts fetches this chunk when the map
// is shown). Leaflet and its CSS are fetched here, so a page whose map is never shown loads neither.
import leafletCss from 'leaflet/dist/leaflet.css?url'

import { markersFromIndex, type FinderIndex, type IndexMapMarker as MapMarker } from '../lib/finder-index'

/** The finder's latest filter result (ids of the activities in its list; null: no filter yet), and a way to hear of the next ones. */
export interface FinderFilter {
  visible(): Set<string> | null
  onChange(listener: () => void): void
}

/** The section's map, or its "failed" message when the markers, Leaflet or the tiles cannot load. */
export async function drawMap(section: HTMLElement, canvas: HTMLElement, status: HTMLElement, filter: FinderFilter) {
  await load(section, canvas, status, await markers(section, section.dataset.markersSrc), filter)
}

/** The markers in the page, or (the finder) from its compact index. */
async function markers(section: HTMLElement, src: string | undefined): Promise<MapMarker[]> {
  if (!src) return JSON.parse(section.querySelector('[data-map-markers]')?.textContent ?? '[]') as MapMarker[]
  const response = await fetch(src, { cache: 'force-cache' })
  if (!response.ok) throw new Error(`finder index: ${response.status}`)
  return markersFromIndex((await response.json()) as FinderIndex)
}

async function load(section: HTMLElement, canvas: HTMLElement, status: HTMLElement, markers: MapMarker[], finderFilter: FinderFilter) {
  const stylesheet = document.createElement('link')
  stylesheet.rel = 'stylesheet'
  stylesheet.href = leafletCss
  document.head.append(stylesheet)
  // Leaflet's own ES module build: the CommonJS one makes the bundler add its interop helpers.
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
    const visibleActivities = finderFilter.visible()
    for (const [key, layer] of layers) {
      if (!key.startsWith('activity:')) continue
      const shown = !visibleActivities || visibleActivities.has(key.slice('activity:'.length))
      if (shown && !map.hasLayer(layer)) layer.addTo(map)
      if (!shown && map.hasLayer(layer)) layer.remove()
    }
  }
  finderFilter.onChange(filter)
  filter()
}
