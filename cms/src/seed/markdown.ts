import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { SanitizedConfig } from 'payload'

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>
export type RichText = ReturnType<typeof convertMarkdownToLexical>

/** Converts the Markdown of content/ files to the Lexical JSON the rich text fields store. */
export async function markdownConverter(config: SanitizedConfig): Promise<(markdown: string) => RichText> {
  const editorConfig: EditorConfig = await editorConfigFactory.default({ config })
  return (markdown) => convertMarkdownToLexical({ editorConfig, markdown })
}
