/**
 * The five Danish regions, east to north: the order the site lists departments in. A department
 * belongs to one (its `region` field); the site names them in the reader's language
 * (`region.<code>` in its UI strings), the CMS's admin by their Danish names here.
 */
export const regions = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const

export type Region = (typeof regions)[number]

export const danishRegionNames: Record<Region, string> = {
  hovedstaden: 'Region Hovedstaden',
  sjaelland: 'Region Sjælland',
  syddanmark: 'Region Syddanmark',
  midtjylland: 'Region Midtjylland',
  nordjylland: 'Region Nordjylland',
}
