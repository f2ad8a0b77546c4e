import type { APIRoute } from 'astro'

import { hsdsExport, jsonResponse, page } from '../../../lib/hsds-export'

/** Where each activity takes place (HSDS 3.0 service_at_location, with the location). */
export const GET: APIRoute = async ({ site }) => jsonResponse(page((await hsdsExport(site as URL)).serviceAtLocations))
