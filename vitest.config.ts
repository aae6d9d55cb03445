import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // DuckDB, servers and chromium per file: two at a time fits the 2-core machines CI runs on.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['tests/setup/global.ts'],
    // No line per request in the tests' output (servers the tests start inherit it); tests that read the log set it.
    env: { ATALAYA_LOG: 'silencio' },
  },
});
