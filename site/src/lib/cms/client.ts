import { PayloadSDK } from '@payloadcms/sdk'

import type { Config } from '../../../../cms/src/payload-types'
import { cmsUrl } from '../../../../core/defaults'

/** Where the site reads its content at build time (the CMS's REST API). */
export const cmsURL = cmsUrl()

export const cms = new PayloadSDK<Config>({ baseURL: `${cmsURL}/api` })

/** Turns "fetch failed" into something a person starting the build can act on. */
export function explainCmsError(error: unknown, what: string): Error {
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
  return new Error(
    `Could not load ${what} from the CMS at ${cmsURL}/api (${reason}). ` +
      'Is the CMS running? `npm start` starts it; set CMS_URL to build against another one.',
  )
}
