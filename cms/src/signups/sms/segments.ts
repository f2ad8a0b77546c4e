/**
 * How many SMS segments a text takes, as a phone network counts them (3GPP TS 23.038/23.040).
 *
 * A text in the GSM 7-bit alphabet (Latin letters, Danish æøå, digits, common signs) takes 160
 * characters in one SMS, or 153 a segment when it needs several (the rest holds the header that
 * joins them); the extension characters (€ [ ] { } \ ~ ^ |) take two places each. A text with a
 * single character outside the alphabet goes as UCS-2: 70 UTF-16 units in one SMS, 67 a segment
 * when joined; Arabic, Persian, Pashto, Tigrinya (Ethiopic), Ukrainian always do. A character is
 * never split across two segments (an extension character's escape, a surrogate pair), so a
 * segment can hold one place less than its size.
 */
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const gsmExtension = new Set('\f^{}\\[~]|€')

export type SmsEncoding = 'GSM-7' | 'UCS-2'

export interface SmsCount {
  encoding: SmsEncoding
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  units: number
  segments: number
}

export const isGsm7 = (text: string) => [...text].every((char) => gsmBasic.has(char) || gsmExtension.has(char))

export function countSms(text: string): SmsCount {
  if (isGsm7(text)) {
    const sizes = [...text].map((char) => (gsmExtension.has(char) ? 2 : 1))
    return { encoding: 'GSM-7', units: sizes.reduce((sum, size) => sum + size, 0), segments: segmentsOf(sizes, 160, 153) }
  }
  const sizes = [...text].map((char) => char.length)
  return { encoding: 'UCS-2', units: text.length, segments: segmentsOf(sizes, 70, 67) }
}

/** One segment if everything fits in `single`; else filled `joined` at a time, never splitting a character. */
function segmentsOf(sizes: number[], single: number, joined: number): number {
  const total = sizes.reduce((sum, size) => sum + size, 0)
  if (total === 0) return 1
  if (total <= single) return 1
  let segments = 1
  let used = 0
  for (const size of sizes) {
    if (used + size > joined) {
      segments++
      used = 0
    }
    used += size
  }
  return segments
}

/**
 * Typography that has a GSM-7 twin: a dash, curly quotes, an ellipsis, the no-break spaces Intl
 * puts in dates and times. One of them would send a whole Danish message as UCS-2 (70 characters
 * a segment instead of 160); as plain signs it stays GSM-7 and keeps its details.
 */
const plainer: [RegExp, string][] = [
  [/[\u2012-\u2015\u2212]/g, '-'],
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/\u2026/g, '...'],
  [/[\u00a0\u2007\u2009\u202f]/g, ' '],
]
export const plainSms = (text: string) => plainer.reduce((value, [pattern, plain]) => value.replace(pattern, plain), text)

/** A part of an SMS: `dropOrder` marks an optional one (the highest is dropped first); without it the part is kept. */
export interface SmsPart {
  text: string
  dropOrder?: number
}

/**
 * The message in at most `maxSegments`: the parts in their order, dropping optional ones (highest
 * `dropOrder` first) until it fits. Required parts are never cut: a cancel link cut short is a
 * link that does not work. Undefined when even the required parts do not fit.
 */
export function fitSms(parts: SmsPart[], { maxSegments = 2, join = '\n' }: { maxSegments?: number; join?: string } = {}): string | undefined {
  let kept = parts.filter(({ text }) => text).map((part) => ({ ...part, text: plainSms(part.text) }))
  const compose = () => kept.map(({ text }) => text).join(join)
  while (countSms(compose()).segments > maxSegments) {
    const optional = kept.filter((part) => part.dropOrder !== undefined)
    if (!optional.length) return undefined
    const drop = optional.reduce((a, b) => (b.dropOrder! > a.dropOrder! ? b : a))
    kept = kept.filter((part) => part !== drop)
  }
  return compose()
}
