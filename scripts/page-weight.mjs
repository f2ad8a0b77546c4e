// What a first visit to a built page loads, compressed: the HTML, its stylesheets and scripts,
// and the fonts its text needs. Read by scripts/bench.mjs (printed figures) and
// e2e/tests/fonts.spec.ts (the byte budget).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const gz = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
/**
 * HTML's character references decoded (Astro writes the text as UTF-8 and escapes only a few).
 * @param {string} text
 * @returns {string}
 */
export function decodeEntities(text) {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex, decimal, name) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16))
    if (decimal) return String.fromCodePoint(Number(decimal))
    return entities[name.toLowerCase()] ?? whole
  })
}

/** The text a browser draws for a page: text between tags (not scripts or styles), and placeholders and button values. */
export function pageText(html) {
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
  const attributes = [...body.matchAll(/\s(?:placeholder|value)="([^"]*)"/g)].map(([, value]) => value)
  return decodeEntities(`${body.replace(/<[^>]*>/g, ' ')} ${attributes.join(' ')}`)
}

/** `U+600-6FF,U+200C` as a test of one code point. */
export function inUnicodeRange(range) {
  const spans = range.split(',').map((part) => {
    const [start, end] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(start, 16), parseInt(end ?? start, 16)]
  })
  return (codePoint) => spans.some(([start, end]) => codePoint >= start && codePoint <= end)
}

/** The page's @font-face rules (inline in its <head>): font file URL and unicode-range. */
export function declaredFonts(html) {
  return [...html.matchAll(/@font-face\{([^}]*)\}/g)].map(([, rule]) => ({
    family: /font-family:'([^']+)'/.exec(rule)?.[1],
    url: /url\(([^)]+\.woff2)\)/.exec(rule)?.[1],
    unicodeRange: /unicode-range:([^;}]+)/.exec(rule)?.[1] ?? 'U+0-10FFFF',
  }))
}

/**
 * The site paths of a page's scripts and of the chunks they import statically (which the browser
 * fetches before running them), each once; not those behind a dynamic `import()`, fetched only
 * when the code gets there (e.g. on a tap).
 */
export function loadedScripts(releaseDir, html) {
  const seen = new Set()
  const visit = (src) => {
    if (seen.has(src)) return
    seen.add(src)
    const code = fs.readFileSync(path.join(releaseDir, src), 'utf8')
    // Rollup's static imports: `import{a as b}from"./x.js";` or `import"./x.js";` (never `import(`).
    for (const [, specifier] of code.matchAll(/\bimport\s*(?:[\w$*{},\s]*\bfrom\s*)?["']([^"']+)["']/g)) {
      visit(path.posix.join(path.posix.dirname(src), specifier))
    }
  }
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) visit(src)
  return [...seen]
}

/**
 * Compressed bytes of what a first visit to `pathname` (a page folder of the release) loads:
 * HTML, CSS, JS (the page's scripts and what they import statically), and each declared font
 * whose unicode-range meets the page's text (the browser downloads no other). Fonts are WOFF2,
 * compressed already: counted as they are.
 */
export function pageWeight(releaseDir, pathname) {
  const html = fs.readFileSync(path.join(releaseDir, pathname, 'index.html'))
  const text = html.toString()
  let css = 0
  let js = 0
  let fonts = 0
  for (const [, href] of text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) css += gz(fs.readFileSync(path.join(releaseDir, href)))
  for (const src of loadedScripts(releaseDir, text)) js += gz(fs.readFileSync(path.join(releaseDir, src)))
  const codePoints = [...new Set(pageText(text))].map((character) => character.codePointAt(0))
  for (const font of declaredFonts(text)) {
    if (!font.url) continue
    const needed = inUnicodeRange(font.unicodeRange)
    if (codePoints.some(needed)) fonts += fs.statSync(path.join(releaseDir, font.url)).size
  }
  const htmlGz = gz(html)
  return { html: htmlGz, total: htmlGz + css + js + fonts, css, js, fonts }
}

/** One built instance of each sampled template (home, finder, department, activity, event), as paths under /<lang>/. */
export function samplePages(releaseDir) {
  const folders = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.html'))).map((entry) => entry.name) : [])
  const department = folders(path.join(releaseDir, 'da', 'afdelinger'))[0]
  const activity = department && folders(path.join(releaseDir, 'da', 'afdelinger', department))[0]
  const eventsDir = path.join(releaseDir, 'da', 'arrangementer')
  const event = folders(eventsDir).find((name) => !fs.readFileSync(path.join(eventsDir, name, 'index.html'), 'utf8').includes('data-event-ended'))
  return {
    home: '',
    finder: 'find/',
    ...(department ? { department: `afdelinger/${department}/` } : {}),
    ...(activity ? { activity: `afdelinger/${department}/${activity}/` } : {}),
    ...(event ? { event: `arrangementer/${event}/` } : {}),
  }
}

// `node scripts/page-weight.mjs <release folder> [lang…]`: the first-load weight of the sampled pages.
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const [releaseDir, ...langs] = process.argv.slice(2)
  if (!releaseDir) {
    console.error('Usage: node scripts/page-weight.mjs <release folder> [lang…]')
    process.exit(2)
  }
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
  for (const lang of langs.length ? langs : ['da', 'ar', 'fa', 'ps', 'ti']) {
    for (const [template, pathname] of Object.entries(samplePages(releaseDir))) {
      const weight = pageWeight(releaseDir, `${lang}/${pathname}`)
      console.log(`${lang} ${template.padEnd(10)} total ${kib(weight.total).padStart(10)}  (HTML ${kib(weight.html)}, CSS ${kib(weight.css)}, JS ${kib(weight.js)}, fonts ${kib(weight.fonts)})`)
    }
  }
}
