import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import QRCode, { type QRCodeMaskPattern } from 'qrcode'
import { afterEach, describe, expect, it } from 'vitest'

import { qrSvg } from '../src/lib/poster'
import { maskBasis, saveMasks, startMaskBuild } from '../src/lib/qr-masks'

const urls = ['https://example.org/da/afdelinger/odense/odense-lektiecafe/', 'https://example.org/ti/arrangementer/roskilde-vikingeskibe/', 'https://example.org/ar/afdelinger/aarhus/']
const segments = (url: string) => [{ data: Buffer.from(url, 'utf8'), mode: 'byte' as const }]
const options = { type: 'svg' as const, errorCorrectionLevel: 'M' as const, margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } }
/** The code qrcode draws by itself, trying all eight masks (or with the one given). */
const reference = async (url: string, maskPattern?: QRCodeMaskPattern) => (await QRCode.toString(segments(url), { ...options, ...(maskPattern === undefined ? {} : { maskPattern }) })).trim()
const bestMask = (url: string) => QRCode.create(segments(url), { errorCorrectionLevel: 'M' }).maskPattern!
const drawn = async (url: string) => (await qrSvg(url, 'Scan')).replace(/^<svg role="img" aria-label="Scan" class="block h-full w-full" /, '<svg ')

const dirs: string[] = []
const cacheDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drk-qr-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
const saved = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'qr-masks.json'), 'utf8')) as { basis: string; masks: Record<string, number> }

describe('posters’ QR codes with remembered masks', () => {
  it('draw the same code as qrcode’s own search, the first time and from memory', async () => {
    const dir = cacheDir()
    startMaskBuild(dir)
    for (const url of urls) expect(await drawn(url)).toBe(await reference(url))
    saveMasks()
    expect(saved(dir)).toEqual({ basis: maskBasis, masks: Object.fromEntries(urls.map((url) => [url, bestMask(url)])) })

    // Another build elsewhere, then this folder's again: its masks come from the file.
    startMaskBuild(cacheDir())
    startMaskBuild(dir)
    for (const url of urls) expect(await drawn(url)).toBe(await reference(url))
  })

  it('read the masks a previous process wrote, and only for this version of the choice', async () => {
    const [url] = urls as [string]
    const other = ((bestMask(url) + 1) % 8) as QRCodeMaskPattern
    const dir = cacheDir()
    fs.writeFileSync(path.join(dir, 'qr-masks.json'), JSON.stringify({ basis: maskBasis, masks: { [url]: other } }))
    startMaskBuild(dir)
    // A mask from the file is used as it is (a wrong one would still scan: any of the eight is a valid code).
    expect(await drawn(url)).toBe(await reference(url, other))
    expect(await drawn(url)).not.toBe(await reference(url))

    const stale = cacheDir()
    fs.writeFileSync(path.join(stale, 'qr-masks.json'), JSON.stringify({ basis: 'qrcode 0.1', masks: { [url]: other } }))
    startMaskBuild(stale)
    expect(await drawn(url)).toBe(await reference(url))
  })

  it('keep after a full build only the addresses it drew, and after a partial build all', async () => {
    const dir = cacheDir()
    startMaskBuild(dir)
    for (const url of urls) await drawn(url)
    saveMasks()
    // A partial build draws one poster: the others are kept.
    startMaskBuild(dir)
    await drawn(urls[0]!)
    saveMasks()
    expect(Object.keys(saved(dir).masks).sort()).toEqual([...urls].sort())
    // A full build after one address went away draws the other two: that one is forgotten.
    startMaskBuild(dir)
    await drawn(urls[0]!)
    await drawn(urls[1]!)
    saveMasks()
    expect(Object.keys(saved(dir).masks).sort()).toEqual([urls[0], urls[1]].sort())
  })
})
