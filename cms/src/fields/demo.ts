import type { CheckboxField } from 'payload'

/** Marks made-up demo data (content/demo/), so nobody mistakes it for a real department. */
export const demoField: CheckboxField = {
  name: 'isDemo',
  type: 'checkbox',
  label: { da: 'Demodata', en: 'Demo data' },
  defaultValue: false,
  admin: {
    position: 'sidebar',
    description: { da: 'Opdigtet eksempel – ikke en rigtig afdeling.', en: 'Made-up example – not a real branch.' },
  },
}
