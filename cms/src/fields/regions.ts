import { danishRegionNames, regions as regionCodes } from '../../../core/regions'

export type { Region } from '../../../core/regions'

/** The options of a department's region (core/regions.ts); the site groups departments by them. */
export const regions = regionCodes.map((value) => ({ value, label: danishRegionNames[value] }))
