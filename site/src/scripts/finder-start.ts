// The finder page's script (pages/[lang]/find/index.astro). The page's HTML shows the first
// results already; the filters, "show more", the place box and "near me" need the compact index
// (finder.json) and scripts/finder-indexed.ts, which are fetched when the reader first reaches
// for one of them (a focus or a touch is enough to start), or at once when the address carries
// filters (a shared link, a reload). A visit that only reads the first results loads neither.
// What the reader did while they load is done when they are there.

/** What the reader did before the finder took over. `stop`: the finder has taken over, stop recording. */
export interface EarlyActions {
  /** A filter changed or reset: the form's values win over the address. */
  touched: boolean
  nearMe: boolean
  place: boolean
  more: boolean
  stop(): void
}

const controls = document.querySelector<HTMLElement>('[data-finder-controls]')
const list = document.querySelector<HTMLElement>('[data-finder-list]')

if (controls && list) {
  const recording = new AbortController()
  const early: EarlyActions = { touched: false, nearMe: false, place: false, more: false, stop: () => recording.abort() }
  const on = (target: Element, type: string, listener: (event: Event) => void) => target.addEventListener(type, listener, { signal: recording.signal, capture: true })
  let started = false
  const start = () => {
    if (started) return
    started = true
    // Until the results below follow the filters.
    list.setAttribute('aria-busy', 'true')
    import('./finder-indexed')
      .then(({ startIndexedFinder }) => startIndexedFinder(controls, list, early))
      // The first results and the region, type and municipality pages are still there, and the
      // place box submits to the address as without JavaScript.
      .catch(() => {
        early.stop()
        list.removeAttribute('aria-busy')
      })
  }
  const more = list.querySelector('[data-finder-more]')!
  for (const target of [controls, more]) for (const type of ['focusin', 'pointerdown', 'keydown']) on(target, type, start)
  const act = (target: Element, type: string, record: (event: Event) => void) =>
    on(target, type, (event) => {
      record(event)
      start()
    })
  const form = controls.querySelector('[data-finder-form]')!
  act(form, 'change', () => (early.touched = true))
  act(form, 'reset', () => (early.touched = true))
  act(controls.querySelector('[data-near-me]')!, 'click', () => (early.nearMe = true))
  act(controls.querySelector('[data-place-form]')!, 'submit', (event) => {
    event.preventDefault()
    early.place = true
  })
  act(more, 'click', () => (early.more = true))
  if (location.search) start()
}
