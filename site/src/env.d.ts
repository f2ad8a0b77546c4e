/// <reference types="astro/client" />

declare namespace App {
  /** Set by src/middleware.ts for every page and endpoint. */
  interface Locals {
    /** The page's language, from its URL (`/ar/…`); Danish for the few files outside a language prefix. */
    lang: import('../../core/locales').LocaleCode
    /** UI strings in that language: `t('department.events')`. */
    t: import('./i18n').Translate
  }
}

declare module 'virtual:service-worker' {
  /** The service worker's script, bundled and minified (src/offline/service-worker-plugin.ts). */
  export const source: string
}

declare module 'virtual:font-faces' {
  /** The @font-face rule of each language's font subset, for the languages whose script needs one (lib/font-subsets.ts). */
  export const fontFaces: Partial<Record<import('../../core/locales').LocaleCode, string>>
  /** The URL of each such subset (the same file as in its rule), for a preload. */
  export const fontFiles: Partial<Record<import('../../core/locales').LocaleCode, string>>
}

declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet'
}

declare module 'qrcode/lib/renderer/svg-tag.js' {
  /** qrcode's SVG writer (what its `toString({ type: 'svg' })` uses), for a code already made with `create`. */
  export function render(qr: import('qrcode').QRCode, options?: import('qrcode').QRCodeRenderersOptions): string
}
