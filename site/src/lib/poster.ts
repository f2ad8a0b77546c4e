/**
 * Posters for the noticeboard: one printable A4 page per activity, event and department, in two
 * languages (the reader's beside Danish; a Danish page's beside English), with a QR code that
 * opens the page in the reader's language. Many first hear of an activity from a sheet at the
 * language school or the asylum centre.
 */
import QRCode, { type QRCodeMaskPattern } from 'qrcode'
import { render as renderSvg } from 'qrcode/lib/renderer/svg-tag.js'

import { defaultLocale, type LocaleCode } from '../../../core/locales'
import { activityById, departmentOf, upcomingEventById } from './data'
import { knownMask, qrErrorCorrection, rememberMask } from './qr-masks'

/** The poster's two languages, the reader's first: [reader, beside]. A Danish page's poster is Danish beside English. */
export function posterLanguages(lang: LocaleCode): [LocaleCode, LocaleCode] {
  return [lang, lang === defaultLocale ? 'en' : defaultLocale]
}

/**
 * A QR code for `url` as SVG markup, made at build time: black on white with the standard quiet
 * zone of four modules, error correction M (a sheet on a noticeboard gets creased and pinned
 * through), sized by its container. `label` says what it opens, for screen readers.
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  // One byte-mode segment: a URL is bytes anyway, and qrcode's search for the best mix of modes was a quarter of its time.
  const segments = [{ data: Buffer.from(url, 'utf8'), mode: 'byte' as const }]
  // The best of the eight masks, chosen once per address (lib/qr-masks.ts).
  const known = knownMask(url)
  const qr = QRCode.create(segments, { errorCorrectionLevel: qrErrorCorrection, ...(known === undefined ? {} : { maskPattern: known as QRCodeMaskPattern }) })
  if (known === undefined) rememberMask(url, qr.maskPattern!)
  // qrcode's own SVG writer, given the code made above (its toString would make it again).
  const svg = renderSvg(qr, { margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } })
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return svg.trim().replace('<svg ', `<svg role="img" aria-label="${escaped}" class="block h-full w-full" `)
}

/**
 * The class of a poster's title: smaller when it holds a word too long for half an A4 sheet at
 * full size ("forældremyndighedsindehaver"), which would otherwise break mid-word (printers'
 * browsers often have no hyphenation for the language).
 */
export function posterTitleClass(title: string): string {
  const longest = Math.max(0, ...title.split(/\s+/).map((word) => [...word].length))
  return longest > 20 ? 'poster-title poster-title-longer' : longest > 15 ? 'poster-title poster-title-long' : 'poster-title'
}

/**
 * The same document in the language beside the reader's (every locale has every published
 * document, Danish text standing in for what is not translated): found by id, as slugs may differ.
 */
async function besideOf<T>(found: Promise<T | undefined>, id: number, what: string, lang: LocaleCode): Promise<T> {
  const entry = await found
  if (!entry) throw new Error(`${what} ${id} is missing in ${lang}`)
  return entry
}

export const activityBeside = (lang: LocaleCode, id: number) => besideOf(activityById(lang, id), id, 'Activity', lang)
export const eventBeside = (lang: LocaleCode, id: number) => besideOf(upcomingEventById(lang, id), id, 'Event', lang)
export const departmentBeside = (lang: LocaleCode, id: number) => besideOf(departmentOf(lang, id), id, 'Department', lang)
