import { defineConfig } from 'vitest/config';

// Unit tests only: pure logic beside the code (src/**/*.test.ts, the benches' helpers) and tests of the test site.
// The real-browser tier lives in tests/e2e and has its own config.
export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/site/**/*.test.ts',
      'tests/e2e/harness/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
