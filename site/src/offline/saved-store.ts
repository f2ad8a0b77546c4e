/**
 * "My activities": what the reader saved, kept in this browser's localStorage only (no account,
 * nothing sent anywhere). The activity and event pages write it (save-button.ts), the saved list
 * reads it (saved-list.ts); the shape is the one the pages carry (SavedItem, made at build time by
 * components/SaveButton.astro).
 */
import type { CarriedPeriod } from '../../../core/weekly'

export interface SavedItem {
  /** `activity:<slug>` or `event:<slug>`: a listing is saved once, in the language it was last saved in. */
  key: string
  lang: string
  dir: 'ltr' | 'rtl'
  /** The page's path ("/ti/afdelinger/odense/kvindegruppe/"). */
  url: string
  title: string
  department?: string
  /** The address card's lines. */
  place: string[]
  directions?: string
  /** The calendar feed's path. */
  calendar?: string
  /** A recurring activity's rules (the phone computes the next meetings from them). */
  periods?: CarriedPeriod[]
  /** The next meetings as the page showed them (ms), for a rule the phone cannot expand; an event's own time. */
  dates: { start: number; end: number | null }[]
  byAppointment?: boolean
  /** When it was saved (ms), set by the save button. */
  savedAt?: number
}

const storageKey = 'drk-saved-v1'
/** More than anyone would keep; a full list drops the oldest. */
const most = 100

export function readSaved(): SavedItem[] {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? '[]') as unknown
    return Array.isArray(value) ? (value as SavedItem[]).filter((item) => item && typeof item.key === 'string' && typeof item.url === 'string') : []
  } catch {
    return []
  }
}

/** Whether the browser kept the list: storage full or refused (private mode, a blocked site) keeps nothing, and the page says so. */
export function writeSaved(items: SavedItem[]): boolean {
  try {
    localStorage.setItem(storageKey, JSON.stringify(items.slice(0, most)))
    return true
  } catch {
    return false
  }
}
