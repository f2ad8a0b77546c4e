import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { headersEverywhere, headersOutsideApi } from './src/security/headers'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const nextConfig: NextConfig = {
  // Next is hoisted to the workspace root's node_modules; Turbopack must look there.
  turbopack: { root: repoRoot },
  // `npm test` runs `tsc` over the whole CMS; checking again inside `next build` only costs time.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Static files included; the per-request ones are set in src/proxy.ts and server.mjs.
  async headers() {
    return [
      { source: '/:path*', headers: headersEverywhere },
      { source: '/:path((?!api/).*)', headers: headersOutsideApi },
    ]
  },
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
