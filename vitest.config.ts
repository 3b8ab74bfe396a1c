import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest: `wxt/browser` becomes an in-memory fake browser (reset it with fakeBrowser.reset()).
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Engine tests compile every built-in list first (seconds on a busy 2-core machine).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
