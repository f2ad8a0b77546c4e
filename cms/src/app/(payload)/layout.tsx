import config from '@payload-config'
import '@payloadcms/next/css'
import type { ServerFunctionClient } from 'payload'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import type React from 'react'

import { refuseServerFunction } from '../../access/serverFunctions'
import { importMap } from './admin/importMap'
import './custom.scss'

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  // Payload's own server functions, with the access it leaves out (access/serverFunctions.ts).
  const refused = await refuseServerFunction(args.name, (args.args ?? {}) as Record<string, unknown>)
  if (refused) return { error: refused }
  return handleServerFunctions({ ...args, config, importMap })
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
      {children}
    </RootLayout>
  )
}
