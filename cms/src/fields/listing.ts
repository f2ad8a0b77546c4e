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
