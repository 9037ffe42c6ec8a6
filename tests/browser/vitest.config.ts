import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests of the viewer: `npx vitest run -c tests/browser/vitest.config.ts`.
// Needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped without it.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/browser/**/*.test.ts'],
    reporters: ['default', './tests/count-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
