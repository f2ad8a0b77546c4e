// The `xliff` package (the independent XLIFF reader and writer of the round-trip tests) ships no
// types; these cover what the tests use.
declare module 'xliff' {
  /** Text, an inline element (`{ GenericSpan: { id, ctype, contents } }`, `{ Standalone: { id, ctype } }`), or a list of them. */
  export type XliffValue = string | XliffInline | Array<string | XliffInline>
  export type XliffInline = Record<string, { id?: string; ctype?: string; contents?: XliffValue }>
  export interface XliffJsUnit {
    source: XliffValue
    target?: XliffValue
    note?: XliffValue | XliffValue[]
    additionalAttributes?: Record<string, string>
  }
  export interface XliffJs {
    sourceLanguage: string
    targetLanguage?: string
    resources: Record<string, Record<string, XliffJsUnit>>
  }
  export function xliff12ToJs(xml: string, options?: { captureSpacesBetweenElements?: boolean }): Promise<XliffJs>
  export function jsToXliff12(js: XliffJs, options?: { indent?: string }): Promise<string>
}
