// The vitest setup every backend package shares: swc (for decorator metadata, which esbuild lacks)
// and one PostgreSQL server per run (embedded unless DATABASE_URL), handed to tests as `pgAdminUrl`.
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export function backendTestConfig(options: { database?: boolean } = {}) {
  return defineConfig({
    plugins: [swc.vite({ jsc: { target: 'es2022' } })],
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      globalSetup: options.database === false ? [] : [fileURLToPath(new URL('./packages/devdb/dist/vitest-setup.js', import.meta.url))],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
    },
  });
}
