// The site's service worker, served as /sw.js: bundled and minified by ./service-worker-plugin.ts,
// with each language's offline notes and date patterns put above it by src/pages/sw.js.ts.
// What it does, and no more:
// - Pages: from the network first, so the next visit after a publish shows the new page; each page
//   read is kept with the files it needs (stylesheet, font subset, scripts), so it opens without a
//   connection, with a note "you are offline – this page was saved on <date>" at its top. Pages
//   kept longer than `maxAge` are dropped; a page the site no longer has (404/410) is forgotten.
// - Files under /_astro/ are named by their content: kept ones are served without asking.
// - Caches carry a format number; on activation every other cache is removed, and files no kept
//   page names are pruned.
import { writeDate, type DateText } from '../../../core/date-text'

// The worker's own globals (TypeScript's webworker library would clash with the site's DOM one).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  respondWith(response: Promise<Response>): void
}
declare const self: {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<{ url: string }[]> }
}
/** Put above this script by src/pages/sw.js.ts. */
declare const LANGS: string[]
declare const NOTES: Record<string, { saved: string; missing: string }>
declare const DATES: Record<string, Pick<DateText, 'numeric' | 'digits'>>

const PAGES = 'drk-pages-1'
const FILES = 'drk-files-1'
const maxAge = 30 * 86400000
const slow = 6000

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== PAGES && name !== FILES) await caches.delete(name)
      await prune()
      await self.clients.claim()
      // The page that registered the worker was read before it ran: keep it now.
      for (const client of await self.clients.matchAll({ type: 'window' })) await keep(new URL(client.url)).catch(() => {})
    })(),
  ),
)

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== location.origin) return
  if (url.pathname.startsWith('/_astro/')) event.respondWith(file(request))
  else if (request.mode === 'navigate' || (request.headers.get('Accept') || '').includes('text/html')) event.respondWith(page(request, url, event))
})

// Only plain pages are kept: no query (search results, forms' answers), in a language folder.
const langIn = (url: URL): string | undefined => LANGS.find((lang) => url.pathname.startsWith(`/${lang}/`))
const keepable = (url: URL) => !url.search && langIn(url) !== undefined && url.pathname.endsWith('/')
const langOf = (url: URL): string => langIn(url) ?? 'da'

async function page(request: Request, url: URL, event: FetchEvent): Promise<Response> {
  const network = fetch(request)
  // Kept (or forgotten) while the worker lives on, also when the page was answered from the phone.
  event.waitUntil(
    network
      .then((response): Promise<void> | undefined => {
        if (keepable(url) && response.ok && (response.headers.get('Content-Type') || '').startsWith('text/html')) return store(url, response.clone())
        if (response.status === 404 || response.status === 410) return forget(url.pathname)
      })
      .catch(() => {}),
  )
  const kept = keepable(url) ? await (await caches.open(PAGES)).match(url.pathname) : undefined
  if (!kept) return network.catch(async (error) => (await elsewhere(url)) || Promise.reject(error))
  // With a kept copy: the network's answer, unless there is none or it is too slow to wait for.
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, slow))
  const answer = await Promise.race([network.catch(() => undefined), late])
  return answer || noted(kept, langOf(url), 'saved')
}

/** Offline at a page that was never kept: the saved list in its language, if kept, says so. */
async function elsewhere(url: URL): Promise<Response | undefined> {
  const lang = langOf(url)
  const list = await (await caches.open(PAGES)).match(`/${lang}/gemte/`)
  return list && noted(list, lang, 'missing')
}

async function noted(response: Response, lang: string, kind: 'saved' | 'missing'): Promise<Response> {
  const html = await response.text()
  const saved = new Date(Number(response.headers.get('X-Saved-At')) || Date.now())
  const date = writeDate(DATES[lang]!, saved.getTime(), 'numeric')
  const escape = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)
  const text = NOTES[lang]![kind].split('{date}').map(escape).join(`<span dir="ltr">${date}</span>`)
  const note = `<p class="offline-note" role="status" data-offline-note="${kind}">${text}</p>`
  const headers = new Headers(response.headers)
  headers.delete('Content-Length')
  return new Response(html.replace(/<body[^>]*>/, (body) => body + note), { status: 200, headers })
}

async function file(request: Request): Promise<Response> {
  const cache = await caches.open(FILES)
  const kept = await cache.match(request.url, { ignoreSearch: true })
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok && response.status === 200) await cache.put(request.url, response.clone()).catch(() => {})
  return response
}

/** Fetches a page and keeps it (the page that registered the worker). */
async function keep(url: URL): Promise<void> {
  if (!keepable(url)) return
  const response = await fetch(url.pathname, { headers: { Accept: 'text/html' } })
  if (response.ok) await store(url, response)
}

async function store(url: URL, response: Response): Promise<void> {
  const html = await response.text()
  const headers = new Headers(response.headers)
  headers.set('X-Saved-At', String(Date.now()))
  headers.delete('Content-Length')
  await (await caches.open(PAGES)).put(url.pathname, new Response(html, { status: 200, headers }))
  const files = await caches.open(FILES)
  const names = filesOf(html)
  for (const name of names) {
    if (await files.match(name)) continue
    const answer = await fetch(name).catch(() => undefined)
    if (!answer || answer.status !== 200) continue
    // A script's own imports (chunks it shares with other pages' scripts) load with it.
    if (name.endsWith('.js')) names.push(...importsOf(await answer.clone().text(), name))
    await files.put(name, answer)
  }
}

const filesOf = (html: string): string[] => [...new Set([...html.matchAll(/(?:href|src)="(\/_astro\/[^"?#]+)"|url\((\/_astro\/[^)?#]+)\)/g)].map((match) => (match[1] || match[2])!))]

/** The chunks a bundled script imports (`./name.js`, beside it in /_astro/). */
const importsOf = (text: string, name: string): string[] => [...text.matchAll(/["'](\.\/[\w.-]+\.js)["']/g)].map((match) => new URL(match[1]!, location.origin + name).pathname)

async function forget(path: string): Promise<void> {
  await (await caches.open(PAGES)).delete(path)
}

/** Drops pages kept too long, then every file no kept page needs. */
async function prune() {
  const pages = await caches.open(PAGES)
  const files = await caches.open(FILES)
  const named: string[] = []
  for (const request of await pages.keys()) {
    const response = await pages.match(request)
    if (!response || Date.now() - Number(response.headers.get('X-Saved-At')) > maxAge) await pages.delete(request)
    else named.push(...filesOf(await response.text()))
  }
  const needed = new Set(named)
  for (const name of needed) {
    const kept = name.endsWith('.js') && (await files.match(name))
    if (kept) for (const chunk of importsOf(await kept.text(), name)) needed.add(chunk)
  }
  for (const request of await files.keys()) if (!needed.has(new URL(request.url).pathname)) await files.delete(request)
}
