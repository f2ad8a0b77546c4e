import type { Field, PayloadRequest } from 'payload'

import { ours } from '../lib/translations'

const postalCode: Field = {
  name: 'postalCode',
  type: 'text',
  label: { da: 'Postnummer', en: 'Postal code' },
  validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => !value || /^\d{4}$/.test(value) || ours(req.t)('invalid:postalCode'),
}

/**
 * Where something happens: a street address and a map point. `emptyMeans` tells editors what
 * an empty address stands for (the department's own address).
 */
export function placeFields({ emptyMeans }: { emptyMeans?: { da: string; en: string } } = {}): Field[] {
  return [
    {
      name: 'address',
      type: 'group',
      label: { da: 'Adresse', en: 'Address' },
      admin: emptyMeans ? { description: emptyMeans } : undefined,
      fields: [
        { name: 'street', type: 'text', label: { da: 'Vej og nummer', en: 'Street' } },
        { type: 'row', fields: [postalCode, { name: 'city', type: 'text', label: { da: 'By', en: 'City' } }] },
      ],
    },
    {
      name: 'location',
      type: 'point',
      label: { da: 'Placering på kortet', en: 'Map location' },
      admin: emptyMeans ? { description: emptyMeans } : undefined,
      validate: (value: unknown, { req }: { req: PayloadRequest }) => {
        if (value === null || value === undefined) return true
        if (!Array.isArray(value) || value.length !== 2 || value.some((n) => n === null || n === undefined || n === '')) return true
        const [longitude = 0, latitude = 0] = value.map(Number)
        // Denmark, Bornholm and the Faroes fit well inside this box; a swapped pair does not.
        if (longitude < -8 || longitude > 16 || latitude < 54 || latitude > 63) {
          return ours(req.t)('invalid:locationOutsideDenmark')
        }
        return true
      },
    },
  ]
}
