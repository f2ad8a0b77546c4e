/**
 * The saved list ("My activities", pages/[lang]/gemte/): each saved activity or event with its
 * next dates, computed here from the rules its page carried (core/weekly.ts: the same dates the
 * site shows), its address and links, and a button to remove it. Works offline: it needs only
 * this page (kept by the service worker) and localStorage.
 */
import { type DateText, writeDate } from '../../../core/date-text'
import { nextMeetings } from '../../../core/weekly'
import { readSaved, writeSaved, type SavedItem } from './saved-store'

const root = document.querySelector<HTMLElement>('[data-saved-list]')!
const list = root.querySelector<HTMLOListElement>('[data-saved-items]')!
const empty = root.querySelector<HTMLElement>('[data-saved-empty]')!
const status = root.querySelector<HTMLElement>('[data-saved-status]')!
const template = document.querySelector<HTMLTemplateElement>('template[data-saved-item]')!
// How this page's language writes dates, made by the build (the phone may not know the language).
const dateText = JSON.parse(root.dataset.dates!) as DateText
const date = (ms: number) => writeDate(dateText, ms, 'date')
const time = (ms: number) => writeDate(dateText, ms, 'time')

/** The next (at most three) meetings that have not ended. */
function upcoming(item: SavedItem, now: number) {
  const computed = item.periods?.length ? nextMeetings(item.periods, { after: now, count: 3 }) : null
  return computed ?? item.dates.filter((meeting) => (meeting.end ?? meeting.start) > now).slice(0, 3)
}

function entry(item: SavedItem, now: number): Node {
  const node = template.content.cloneNode(true) as DocumentFragment
  const part = <T extends HTMLElement = HTMLElement>(name: string) => node.querySelector<T>(`[data-${name}]`)!
  const title = part<HTMLAnchorElement>('title')
  title.href = item.url
  title.textContent = item.title
  title.lang = item.lang
  title.dir = item.dir
  const department = part('department')
  if (item.department) department.textContent = item.department
  else department.remove()
  const dates = upcoming(item, now)
  const datesList = part('dates')
  for (const meeting of dates) {
    const row = document.createElement('li')
    const day = document.createElement('time')
    day.dateTime = new Date(meeting.start).toISOString()
    day.className = 'font-semibold'
    day.textContent = date(meeting.start)
    const clock = document.createElement('span')
    clock.dir = 'ltr'
    clock.textContent = meeting.end === null ? time(meeting.start) : `${time(meeting.start)}–${time(meeting.end)}`
    row.append(day, ' ', clock)
    datesList.append(row)
  }
  part('no-dates').hidden = dates.length > 0 || !!item.byAppointment
  part('by-appointment').hidden = !item.byAppointment
  const place = part('place')
  for (const line of item.place) place.append(Object.assign(document.createElement('span'), { className: 'block', textContent: line }))
  for (const [name, href] of [
    ['directions', item.directions],
    ['calendar', item.calendar],
  ] as const) {
    if (href) part<HTMLAnchorElement>(name).href = href
    else part(name).remove()
  }
  const savedOn = part('saved-on')
  savedOn.textContent = item.savedAt ? (savedOn.dataset.savedOn ?? '').replace('{date}', date(item.savedAt)) : ''
  part('remove').addEventListener('click', () => {
    writeSaved(readSaved().filter((other) => other.key !== item.key))
    render()
    status.textContent = status.dataset.removed ?? ''
    // Focus stays in the list: on the next item's title, else on the list's heading.
    ;(list.querySelector<HTMLElement>('[data-title]') ?? document.querySelector<HTMLElement>('h1'))?.focus()
  })
  return node
}

function render() {
  const items = readSaved()
  const now = Date.now()
  list.replaceChildren(...items.map((item) => entry(item, now)))
  empty.hidden = items.length > 0
  list.hidden = items.length === 0
}

render()
addEventListener('storage', render)
