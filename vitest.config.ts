import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    reporters: ['default', './tests/count-reporter.ts'],
    setupFiles: ['./tests/fast-check-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
