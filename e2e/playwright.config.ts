import fs from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

const debianChromium = '/usr/bin/chromium'
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync(debianChromium) ? debianChromium : undefined)

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // Starts a throw-away CMS + site unless `npm test` already did (E2E_CMS_URL set).
  globalSetup: './fixtures/global-setup.ts',
  use: {
    baseURL: process.env.E2E_SITE_URL ?? 'http://localhost:4400',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // A cheap Android phone is who the public site is for.
    { name: 'phone', use: { ...devices['Pixel 5'] }, testIgnore: /(publish|department-editor|rename|releases|access-.*|admin-.*)\.spec\.ts/ },
    // The admin on a desktop; it saves drafts only (no site build), so it runs beside the access tests.
    { name: 'admin', use: { ...devices['Desktop Chrome'] }, testMatch: /admin-.*\.spec\.ts/, dependencies: ['phone'] },
    // The access tests add departments and users through REST: after the site checks, which compare with the CMS.
    { name: 'access', testMatch: /access-.*\.spec\.ts/, dependencies: ['phone'] },
    // Rebuilding the served site while other tests read it would race: run it last, alone.
    { name: 'publish', use: { ...devices['Desktop Chrome'] }, testMatch: /publish\.spec\.ts/, dependencies: ['access'] },
    // Also rebuilds the site: after the publish test, never beside it.
    { name: 'department-editor', use: { ...devices['Desktop Chrome'] }, testMatch: /department-editor\.spec\.ts/, dependencies: ['publish'] },
    // Renames seeded documents and rebuilds three times, then names them back: alone, after the other journeys on the shared site.
    { name: 'rename', use: { ...devices['Desktop Chrome'] }, testMatch: /rename\.spec\.ts/, dependencies: ['department-editor'] },
    // Its own CMS and site (it stops the CMS mid-build): last, so the machine's two cores are not shared.
    { name: 'releases', testMatch: /releases\.spec\.ts/, dependencies: ['rename'] },
  ],
})
