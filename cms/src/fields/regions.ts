/** The five Danish regions; the site groups departments by them. */
export const regions = [
  { value: 'hovedstaden', label: 'Region Hovedstaden' },
  { value: 'sjaelland', label: 'Region Sjælland' },
  { value: 'syddanmark', label: 'Region Syddanmark' },
  { value: 'midtjylland', label: 'Region Midtjylland' },
  { value: 'nordjylland', label: 'Region Nordjylland' },
] as const

export type Region = (typeof regions)[number]['value']
