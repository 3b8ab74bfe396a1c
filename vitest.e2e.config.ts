// Browser tests: real Chromium driven by playwright-core, one spec file at a
// time (each launches its own browser; CI has 2 cores), never retried.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.spec.ts'],
    retry: 0,
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
