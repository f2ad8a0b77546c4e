import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // A machine far from Copenhagen: every conversion must still give Danish time.
    env: { TZ: 'America/Los_Angeles' },
  },
})
