import type { Field, PayloadRequest } from 'payload'

import { spokenLanguages } from '../../../core/languages'
import { ours } from '../lib/translations'

/** What a newcomer filters on and needs to know before coming: shared by activities and events. */
export const languagesField: Field = {
  name: 'languages',
  type: 'select',
  hasMany: true,
  label: { da: 'Sprog, der tales ved aktiviteten', en: 'Languages spoken at the activity' },
  options: spokenLanguages.map(({ code, da, native }) => ({ value: code, label: { da, en: native } })),
  admin: { description: { da: 'Vises på deltagernes eget sprog.', en: 'Shown in the language itself.' } },
}

export const howToJoinField: Field = {
  name: 'howToJoin',
  type: 'select',
  defaultValue: 'just-come',
  label: { da: 'Sådan kommer man med', en: 'How to join' },
  options: [
    { value: 'just-come', label: { da: 'Bare mød op', en: 'Just come' } },
    { value: 'sign-up', label: { da: 'Tilmelding', en: 'Sign up' } },
    { value: 'contact', label: { da: 'Kontakt os først', en: 'Contact us first' } },
  ],
}

/**
 * How many can come (issue 15): participants' signups beyond it go on the waiting list
 * (signups/places.ts). Empty: no limit. Raising it places the first waiting signups that fit.
 */
export const capacityField: Field = {
  name: 'capacity',
  type: 'number',
  min: 1,
  label: { da: 'Antal pladser', en: 'Number of places' },
  admin: {
    step: 1,
    condition: (_, siblingData) => siblingData?.howToJoin === 'sign-up',
    description: {
      da: 'Antal pladser i alt (en familie på 4 fylder 4). Tom: ingen grænse. Når pladserne er fyldt, kommer nye tilmeldinger på venteliste og rykker automatisk op, når der bliver plads.',
      en: 'Number of places in all (a family of 4 takes 4). Empty: no limit. When the places are taken, new signups go on a waiting list and move up automatically when places free up.',
    },
  },
  validate: (value: number | null | undefined, { req }: { req: PayloadRequest }) =>
    value === null || value === undefined || (Number.isInteger(value) && value >= 1) || ours(req.t)('invalid:capacity'),
}

/** Beside the number of places: how many are left and how many wait (components/PlacesStatus.tsx). */
export const placesStatusField: Field = {
  name: 'placesStatus',
  type: 'ui',
  label: { da: 'Pladser og venteliste', en: 'Places and waiting list' },
  admin: { condition: (_, siblingData) => siblingData?.howToJoin === 'sign-up', components: { Field: '/components/PlacesStatus#PlacesStatus' } },
}

export const priceFields: Field = {
  type: 'row',
  fields: [
    { name: 'free', type: 'checkbox', defaultValue: true, label: { da: 'Gratis', en: 'Free of charge' } },
    {
      name: 'priceNote',
      type: 'text',
      localized: true,
      label: { da: 'Pris', en: 'Price' },
      admin: { condition: (_, siblingData) => !siblingData?.free, description: { da: 'Fx "20 kr. for frokost".', en: 'E.g. "DKK 20 for lunch".' } },
    },
  ],
}

export const audienceField: Field = {
  name: 'audience',
  type: 'group',
  label: { da: 'For hvem', en: 'Audience' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'womenOnly', type: 'checkbox', defaultValue: false, label: { da: 'Kun for kvinder', en: 'Women only' } },
        { name: 'families', type: 'checkbox', defaultValue: false, label: { da: 'For familier', en: 'For families' } },
        { name: 'children', type: 'checkbox', defaultValue: false, label: { da: 'For børn', en: 'For children' } },
      ],
    },
    {
      type: 'row',
      admin: { condition: (_, siblingData) => Boolean(siblingData?.children) },
      fields: [
        { name: 'ageMin', type: 'number', min: 0, max: 25, label: { da: 'Alder fra', en: 'Age from' }, admin: { width: '25%' } },
        {
          name: 'ageMax',
          type: 'number',
          min: 0,
          max: 25,
          label: { da: 'Alder til', en: 'Age to' },
          admin: { width: '25%' },
          validate: (value: number | null | undefined, { req, siblingData }: { req: PayloadRequest; siblingData: { ageMin?: number | null } }) =>
            value === null || value === undefined || siblingData?.ageMin === null || siblingData?.ageMin === undefined || value >= siblingData.ageMin ||
            ours(req.t)('invalid:ageRange'),
        },
      ],
    },
  ],
}

export const accessibilityField: Field = {
  name: 'accessibility',
  type: 'textarea',
  localized: true,
  label: { da: 'Tilgængelighed', en: 'Accessibility' },
  admin: { description: { da: 'Fx "Elevator til 1. sal, handicaptoilet".', en: 'E.g. "Lift to first floor, accessible toilet".' } },
}

export const contactField: Field = {
  name: 'contact',
  type: 'group',
  label: { da: 'Kontaktperson', en: 'Contact' },
  admin: { description: { da: 'Tom: afdelingens e-mail og telefon.', en: 'Empty: the branch’s email and phone.' } },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' } },
        { name: 'email', type: 'email', label: { da: 'E-mail', en: 'Email' } },
        { name: 'phone', type: 'text', label: { da: 'Telefon', en: 'Phone' } },
      ],
    },
  ],
}
