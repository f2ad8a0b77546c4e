import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

type RichTextValue = Parameters<typeof convertLexicalToHTML>[0]['data']

/**
 * Payload's own Lexical → HTML converter; empty string for empty rich text. Links an editor typed
 * to a page of this site are marked, so that a link to a page that is not published (another
 * department's, say) is shown as plain text by the release check instead of failing the build
 * (site/scripts/release/validate.ts).
 */
export function richTextToHTML(value: unknown): string {
  if (!value || typeof value !== 'object' || !('root' in value)) return ''
  return (
    convertLexicalToHTML({ data: value as RichTextValue, disableContainer: true })
      .replace(/<a href="\/(?!\/)/g, '<a data-content-link href="/')
      // The converter gives every list item `class="" style=""`; empty, they only trip validators.
      // (Text never holds a bare `=""`: the converter escapes quotes in text.)
      .replace(/\s(?:class|style)=""/g, '')
  )
}
