import type { APIRoute } from 'astro'

import { finderData } from '../../../lib/finder'
import { finderIndex } from '../../../lib/finder-cards'
import { localeStaticPaths } from '../../../lib/static-paths'

// Once per language, rendered by every build (a partial one too), like the finder page itself.
export const getStaticPaths = localeStaticPaths

/** The finder's compact index (lib/finder-index.ts): what its script filters, sorts and renders. */
export const GET: APIRoute = async ({ locals }) => {
  const { lang, t } = locals
  return new Response(JSON.stringify(finderIndex(lang, t, await finderData(lang))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
