import type { APIRoute } from 'astro'

import { jsonResponse } from '../../../lib/hsds-export'

/** Like an HSDS 3.0 API's root: what this export is and where its parts are. */
export const GET: APIRoute = ({ site }) => {
  const url = (file: string) => new URL(`/open-data/hsds/${file}`, site).href
  return jsonResponse({
    version: '3.0',
    profile: 'https://openreferral.org/',
    description:
      'Dansk Røde Kors’ integrationsaktiviteter som åbne data i Open Referral HSDS 3.0: afdelinger (organizations), aktiviteter (services), steder og tider. Tekster er på dansk; hver side findes også på en, uk, ar, fa, ps, ti og so (skift /da/ ud i adressen).',
    services: url('services.json'),
    organizations: url('organizations.json'),
    service_at_locations: url('service_at_locations.json'),
  })
}
