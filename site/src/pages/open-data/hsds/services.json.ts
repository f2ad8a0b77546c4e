import type { APIRoute } from 'astro'

import { hsdsExport, jsonResponse, page } from '../../../lib/hsds-export'

/** Every activity as an HSDS 3.0 service, with its organization, location and schedule. */
export const GET: APIRoute = async ({ site }) => jsonResponse(page((await hsdsExport(site as URL)).services))
