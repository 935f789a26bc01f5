import { writeFileSync } from 'node:fs';
import { apiSchemaFile, composeSupergraph, supergraphFile } from './supergraph';

try {
  const { supergraphSdl, apiSchema } = composeSupergraph();
  writeFileSync(supergraphFile, supergraphSdl);
  writeFileSync(apiSchemaFile, apiSchema);
  process.stdout.write('wrote services/gateway/supergraph.graphql and api-schema.graphql\n');
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
