// One finder result as HTML: the same function writes the cards the build puts in a page and the
// ones the finder's script renders from the compact index (scripts/finder.ts), so the script's
// first page is the build's to the byte and nothing moves when it takes over. No Astro imports:
// it runs in the browser too.
import { nativeLanguageName, rtlLanguages } from '../../../core/languages'

/** How many results the finder page carries and its script shows at a time ("show more" adds as many). */
export const finderPageSize = 8

/** What a card shows and what the finder filters and sorts it by, every text already in the reader's language. */
export interface FinderCard {
  kind: 'activity' | 'event'
  /** data-finder-item: the activity's slug, or `event:<slug>`. */
  id: string
  href: string
  title: string
  /** `da` when the title fell back to Danish. */
  titleLang?: string
  type?: { slug: string; title: string; lang?: string }
  groups: string[]
  region: string
  municipality: string
  department: string
  departmentName: string
  /** The town, when it is not the department's name. */
  city?: string
  languages: string[]
  days: string[]
  audience: string[]
  latitude?: number
  longitude?: number
  /** An activity's next meeting (or why it has none); an event's start. */
  when: { datetime: string; date: string; time?: string } | { none: 'appointment' | 'noDates' }
  /** An activity's audience badges (labels), and whether it is free. */
  badges?: string[]
  free?: boolean
}

/** The fixed words of a card in the reader's language (finder UI strings). */
export interface FinderCardText {
  nextDate: string
  byAppointment: string
  noDates: string
  free: string
  event: string
  /** Between the date and the time ("، " in Arabic script). */
  comma: string
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (value: string | number) => String(value).replace(/[&<>"']/g, (character) => escapes[character]!)
const langAttribute = (lang: string | undefined) => (lang ? ` lang="${escape(lang)}"` : '')

/** The data-* attributes scripts/finder.ts filters and sorts a list item by (also the volunteer page's items). */
export function finderCardAttributes(card: Pick<FinderCard, 'id' | 'kind' | 'type' | 'groups' | 'region' | 'municipality' | 'department' | 'languages' | 'days' | 'audience' | 'latitude' | 'longitude'>) {
  return {
    'data-finder-item': card.id,
    ...(card.kind === 'event' ? { 'data-kind': 'event' } : {}),
    'data-type': card.type?.slug ?? '',
    'data-groups': card.groups.join(' '),
    'data-region': card.region,
    'data-municipality': card.municipality,
    'data-department': card.department,
    'data-languages': card.languages.join(' '),
    'data-days': card.days.join(' '),
    'data-audience': card.audience.join(' '),
    'data-lat': card.latitude,
    'data-lng': card.longitude,
  }
}

/** Each language's name in itself, marked with its own lang/dir so fonts and screen readers switch. */
export function finderLanguagesHtml(codes: readonly string[], className = '') {
  if (codes.length === 0) return ''
  const items = codes.map((code) => `<li class="rounded bg-wash px-1.5 py-0.5" lang="${escape(code)}" dir="${rtlLanguages.includes(code) ? 'rtl' : 'ltr'}">${escape(nativeLanguageName(code))}</li>`)
  return `<ul class="${['flex flex-wrap gap-1.5', className].filter(Boolean).join(' ')}" data-languages>${items.join('')}</ul>`
}

/** The card as HTML; `distance` ("3.2 km away") when the results are sorted by distance. */
export function finderCardHtml(card: FinderCard, text: FinderCardText, distance?: string) {
  const attributes = Object.entries(finderCardAttributes(card))
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(value!)}"`)
    .join('')
  const event = card.kind === 'event'
  const when = card.when
  const title = `<h3 class="${event ? 'mt-1 ' : ''}text-lg font-bold"${langAttribute(card.titleLang)}><a href="${escape(card.href)}">${escape(card.title)}</a></h3>`
  const where = [
    card.type ? `<span${langAttribute(card.type.lang)}>${escape(card.type.title)}</span> · ` : '',
    `<span>${escape(card.departmentName)}</span>`,
    card.city ? `<span lang="da"> · ${escape(card.city)}</span>` : '',
  ].join('')
  const parts = event
    ? [
        'datetime' in when
          ? `<p class="text-sm"><span class="me-1 rounded bg-brand-dark px-1.5 py-0.5 font-semibold text-white" data-event-badge>${escape(text.event)}</span> <time datetime="${escape(when.datetime)}" class="font-semibold text-brand-dark" data-event-date>${escape(when.date)}</time></p>`
          : '',
        title,
        `<p class="text-sm">${where}</p>`,
        finderLanguagesHtml(card.languages, 'mt-2 text-sm'),
      ]
    : [
        title,
        `<p class="text-sm">${where}</p>`,
        `<p class="mt-1"><span class="font-semibold">${escape(text.nextDate)}:</span> ${
          'datetime' in when
            ? `<time datetime="${escape(when.datetime)}" data-next-date>${escape(when.date)}${escape(text.comma)}<span dir="ltr">${escape(when.time ?? '')}</span></time>`
            : `<span>${escape(when.none === 'appointment' ? text.byAppointment : text.noDates)}</span>`
        }</p>`,
        finderLanguagesHtml(card.languages, 'mt-2 text-sm'),
        (card.badges?.length ?? 0) > 0 || card.free
          ? `<ul class="mt-2 flex flex-wrap gap-1.5 text-sm" data-badges>${(card.badges ?? [])
              .map((label) => `<li class="rounded border border-brand-dark px-1.5 py-0.5 font-semibold text-brand-dark">${escape(label)}</li>`)
              .join('')}${card.free ? `<li class="rounded border border-gray-400 px-1.5 py-0.5">${escape(text.free)}</li>` : ''}</ul>`
          : '',
      ]
  const look = event ? 'border-brand-dark/40' : 'border-gray-200'
  const distanceLine = distance === undefined ? '<p class="mt-1 text-sm text-muted" data-distance hidden></p>' : `<p class="mt-1 text-sm text-muted" data-distance>${escape(distance)}</p>`
  return `<li class="break-words rounded-lg border ${look} bg-white p-4"${attributes}>${parts.join('')}${distanceLine}</li>`
}
