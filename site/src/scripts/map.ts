// Shows the map on request (or when it scrolls into view on a wide screen). What draws it
// (scripts/map-draw.ts, then Leaflet) is a separate chunk fetched only then, so a page whose map
// is never shown loads only this; if it or the tiles cannot load, the page says so and the list works.

// The finder's latest filter result, also for a map shown after the filters were applied.
let visibleActivities: Set<string> | null = null
const filterListeners: (() => void)[] = []
const finderFilter = { visible: () => visibleActivities, onChange: (listener: () => void) => filterListeners.push(listener) }

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
  let started = false

  const show = () => {
    if (started) return
    started = true
    button.hidden = true
    canvas.hidden = false
    status.textContent = section.dataset.msgLoading ?? ''
    import('./map-draw')
      .then(({ drawMap }) => drawMap(section, canvas, status, finderFilter))
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
