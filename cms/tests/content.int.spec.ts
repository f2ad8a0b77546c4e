import { describe, expect, it } from 'vitest'

import { localeCodes } from '../../core/locales'
import { readDemoDepartments, readDocuments } from '../src/seed/content'

describe('content/ files', () => {
  it.each(['activity-types', 'target-groups', 'pages'])('%s: every document exists in all 8 locales with a title', (folder) => {
    for (const document of readDocuments(folder)) {
      const files = [document.danish, ...document.translations]
      expect(files.map((file) => file.locale).sort(), document.slug).toEqual([...localeCodes].sort())
      for (const file of files) expect(file.data.title, `${document.slug}/${file.locale}`).toBeTruthy()
    }
  })

  it('keeps the real figures from the source text on the about page', () => {
    const [about] = readDocuments('pages').filter((document) => document.slug === 'om-integration')
    for (const figure of ['18 år', '60 lokale afdelinger', '1000 frivillige', '3700 brugere']) {
      expect(about!.danish.body).toContain(figure)
    }
  })

  it('demo departments cover all five regions with 2–6 activities each and example.org contacts', () => {
    const departments = readDemoDepartments()
    expect(departments.length).toBeGreaterThanOrEqual(12)
    expect(new Set(departments.map((department) => department.region)).size).toBe(5)
    for (const department of departments) {
      expect(department.activities.length, department.slug).toBeGreaterThanOrEqual(2)
      expect(department.activities.length, department.slug).toBeLessThanOrEqual(6)
      expect(department.email, department.slug).toMatch(/@example\.org$/)
      const [longitude, latitude] = department.location
      expect(longitude).toBeGreaterThan(8)
      expect(longitude).toBeLessThan(15.3)
      expect(latitude).toBeGreaterThan(54.5)
      expect(latitude).toBeLessThan(57.8)
    }
  })
})
