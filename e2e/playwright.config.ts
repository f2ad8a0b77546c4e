import fs from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

import { environmentPlan } from '../scripts/test-environment.mjs'
import type { EnvironmentName, EnvironmentOptions } from './fixtures/cms'

const debianChromium = '/usr/bin/chromium'
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync(debianChromium) ? debianChromium : undefined)

/**
 * Each project runs in the environment it names, independent of the others (no project waits for
 * another). `npm test` starts them all (`E2E_ENVIRONMENTS`); a single developer environment
 * (scripts/dev-env.mjs) serves every project.
 */
const environments = process.env.E2E_ENVIRONMENTS ? (JSON.parse(process.env.E2E_ENVIRONMENTS) as Record<string, Record<string, string>>) : null
const inEnvironment = (environment: EnvironmentName) => ({
  environment,
  baseURL: environments?.[environment]?.E2E_SITE_URL ?? process.env.E2E_SITE_URL ?? `http://localhost:${environmentPlan[environment].sitePort ?? environmentPlan.site.sitePort}`,
})

export default defineConfig<EnvironmentOptions>({
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
    // A cheap Android phone is who the public site is for. It reads the site and the CMS (and
    // compares them), so nothing else changes their content.
    { name: 'phone', use: { ...devices['Pixel 5'], ...inEnvironment('site') }, testIgnore: /(publish|department-editor|rename|releases|serving|access-.*|admin-.*)\.spec\.ts/ },
    // The admin on a desktop, and the access tests (they add departments, users and drafts): the CMS only.
    { name: 'admin', use: { ...devices['Desktop Chrome'], ...inEnvironment('admin') }, testMatch: /admin-.*\.spec\.ts/ },
    { name: 'access', use: inEnvironment('admin'), testMatch: /access-.*\.spec\.ts/ },
    // Publishing journeys change published content and rebuild the site: one at a time, in their own environment.
    {
      name: 'publishing',
      use: { ...devices['Desktop Chrome'], ...inEnvironment('publishing') },
      testMatch: /(publish|department-editor|rename)\.spec\.ts/,
      workers: 1,
    },
    // Starts its own CMS and site (it stops the CMS mid-build and counts every build).
    { name: 'releases', testMatch: /releases\.spec\.ts/ },
    // Debian's nginx with the release's serving rules, started once by its one file, on the public site's release.
    { name: 'serving', use: { ...devices['Pixel 5'], ...inEnvironment('site') }, testMatch: /serving\.spec\.ts/ },
  ],
})
