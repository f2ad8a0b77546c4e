'use client'
import { DateTimeField, useTranslation } from '@payloadcms/ui'
import type { ConditionalDateProps, DateFieldClientComponent } from 'payload'
import { useMemo } from 'react'

import { dateConventions, inputFormats } from '../fields/date'

/**
 * Every date field's input (fields/date.ts): Payload's own date field, told the admin
 * language's day-month format (what it reads and shows, and the placeholder) and the words of
 * its date picker. The field config is one for both languages, so this is where they part.
 */
export const DateInput: DateFieldClientComponent = (props) => {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'da'
  const { field } = props
  const localized = useMemo(() => {
    // Payload's client type loses the date options (a Pick from an optional type).
    const date = field.admin?.date as ConditionalDateProps | undefined
    const appearance = date?.pickerAppearance === 'dayOnly' ? 'dayOnly' : 'dayAndTime'
    const conventions = dateConventions[language]
    return {
      ...field,
      admin: {
        ...field.admin,
        placeholder: conventions.placeholder[appearance],
        date: {
          ...date,
          overrides: { ...date?.overrides, ...conventions.picker, dateFormat: inputFormats(appearance, language) },
        },
      },
    }
  }, [field, language])
  return <DateTimeField {...props} field={localized} />
}
