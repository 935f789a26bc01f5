// Writes the subgraph SDL to schema.graphql (the `compose` task); the gateway composes from it.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEthicsSchema } from './schema';

void buildEthicsSchema().then(({ sdl }) => {
  writeFileSync(join(__dirname, '..', 'schema.graphql'), sdl);
  process.stdout.write('wrote services/ethics/schema.graphql\n');
});
