// Typed GraphQL documents for the UI: `graphql()` calls in src/ are checked against the gateway's
// composed API schema, and src/gql/ (git-ignored) is regenerated before every build.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../services/gateway/api-schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        scalars: { LocalDate: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        // Enums as string-literal unions: no runtime enum objects to import or tree-shake.
        enumType: 'string-literal',
        useTypeImports: true,
      },
    },
  },
};

export default config;
