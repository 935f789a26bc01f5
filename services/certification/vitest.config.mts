import { createRequire } from 'node:module';
import { mergeConfig } from 'vitest/config';
import { backendTestConfig } from '../../vitest.shared.mts';

const require = createRequire(import.meta.url);

// server-kit (CommonJS, from dist) defines PolicyVersion with graphql-scalars' CommonJS build; the
// sources under test must get the same copy, or the schema holds two `LocalDate` scalars.
export default mergeConfig(backendTestConfig(), {
  resolve: { alias: [{ find: /^graphql-scalars$/, replacement: require.resolve('graphql-scalars') }] },
});
