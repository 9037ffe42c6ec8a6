import { defineConfig } from 'vitest/config';

// Unit tests of the data preparation (pure, Node); browser tests live in tests/browser.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
