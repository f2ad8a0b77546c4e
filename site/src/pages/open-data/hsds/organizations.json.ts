import type { APIRoute } from 'astro'

import { hsdsExport, jsonResponse, page } from '../../../lib/hsds-export'

/** The national body and every department as HSDS 3.0 organizations, with their locations. */
export const GET: APIRoute = async ({ site }) => jsonResponse(page((await hsdsExport(site as URL)).organizations))
