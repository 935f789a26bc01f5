// The vitest setup every backend package shares: swc (for decorator metadata, which esbuild lacks)
// and one PostgreSQL server per run (embedded unless DATABASE_URL), handed to tests as `pgAdminUrl`.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export function backendTestConfig(options: { database?: boolean } = {}) {
  return defineConfig({
    plugins: [swc.vite({ jsc: { target: 'es2022' } })],
    // One copy of graphql: source under test would otherwise get its ESM build while Apollo
    // (CommonJS) gets the CJS one, and `instanceof GraphQLError` fails between them.
    resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      globalSetup: options.database === false ? [] : [fileURLToPath(new URL('./packages/devdb/dist/vitest-setup.js', import.meta.url))],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
    },
  });
}
