import fs from 'node:fs'
import path from 'node:path'

import matter from 'gray-matter'

import { defaultLocale, isLocaleCode, type LocaleCode } from '../../../core/locales'
import type { Region } from '../fields/regions'
import type { TranslationStatus } from '../fields/translationStatus'
import { contentDir } from '../lib/paths'

/** One language version of a document: its front matter and its Markdown body. */
export interface LocaleFile {
  locale: LocaleCode
  data: Record<string, unknown>
  body: string
  translationStatus: TranslationStatus
}

/** A document as stored in content/<collection>/<slug>/<locale>.md; `locales[da]` always exists. */
export interface ContentDocument {
  slug: string
  danish: LocaleFile
  translations: LocaleFile[]
}

type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU'
type HowToJoin = 'just-come' | 'sign-up' | 'contact'

export interface DemoAddress {
  street?: string
  postalCode?: string
  city?: string
}

export interface DemoActivity {
  slug: string
  type: string
  title: string
  summary?: string
  schedule: { byAppointment?: boolean; weekdays?: Weekday[]; frequency?: 'weekly' | 'biweekly'; start?: string; end?: string }
  languages?: string[]
  audience?: { womenOnly?: boolean; families?: boolean; children?: boolean; ageMin?: number; ageMax?: number }
  /** Target group slugs, when the activity's differ from its type's (a café for young people). */
  targetGroups?: string[]
  howToJoin?: HowToJoin
  /** Number of places (signup listings only; none: no limit). */
  capacity?: number
  venue?: string
  address?: DemoAddress
  /** Demo only: how long ago the department last confirmed the listing (default: at seed time). */
  confirmedDaysAgo?: number
}

export interface DemoEvent {
  slug: string
  type?: string
  title: string
  summary?: string
  inDays: number
  start: string
  end?: string
  venue?: string
  address?: DemoAddress
  howToJoin?: HowToJoin
  /** Number of places (signup listings only; none: no limit). */
  capacity?: number
}

export interface DemoDepartment {
  slug: string
  name: string
  town: string
  municipality: string
  region: Region
  location: [number, number]
  address: DemoAddress
  email?: string
  phone?: string
  description: string
  activities: DemoActivity[]
  events: DemoEvent[]
}

export class ContentError extends Error {
  constructor(file: string, problem: string) {
    super(`${path.relative(process.cwd(), file)}: ${problem}`)
  }
}

function readLocaleFile(file: string, locale: LocaleCode): LocaleFile {
  const { data, content } = matter(fs.readFileSync(file, 'utf8'))
  const status = data.translationStatus ?? (locale === defaultLocale ? 'original' : 'machine')
  if (!['original', 'machine', 'reviewed'].includes(status)) {
    throw new ContentError(file, `translationStatus must be original, machine or reviewed (got "${status}")`)
  }
  return { locale, data, body: content.trim(), translationStatus: status as TranslationStatus }
}

/** Reads every `<slug>/<locale>.md` below content/<folder>, Danish first. */
export function readDocuments(folder: string): ContentDocument[] {
  const root = path.join(contentDir, folder)
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = path.join(root, entry.name)
      const files = fs.readdirSync(dir).filter((name) => name.endsWith('.md'))
      const danishFile = path.join(dir, `${defaultLocale}.md`)
      if (!fs.existsSync(danishFile)) throw new ContentError(dir, `the Danish original ${defaultLocale}.md is missing`)
      const translations = files
        .map((name) => name.replace(/\.md$/, ''))
        .filter((code) => code !== defaultLocale)
        .map((code) => {
          if (!isLocaleCode(code)) throw new ContentError(path.join(dir, `${code}.md`), `"${code}" is not a locale in core/locales.ts`)
          return readLocaleFile(path.join(dir, `${code}.md`), code)
        })
      return { slug: entry.name, danish: readLocaleFile(danishFile, defaultLocale), translations }
    })
    .sort((a, b) => a.slug.localeCompare(b.slug))
}

export function readNavigation(): { items: { kind: string; page?: string; label: Partial<Record<LocaleCode, string>> }[] } {
  return JSON.parse(fs.readFileSync(path.join(contentDir, 'globals', 'navigation.json'), 'utf8'))
}

export function readDemoDepartments(): DemoDepartment[] {
  const root = path.join(contentDir, 'demo', 'departments')
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = path.join(root, name)
      const { data, content } = matter(fs.readFileSync(file, 'utf8'))
      if (data.demo !== true) throw new ContentError(file, 'demo data must say `demo: true`')
      for (const key of ['name', 'town', 'municipality', 'region', 'location']) {
        if (!data[key]) throw new ContentError(file, `"${key}" is missing`)
      }
      return {
        ...(data as Omit<DemoDepartment, 'slug' | 'description'>),
        slug: name.replace(/\.md$/, ''),
        description: content.trim(),
        activities: (data.activities ?? []) as DemoActivity[],
        events: (data.events ?? []) as DemoEvent[],
      }
    })
}
