'use client'
import { SelectInput, useField } from '@payloadcms/ui'
import type { OptionObject, TextFieldClientComponent } from 'payload'
import { useCallback, useMemo } from 'react'

const asSlugs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

/**
 * "Tidligere adresser": the system fills the list in and an editor may only remove entries, so
 * the control offers the document's own old addresses and nothing to type (Payload's text list
 * would let an editor create entries the CMS then refuses).
 */
export const PreviousSlugsField: TextFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { customComponents: { Description, Error, Label } = {}, disabled, initialValue, path, setValue, showError, value } = useField<string[]>({
    potentiallyStalePath: pathFromProps,
  })
  const options = useMemo<OptionObject[]>(
    () => [...new Set([...asSlugs(initialValue), ...asSlugs(value)])].map((slug) => ({ label: slug, value: slug })),
    [initialValue, value],
  )
  const onChange = useCallback(
    (selected: unknown) => {
      const list = Array.isArray(selected) ? selected.map((option: OptionObject) => option.value) : []
      setValue(list)
    },
    [setValue],
  )
  return (
    <SelectInput
      Description={Description}
      description={field.admin?.description}
      Error={Error}
      hasMany
      isClearable={false}
      isSortable={false}
      Label={Label}
      label={field.label}
      name={field.name}
      onChange={onChange}
      options={options}
      path={path}
      readOnly={readOnly || disabled}
      showError={showError}
      value={asSlugs(value)}
    />
  )
}
