import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // The dashboard's aliases, so its plain modules ($lib/format …) can be unit-tested as they are.
  resolve: { alias: { $core: at('./src/core'), $domains: at('./src/domains'), $lib: at('./dashboard/src/lib') } },
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
