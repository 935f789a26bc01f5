// Writes the subgraph SDL to schema.graphql (the `compose` task); the gateway composes from it.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTrainingSchema } from './schema';

void buildTrainingSchema().then(({ sdl }) => {
  writeFileSync(join(__dirname, '..', 'schema.graphql'), sdl);
  process.stdout.write('wrote services/training/schema.graphql\n');
});
