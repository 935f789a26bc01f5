// Composition at build time (`npm run compose`): the committed subgraph SDLs become the committed
// supergraph.graphql the gateway loads, and api-schema.graphql the web UI's codegen reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSchema } from 'graphql';
import gql from 'graphql-tag';

export const SUBGRAPHS = [
  { name: 'certification', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'training', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'ethics', url: 'http://127.0.0.1:4003/graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const servicesDir = join(__dirname, '..', '..');
export const supergraphFile = join(__dirname, '..', 'supergraph.graphql');
export const apiSchemaFile = join(__dirname, '..', 'api-schema.graphql');

export function composeSupergraph(): { supergraphSdl: string; apiSchema: string } {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: s.url,
      typeDefs: gql(readFileSync(join(servicesDir, s.name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSchema: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n` };
}
