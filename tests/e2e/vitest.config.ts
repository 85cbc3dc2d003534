import { defineConfig } from 'vitest/config';

// The real-browser tier: the built extension (dist/) in Debian's Chromium and Firefox ESR against
// the local test site. Files run one at a time: each launches its own browsers, and two browsers
// at once on a 2-core machine only make every wait longer.
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
