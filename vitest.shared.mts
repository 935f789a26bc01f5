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
    // One copy of graphql and of graphql-scalars: source under test would otherwise get their ESM
    // builds while Apollo and server-kit's dist (CommonJS) get the CJS ones, and `instanceof
    // GraphQLError` fails between them, or a schema holds two `LocalDate` scalars.
    resolve: {
      alias: [
        { find: /^graphql$/, replacement: require.resolve('graphql') },
        { find: /^graphql-scalars$/, replacement: require.resolve('graphql-scalars') },
      ],
    },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      globalSetup: options.database === false ? [] : [fileURLToPath(new URL('./packages/devdb/dist/vitest-setup.js', import.meta.url))],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
    },
  });
}
