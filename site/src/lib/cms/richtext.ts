import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

type RichTextValue = Parameters<typeof convertLexicalToHTML>[0]['data']

/** Payload's own Lexical → HTML converter; empty string for empty rich text. */
export function richTextToHTML(value: unknown): string {
  if (!value || typeof value !== 'object' || !('root' in value)) return ''
  return convertLexicalToHTML({ data: value as RichTextValue, disableContainer: true })
}
