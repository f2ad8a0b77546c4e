import type { CheckboxField } from 'payload'

import { editorsOnlyField } from '../access/index'

/** Marks made-up demo data (content/demo/), so nobody mistakes it for a real department. */
export const demoField: CheckboxField = {
  name: 'isDemo',
  type: 'checkbox',
  label: { da: 'Demodata', en: 'Demo data' },
  defaultValue: false,
  access: { create: editorsOnlyField, update: editorsOnlyField },
  admin: {
    position: 'sidebar',
    description: { da: 'Opdigtet eksempel – ikke en rigtig afdeling.', en: 'Made-up example – not a real branch.' },
  },
}
