import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, describe, expect, it } from 'vitest'

import { loadedScripts, pageWeight } from '../../scripts/page-weight.mjs'

// scripts/page-weight.mjs counts what a first visit loads: a page's scripts and the chunks they
// import statically (the browser fetches those before running them), not the chunks behind a
// dynamic import() (fetched on a tap), written here as Rollup writes them.
describe('page weight', () => {
  const release = fs.mkdtempSync(path.join(os.tmpdir(), 'page-weight-'))
  afterAll(() => fs.rmSync(release, { recursive: true, force: true }))
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(release, file)), { recursive: true })
    fs.writeFileSync(path.join(release, file), text)
  }
  write('_astro/entry.js', 'import{f as a,i as b}from"./shared.js";import"./side.js";document.onclick=()=>import("./lazy.js").then(m=>m.go(a,b))')
  write('_astro/other.js', 'import{f}from"./shared.js";f()')
  write('_astro/shared.js', 'export const f=()=>1,i=2')
  write('_astro/side.js', 'console.log("side")')
  write('_astro/lazy.js', 'import{f}from"./shared.js";export const go=()=>f()')
  write('_astro/style.css', 'body{color:red}')
  write('da/page/index.html', '<html><head><link rel="stylesheet" href="/_astro/style.css"><script type="module" src="/_astro/entry.js"></script><script type="module" src="/_astro/other.js"></script></head><body><p>Hej</p></body></html>')

  it('follows static imports once each, and not dynamic ones', () => {
    const html = fs.readFileSync(path.join(release, 'da/page/index.html'), 'utf8')
    expect(loadedScripts(release, html).sort()).toEqual(['/_astro/entry.js', '/_astro/other.js', '/_astro/shared.js', '/_astro/side.js'])
  })

  it('adds up the compressed scripts, stylesheets and HTML', () => {
    const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(release, file)), { level: 9 }).length
    const weight = pageWeight(release, 'da/page/')
    expect(weight.js).toBe(gz('_astro/entry.js') + gz('_astro/other.js') + gz('_astro/shared.js') + gz('_astro/side.js'))
    expect(weight.css).toBe(gz('_astro/style.css'))
    expect(weight.total).toBe(weight.html + weight.css + weight.js)
  })
})
