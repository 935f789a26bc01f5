import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end suites: one real platform (processes, real PostgreSQL) shared by every file.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: [fileURLToPath(new URL('./support/platform-setup.ts', import.meta.url))],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
