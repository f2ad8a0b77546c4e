/**
 * The mask of each poster's QR code, remembered between builds. A QR code may be drawn with any
 * of eight masks; qrcode tries all eight and keeps the one that scores best (fewest runs, blocks
 * and finder-like patterns), which was most of its time: 11.5 s of a full build at 10× scale,
 * where every poster is drawn again although its address has not changed. The mask depends only
 * on the text, the error correction level and the library, so a remembered one draws the very
 * same code, and a partial build's poster is the same file as a full build's.
 *
 * Kept on `globalThis`, since each build of the warm worker imports the site's code afresh
 * (scripts/release/astro-in-process.ts), and in the content store's folder (`SITE_CACHE_DIR`)
 * for the next process; astro.config.mjs starts and saves it around each build (without it, as in
 * the site's unit tests, masks are remembered for the process only).
 */
import fs from 'node:fs'
import path from 'node:path'

import { version as qrcodeVersion } from 'qrcode/package.json'

/** The error correction of the posters' codes (M: a sheet on a noticeboard gets creased and pinned through). */
export const qrErrorCorrection = 'M'

/** What the masks were chosen for: another version of qrcode, or another error correction, might choose differently. */
export const maskBasis = `qrcode ${qrcodeVersion}, byte mode, error correction ${qrErrorCorrection}`

interface MaskMemory {
  file: string | null
  known: Map<string, number>
  /** The masks this build drew with: after a build that drew most posters, only these are kept. */
  used: Map<string, number>
}

const slot = Symbol.for('drk.qrMasks')
type WithMemory = typeof globalThis & { [slot]?: MaskMemory }

function fileFor(cacheDir: string | undefined): string | null {
  return cacheDir ? path.join(path.resolve(cacheDir), 'qr-masks.json') : null
}

function read(file: string | null): Map<string, number> {
  if (!file) return new Map()
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { basis?: string; masks?: Record<string, number> }
    if (saved.basis !== maskBasis || !saved.masks) return new Map()
    return new Map(Object.entries(saved.masks).filter(([, mask]) => Number.isInteger(mask) && mask >= 0 && mask <= 7))
  } catch {
    return new Map()
  }
}

/** This process's memory: the one the current build started (startMaskBuild), else one that is never saved. */
function memory(): MaskMemory {
  const global = globalThis as WithMemory
  global[slot] ??= { file: null, known: new Map(), used: new Map() }
  return global[slot]
}

/** The remembered mask for `text`, or undefined when it must be chosen. */
export function knownMask(text: string): number | undefined {
  const { known, used } = memory()
  const mask = known.get(text)
  if (mask !== undefined) used.set(text, mask)
  return mask
}

/** Remembers the mask qrcode chose for `text`. */
export function rememberMask(text: string, mask: number): void {
  const { known, used } = memory()
  known.set(text, mask)
  used.set(text, mask)
}

/** A build begins, keeping its content store in `cacheDir`: nothing drawn yet. */
export function startMaskBuild(cacheDir: string): void {
  const global = globalThis as WithMemory
  const file = fileFor(cacheDir)
  if (global[slot]?.file !== file) global[slot] = { file, known: read(file), used: new Map() }
  else global[slot].used.clear()
}

/**
 * A build has ended: the masks are written for the next process. After a build that drew at least
 * half of what is remembered (a full build draws every poster), only its masks are kept, so
 * addresses that went away do not pile up; after a partial build, all of them.
 */
export function saveMasks(): void {
  const state = memory()
  if (!state.file || state.used.size === 0) return
  if (state.used.size * 2 >= state.known.size) state.known = new Map(state.used)
  const temporary = `${state.file}.${process.pid}.tmp`
  try {
    fs.mkdirSync(path.dirname(state.file), { recursive: true })
    fs.writeFileSync(temporary, JSON.stringify({ basis: maskBasis, masks: Object.fromEntries(state.known) }))
    fs.renameSync(temporary, state.file)
  } catch (error) {
    // A memory, not a part of the release: the next build chooses the masks again.
    console.warn(`The posters' QR masks were not kept (${error instanceof Error ? error.message : String(error)}).`)
  }
}
